using System.Buffers;
using System.Text;

namespace Clearance.Reports;

/// <summary>A growable UTF-8 byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: report rows are formatted into
/// it on the thread that classified them, and the ordered writer only copies the bytes.</summary>
public sealed class Utf8Buffer : IDisposable
{
    byte[] _array;

    /// <summary>Rents a buffer of at least <paramref name="capacity"/> bytes.</summary>
    public Utf8Buffer(int capacity) => _array = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>How many bytes were written.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _array.AsSpan(0, Length);

    /// <summary>Appends ASCII or UTF-8 bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Appends one ASCII character.</summary>
    public void Write(byte ascii)
    {
        Reserve(1)[0] = ascii;
        Length++;
    }

    /// <summary>Appends text encoded as UTF-8.</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        Length += Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
    }

    /// <summary>A span of at least <paramref name="size"/> free bytes at the end; <see cref="Advance"/> commits what
    /// was written into it.</summary>
    public Span<byte> Reserve(int size)
    {
        if (_array.Length - Length < size)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, Length + size));
            _array.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        return _array.AsSpan(Length);
    }

    /// <summary>Commits <paramref name="count"/> bytes written into the span <see cref="Reserve"/> returned.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Copies the bytes written to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(_array, 0, Length);
    }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
