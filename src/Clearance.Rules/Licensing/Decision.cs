namespace Clearance.Rules.Licensing;

/// <summary>What the law requires for an order on a date.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="AsOf">The date whose rules were applied.</param>
/// <param name="Vintage">The rule set in force on that date.</param>
/// <param name="Diffusion">Which reading of the AI Diffusion rule was applied.</param>
/// <param name="Verdict">The worst over lines and parties.</param>
/// <param name="Lines">One decision per line.</param>
/// <param name="Screening">One row per party.</param>
public sealed record Decision(
    string OrderId, DateOnly AsOf, string Vintage, DiffusionReading Diffusion, Verdict Verdict,
    IReadOnlyList<LineDecision> Lines, IReadOnlyList<PartyScreening> Screening);
