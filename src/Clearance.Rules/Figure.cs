using System.Text.Unicode;

namespace Clearance.Rules;

/// <summary>A figure as reasons and reports print it: formats exactly as the <see cref="double"/> does (shortest
/// round-trip, invariant culture), only faster for the common case. A value that is the nearest double to a decimal
/// with at most four fractional digits and below 10^10 (every figure rounded with <c>Math.Round(v, 4)</c>) is written
/// from that decimal's digits: with at most 15 significant digits the decimal is the shortest string that reads back
/// as the double, which is what the double's formatting prints. Anything else goes to the double's own formatting.
/// Million-row files print several figures per row, and the double's formatting dominated there.</summary>
/// <param name="Value">The figure.</param>
public readonly record struct Figure(double Value) : ISpanFormattable, IUtf8SpanFormattable
{
    const double Scale = 1e4;

    const double Limit = 1e14;

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!format.IsEmpty || !TryDecimal(out var whole, out var fraction))
        {
            return Value.TryFormat(destination, out charsWritten, format, provider);
        }

        charsWritten = 0;
        if (!whole.TryFormat(destination, out var written, default, provider))
        {
            return false;
        }

        if (fraction == 0)
        {
            charsWritten = written;
            return true;
        }

        var digits = 4;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        if (destination.Length < written + 1 + digits)
        {
            return false;
        }

        destination[written] = '.';
        for (var i = written + digits; i > written; i--)
        {
            destination[i] = (char)('0' + (fraction % 10));
            fraction /= 10;
        }

        charsWritten = written + 1 + digits;
        return true;
    }

    /// <inheritdoc/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> chars = stackalloc char[64];
        bytesWritten = 0;
        return TryFormat(chars, out var written, format, provider)
            && Utf8.FromUtf16(chars[..written], utf8Destination, out _, out bytesWritten) == System.Buffers.OperationStatus.Done;
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? provider)
    {
        Span<char> chars = stackalloc char[64];
        return TryFormat(chars, out var written, format, provider) ? new string(chars[..written]) : Value.ToString(format, provider);
    }

    /// <summary>The figure in the invariant culture.</summary>
    public override string ToString() => ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    // Whether the value is exactly the double nearest to whole + fraction / 10^4; negative values and -0 excluded.
    bool TryDecimal(out long whole, out int fraction)
    {
        whole = 0;
        fraction = 0;
        if (!(Value >= 0 && Value < Limit / Scale) || double.IsNegative(Value))
        {
            return false;
        }

        var scaled = Math.Round(Value * Scale);
        if (scaled / Scale != Value)
        {
            return false;
        }

        var units = (long)scaled;
        whole = units / (long)Scale;
        fraction = (int)(units % (long)Scale);
        return true;
    }
}
