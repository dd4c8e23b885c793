namespace Clearance.Lists;

public enum ListApprovalResult
{
    Approved,
    NotFound,
    NotPending,

    /// <summary>The approver uploaded the version: four eyes need another person.</summary>
    OwnUpload,
}
