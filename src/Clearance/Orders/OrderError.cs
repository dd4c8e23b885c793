namespace Clearance.Orders;

/// <summary>A problem in an order file, located by JSON path (or by line when the file is not JSON).</summary>
public sealed record OrderError(string File, string Location, string Message)
{
    public override string ToString() => $"{File}: {Location}: {Message}";
}
