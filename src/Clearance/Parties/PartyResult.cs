namespace Clearance.Parties;

public enum PartyResult
{
    Saved,
    Invalid,
    NotFound,
    DuplicateReference,
}
