using System.Security.Cryptography;
using System.Text;
using Clearance.Screening;

namespace Clearance.Alerts;

/// <summary>
/// The version of a list entry as screening sees it: SHA-256 over its list, id, names, type, countries and addresses.
/// Programs, notices and the file it came from do not enter it, so a republished list with the same entry leaves the
/// fingerprint (and any false positive recorded against it) unchanged.
/// </summary>
public static class EntryFingerprint
{
    public static string Of(ListEntry entry)
    {
        var text = new StringBuilder()
            .Append(entry.List).Append('\n')
            .Append(entry.Id).Append('\n')
            .Append(entry.Name).Append('\n')
            .AppendJoin('\u001f', entry.Aliases.Order(StringComparer.Ordinal)).Append('\n')
            .Append(entry.Type.ToString()).Append('\n')
            .AppendJoin('\u001f', entry.Countries.Order(StringComparer.Ordinal)).Append('\n')
            .AppendJoin('\u001f', entry.Addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
