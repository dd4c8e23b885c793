namespace Clearance.Rules;

// A figure in a reason. Formats exactly as the double does; a whole number below 10^14 is formatted as a long, which
// is several times faster and prints the same digits (reasons are built for every row of million-row files).
readonly struct Figure(double value) : ISpanFormattable
{
    const double LongLimit = 1e14;

    bool IsWhole => value >= 0 && value < LongLimit && value == Math.Floor(value) && !double.IsNegative(value);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        format.IsEmpty && IsWhole
            ? ((long)value).TryFormat(destination, out charsWritten, format, provider)
            : value.TryFormat(destination, out charsWritten, format, provider);

    public string ToString(string? format, IFormatProvider? provider) =>
        string.IsNullOrEmpty(format) && IsWhole ? ((long)value).ToString(provider) : value.ToString(format, provider);

    public override string ToString() => ToString(null, null);
}
