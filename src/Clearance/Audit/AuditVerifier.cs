using System.Globalization;
using System.Text.Json;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Rules;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Audit;

/// <summary>
/// Walks the chain from the first event and names the first one that does not hold; then checks that every order's
/// stored status, verdict and decision are those the last event recording them says (an order edited in the database
/// behind the application's back no longer verifies); and, given a head an auditor kept, that the log still contains
/// it (a log cut at the end is otherwise a valid, shorter chain).
/// </summary>
public sealed class AuditVerifier(ClearanceDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct) => await VerifyAsync(null, ct);

    public async Task<AuditVerification> VerifyAsync(AuditHead? expected, CancellationToken ct)
    {
        var total = await db.AuditEvents.LongCountAsync(ct);
        var expectedId = 1L;
        var previousHash = AuditChain.GenesisHash;
        string? hashAtExpected = null;
        var recorded = new Dictionary<long, RecordedOrder>();
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem = Check(e, expectedId, previousHash);
            if (problem is not null)
            {
                return new AuditVerification(false, total, e.Id, problem, expectedId - 1, previousHash);
            }

            if (string.Equals(e.EntityType, OrderEntity, StringComparison.Ordinal))
            {
                Record(recorded, e);
            }

            if (e.Id == expected?.Event)
            {
                hashAtExpected = e.Hash;
            }

            previousHash = e.Hash;
            expectedId++;
        }

        var head = expectedId - 1;
        if (expected is not null)
        {
            if (hashAtExpected is null)
            {
                return new AuditVerification(false, total, null,
                    $"the log has {head} events, fewer than the {expected.Event} of the expected head: events were removed from its end", head, previousHash);
            }

            if (!string.Equals(hashAtExpected, expected.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, total, expected.Event,
                    $"event {expected.Event} has the hash {hashAtExpected}, not {expected.Hash} of the expected head: the log was rewritten", head, previousHash);
            }
        }

        var orderProblem = await CheckOrdersAsync(recorded, ct);
        return orderProblem is { } broken
            ? new AuditVerification(false, total, broken.Event, broken.Problem, head, previousHash)
            : new AuditVerification(true, total, null, null, head, previousHash);
    }

    const string OrderEntity = "order";

    /// <summary>What the events about an order last said of it, each with the event that said it.</summary>
    sealed class RecordedOrder
    {
        public (string Value, long Event)? Status { get; set; }

        public (string Value, long Event)? Verdict { get; set; }

        public (string Value, long Event)? DecisionSha256 { get; set; }
    }

    static void Record(Dictionary<long, RecordedOrder> recorded, AuditEvent e)
    {
        if (!long.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return;
        }

        using var payload = JsonDocument.Parse(e.Payload);
        if (payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var order = recorded.TryGetValue(id, out var known) ? known : recorded[id] = new RecordedOrder();
        if (Text(payload.RootElement, "status") is { } status)
        {
            order.Status = (status, e.Id);
        }
        else if (string.Equals(e.Action, OrderEvents.Released, StringComparison.Ordinal))
        {
            // Releases recorded before the status was written into the event.
            order.Status = (OrderStatus.Released.Name(), e.Id);
        }

        if (Text(payload.RootElement, "verdict") is { } verdict)
        {
            order.Verdict = (verdict, e.Id);
        }

        if (Text(payload.RootElement, "decisionSha256") is { } decision)
        {
            order.DecisionSha256 = (decision, e.Id);
        }
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    async Task<(long? Event, string Problem)?> CheckOrdersAsync(Dictionary<long, RecordedOrder> recorded, CancellationToken ct)
    {
        var orders = db.Orders.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Status, o.Verdict, o.DecisionJson })
            .AsAsyncEnumerable();
        await foreach (var order in orders.WithCancellation(ct))
        {
            if (!recorded.TryGetValue(order.Id, out var events) || events.Status is not { } status)
            {
                return (null, $"order {order.Id} was recorded by no audit event: it was added to the database behind the application's back");
            }

            if (!string.Equals(status.Value, order.Status.Name(), StringComparison.Ordinal))
            {
                return (status.Event, $"order {order.Id} is stored as {order.Status.Name()}, but event {status.Event} recorded it as {status.Value}: the order was edited after");
            }

            if (events.Verdict is { } verdict && !string.Equals(verdict.Value, order.Verdict, StringComparison.Ordinal))
            {
                return (verdict.Event, $"order {order.Id}'s stored verdict is {order.Verdict}, but event {verdict.Event} recorded {verdict.Value}: the order was edited after");
            }

            if (events.DecisionSha256 is { } decision && !string.Equals(decision.Value, OrderEvents.DecisionSha256(order.DecisionJson), StringComparison.Ordinal))
            {
                return (decision.Event, $"order {order.Id}'s stored decision is not the one event {decision.Event} recorded: the order was edited after");
            }
        }

        return null;
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
