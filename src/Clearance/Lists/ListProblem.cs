namespace Clearance.Lists;

/// <summary>A row of a list file that could not be used, with where it is and why.</summary>
public sealed record ListProblem(string File, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
