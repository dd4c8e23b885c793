namespace Clearance.Rules.Licensing;

/// <summary>Collects the requirements and findings of one line while the engine walks the rules.</summary>
sealed class LineBuilder
{
    public List<Finding> Findings { get; } = new(8);

    public RequirementKinds Kinds { get; private set; }

    public ReviewPolicy? Policy { get; private set; }

    public bool Hold { get; set; }

    public bool ExceptionsBarred { get; set; }

    public void Add(string code, string citation, string message, bool unconfirmed = false) =>
        Findings.Add(new Finding(code, citation, message, unconfirmed));

    public void Require(RequirementKinds kind, ReviewPolicy? policy)
    {
        Kinds |= kind;
        if (policy is { } p && (Policy is null || p > Policy))
        {
            Policy = p;
        }
    }
}
