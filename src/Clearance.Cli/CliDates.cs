using System.Globalization;

namespace Clearance.Cli;

/// <summary>Reads the YYYY-MM-DD dates of the command line.</summary>
static class CliDates
{
    public static bool TryParse(string? text, string option, TextWriter error, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        error.WriteLine($"{option}: '{text}' is not a date (YYYY-MM-DD)");
        return false;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
