using System.Globalization;

namespace Clearance.Shipments;

/// <summary>Rounding and periods of the obligation ledger.</summary>
public static class Money
{
    /// <summary>Half-up (away from zero) to cents, as the statement states it.</summary>
    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The calendar quarter of a date, written 2025Q3.</summary>
    public static string Quarter(DateOnly date) => $"{date.Year.ToString(CultureInfo.InvariantCulture)}Q{((date.Month - 1) / 3) + 1}";

    /// <summary>The first and last day of a quarter written 2025Q3; null when it is not one.</summary>
    public static (DateOnly From, DateOnly To)? ParseQuarter(string? quarter)
    {
        if (quarter is not { Length: 6 } || quarter[4] != 'Q'
            || !int.TryParse(quarter.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1
            || quarter[5] is < '1' or > '4')
        {
            return null;
        }

        var from = new DateOnly(year, ((quarter[5] - '1') * 3) + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }
}
