namespace Clearance.Alerts;

public sealed record DispositionOutcome(DispositionResult Result, Alert? Alert);
