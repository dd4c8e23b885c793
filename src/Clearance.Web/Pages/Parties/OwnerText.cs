using System.Globalization;
using Clearance.Parties;

namespace Clearance.Web.Pages.Parties;

/// <summary>How the party pages write an owner and its share.</summary>
public static class OwnerText
{
    /// <summary>"30.5%", or "unknown" when no share is recorded.</summary>
    public static string Share(PartyOwner owner) =>
        owner.Percent is { } share ? share.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "unknown";

    /// <summary>"Sugon (CN, 30.5%)"; what is not known is left out.</summary>
    public static string Of(PartyOwner owner)
    {
        string[] known = [.. new[] { owner.Country, owner.Percent is null ? null : Share(owner) }.OfType<string>()];
        return known.Length == 0 ? owner.Name : $"{owner.Name} ({string.Join(", ", known)})";
    }
}
