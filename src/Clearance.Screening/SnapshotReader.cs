using System.Runtime.InteropServices;
using System.Text;

namespace Clearance.Screening;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote; any inconsistency is an <see cref="InvalidDataException"/>.</summary>
public sealed class SnapshotReader
{
    readonly byte[] _data;
    readonly string[] _strings;
    int _position;

    /// <summary>Reads the string table at <paramref name="start"/> in <paramref name="data"/>; the snapshot runs to its end.</summary>
    /// <exception cref="InvalidDataException">The data is truncated or inconsistent.</exception>
    public SnapshotReader(byte[] data, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)start, (uint)data.Length, nameof(start));
        _data = data;
        _position = start;
        var count = Int();
        _strings = new string[count];
        for (var i = 0; i < count; i++)
        {
            var length = Int();
            _strings[i] = Encoding.UTF8.GetString(Take(length));
        }
    }

    /// <summary>True when everything has been read.</summary>
    public bool AtEnd => _position == _data.Length;

    /// <summary>Reads a non-negative integer.</summary>
    public int Int()
    {
        var value = Long();
        return value <= int.MaxValue ? (int)value : throw new InvalidDataException("snapshot integer out of range");
    }

    /// <summary>Reads a non-negative long integer.</summary>
    public long Long()
    {
        ulong value = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new InvalidDataException("snapshot truncated");
            }

            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= long.MaxValue ? (long)value : throw new InvalidDataException("snapshot integer out of range");
            }
        }

        throw new InvalidDataException("snapshot integer too long");
    }

    /// <summary>Reads a count that is at most <paramref name="limit"/>.</summary>
    public int Count(int limit)
    {
        var count = Int();
        return count <= limit ? count : throw new InvalidDataException($"snapshot count {count} exceeds {limit}");
    }

    /// <summary>Reads a string or null.</summary>
    public string? NullableString()
    {
        var id = Int();
        return id == 0 ? null : id <= _strings.Length ? _strings[id - 1] : throw new InvalidDataException("snapshot string id out of range");
    }

    /// <summary>Reads a string that was not null.</summary>
    public string String() => NullableString() ?? throw new InvalidDataException("snapshot string missing");

    /// <summary>Reads a list of strings.</summary>
    public string[] Strings()
    {
        var count = Count(_data.Length - _position);
        if (count == 0)
        {
            return [];
        }

        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = String();
        }

        return values;
    }

    /// <summary>Reads an integer array.</summary>
    public int[] Ints()
    {
        var count = Count((_data.Length - _position) / sizeof(int));
        var values = new int[count];
        Take(count * sizeof(int)).CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _data.Length - _position)
        {
            throw new InvalidDataException("snapshot truncated");
        }

        var span = _data.AsSpan(_position, length);
        _position += length;
        return span;
    }
}
