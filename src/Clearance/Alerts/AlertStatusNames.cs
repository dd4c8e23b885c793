namespace Clearance.Alerts;

public static class AlertStatusNames
{
    public static IReadOnlyList<AlertStatus> All { get; } = Enum.GetValues<AlertStatus>();

    /// <summary>The wire and stored name: open, true-match, false-positive, superseded.</summary>
    public static string Name(this AlertStatus status) => status switch
    {
        AlertStatus.Open => "open",
        AlertStatus.TrueMatch => "true-match",
        AlertStatus.FalsePositive => "false-positive",
        AlertStatus.Superseded => "superseded",
    };

    public static AlertStatus? Parse(string? name) => All.Cast<AlertStatus?>().FirstOrDefault(s => string.Equals(s!.Value.Name(), name, StringComparison.Ordinal));

    public static AlertStatus ParseStored(string name) => Parse(name) ?? throw new InvalidDataException($"unknown alert status '{name}' in the database");
}
