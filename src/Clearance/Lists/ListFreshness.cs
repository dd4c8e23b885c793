namespace Clearance.Lists;

/// <summary>How old the lists an order was screened against were on the order's date.</summary>
/// <param name="OrderDate">The order's date.</param>
/// <param name="MaxAgeDays">How many days a snapshot may be older than the order before it is stale.</param>
/// <param name="Lists">Every list screened against, with its date.</param>
public sealed record ListFreshness(DateOnly OrderDate, int MaxAgeDays, IReadOnlyList<ListDate> Lists)
{
    public const int DefaultMaxAgeDays = 30;

    /// <summary>Days the snapshot is older than the order (negative when newer), or null when its date is unknown.</summary>
    public int? DaysOlder(ListDate list) => list.AsOf is { } asOf ? OrderDate.DayNumber - asOf.DayNumber : null;

    /// <summary>Lists older than the order by more than <see cref="MaxAgeDays"/>, or of unknown date.</summary>
    public IReadOnlyList<ListDate> Stale => [.. Lists.Where(l => DaysOlder(l) is not { } days || days > MaxAgeDays)];

    /// <summary>The warning for one stale list.</summary>
    public string Warning(ListDate list) => DaysOlder(list) is { } days
        ? $"the list snapshot {list.Version} is of {list.AsOf:yyyy-MM-dd}, {days} days older than the order date {OrderDate:yyyy-MM-dd} "
          + $"(more than {MaxAgeDays}): parties listed since then are not screened; update the lists"
        : $"the date of the list {list.Version} is not known: it may be older than the order date {OrderDate:yyyy-MM-dd} by more than {MaxAgeDays} days";
}
