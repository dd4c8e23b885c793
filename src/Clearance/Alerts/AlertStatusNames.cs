namespace Clearance.Alerts;

public static class AlertStatusNames
{
    public static IReadOnlyList<AlertStatus> All { get; } = Enum.GetValues<AlertStatus>();

    /// <summary>The wire and stored name (<see cref="WireNames"/>): open, true-match, false-positive, superseded.</summary>
    public static string Name(this AlertStatus status) => WireNames.Name(status);

    public static AlertStatus? Parse(string? name) => WireNames.Parse<AlertStatus>(name);

    public static AlertStatus ParseStored(string name) => Parse(name) ?? throw new InvalidDataException($"unknown alert status '{name}' in the database");
}
