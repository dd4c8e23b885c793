using Clearance.Data;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Audit;

/// <summary>Walks the chain from the first event and names the first one that does not hold.</summary>
public sealed class AuditVerifier(ClearanceDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var total = await db.AuditEvents.LongCountAsync(ct);
        var expectedId = 1L;
        var previousHash = AuditChain.GenesisHash;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem = Check(e, expectedId, previousHash);
            if (problem is not null)
            {
                return new AuditVerification(false, total, e.Id, problem, previousHash);
            }

            previousHash = e.Hash;
            expectedId++;
        }

        return new AuditVerification(true, total, null, null, previousHash);
    }

    static string? Check(AuditEvent e, long expectedId, string previousHash)
    {
        if (e.Id != expectedId)
        {
            return e.Id > expectedId
                ? $"event {e.Id} follows event {expectedId - 1}: events {expectedId}..{e.Id - 1} are missing (deleted)"
                : $"event {e.Id} appears out of place after event {expectedId - 1}";
        }

        if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"event {e.Id} does not follow event {e.Id - 1}: its previous hash is not that event's hash (events replaced or reordered)";
        }

        var recomputed = AuditChain.Hash(previousHash, AuditChain.CanonicalJson(e));
        return string.Equals(recomputed, e.Hash, StringComparison.Ordinal)
            ? null
            : $"event {e.Id} does not match its hash: its contents were edited after it was written";
    }
}
