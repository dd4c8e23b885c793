namespace Clearance.Licenses;

/// <summary>What became of a request on a license application.</summary>
/// <param name="Result">What happened.</param>
/// <param name="Application">The application as saved (or as found).</param>
/// <param name="Errors">By JSON path, when <see cref="ApplicationResult.Invalid"/>.</param>
/// <param name="Detail">Why, when <see cref="ApplicationResult.Conflict"/>.</param>
/// <param name="Blocks">The parties that keep a submission back, each with why.</param>
public sealed record ApplicationOutcome(
    ApplicationResult Result, LicenseApplication? Application, IReadOnlyDictionary<string, string[]> Errors, string? Detail = null,
    IReadOnlyList<ApplicationBlock>? Blocks = null);

public enum ApplicationResult
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>The transition is not allowed from the application's state, or a party blocks submission.</summary>
    Conflict,
}

/// <summary>A whitelist party that blocks submission.</summary>
/// <param name="PartyId">The party-master party.</param>
/// <param name="Role">Its role on the application.</param>
/// <param name="Name">Its name.</param>
/// <param name="Code"><c>open-alert</c> or <c>true-match</c>.</param>
/// <param name="Message">What stands against it.</param>
public sealed record ApplicationBlock(long PartyId, string Role, string Name, string Code, string Message);
