namespace Clearance.WhatIf;

/// <summary>What a proposed rule changes, as of one date: per catalog item the ECCN, per order line the license answer,
/// and the units and value at stake by destination and by item.</summary>
public sealed record WhatIfReport(
    string Proposal,
    DateOnly AsOf,
    string VintageBefore,
    string VintageAfter,
    int ItemsChanged,
    IReadOnlyList<WhatIfItem> Items,
    int LinesChanged,
    IReadOnlyList<WhatIfLine> Lines,
    IReadOnlyList<WhatIfTotal> ByDestination,
    IReadOnlyList<WhatIfTotal> ByItem);

/// <summary>A catalog item's classification under the rules in force and under the proposal.</summary>
public sealed record WhatIfItem(string Item, string EccnBefore, string EccnAfter, bool Changed);

/// <summary>An order line's answer before and after; <see cref="Value"/> is units × unit price (null without a price).</summary>
public sealed record WhatIfLine(
    string OrderId, int Line, string Item, string Destination, long Units, decimal? Value, WhatIfOutcome Before, WhatIfOutcome After, bool Changed);

/// <summary>One side of a line's comparison, in the wire names of <c>evaluate</c>.</summary>
public sealed record WhatIfOutcome(string Eccn, bool LicenseRequired, string? ReviewPolicy, string? Exception, string Verdict);

/// <summary>Changed lines of one destination or item: how many, how many gain or lose a license requirement, and the
/// units and (priced) value at stake.</summary>
public sealed record WhatIfTotal(
    string Key, int Lines, int LinesChanged, int NewlyLicenseRequired, int NoLongerLicenseRequired, long UnitsAtStake, decimal ValueAtStake, int UnpricedLinesChanged);
