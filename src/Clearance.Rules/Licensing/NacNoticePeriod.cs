namespace Clearance.Rules.Licensing;

/// <summary>License Exception NAC's notice period: <paramref name="Days"/> calendar days between registering the
/// notification and the first day the exception may be used, as <paramref name="Citation"/> writes it.</summary>
public sealed record NacNoticePeriod(int Days, string Citation);
