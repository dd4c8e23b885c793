namespace Clearance.Rules.Licensing;

/// <summary>Converts between <see cref="CountryGroupId"/> and the EAR's labels (<c>D:5</c>).</summary>
public static class CountryGroupIds
{
    /// <summary>Every group, in a fixed order.</summary>
    public static IReadOnlyList<CountryGroupId> All { get; } =
        [CountryGroupId.A5, CountryGroupId.A6, CountryGroupId.D1, CountryGroupId.D4, CountryGroupId.D5, CountryGroupId.E1, CountryGroupId.E2];

    /// <summary>The EAR label of a group.</summary>
    public static string Label(CountryGroupId id) => id switch
    {
        CountryGroupId.A5 => "A:5",
        CountryGroupId.A6 => "A:6",
        CountryGroupId.D1 => "D:1",
        CountryGroupId.D4 => "D:4",
        CountryGroupId.D5 => "D:5",
        CountryGroupId.E1 => "E:1",
        CountryGroupId.E2 => "E:2",
    };

    /// <summary>The group with an EAR label; null when the label names no group the engine knows.</summary>
    public static CountryGroupId? Parse(string label)
    {
        foreach (var id in All)
        {
            if (Label(id).Equals(label, StringComparison.Ordinal))
            {
                return id;
            }
        }

        return null;
    }
}
