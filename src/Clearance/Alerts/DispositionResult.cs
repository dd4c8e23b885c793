namespace Clearance.Alerts;

public enum DispositionResult
{
    Recorded,
    NotFound,
    AlreadyDispositioned,
}
