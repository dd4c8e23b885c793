namespace Clearance.Licenses;

/// <summary>The license conditions Clearance enforces or accounts for. They are conditions written on a license, not
/// rules of the EAR: a revenue share, in particular, has no regulation behind it.</summary>
public static class ConditionKinds
{
    public const string RevenueShare = "revenue-share";
    public const string UsThirdPartyTest = "us-third-party-test";
    public const string ChinaUsVolumeCap = "china-us-volume-cap";
    public const string ChinaImportApproval = "china-import-approval";
    public const string EndUseStatement = "end-use-statement";
    public const string RemoteAccessKyc = "remote-access-kyc";
    public const string PerCustomerCap = "per-customer-cap";

    public static IReadOnlyList<string> All { get; } =
        [RevenueShare, UsThirdPartyTest, ChinaUsVolumeCap, ChinaImportApproval, EndUseStatement, RemoteAccessKyc, PerCustomerCap];
}
