using System.Runtime.InteropServices;
using System.Text;

namespace Clearance.Screening;

/// <summary>Writes a binary snapshot: variable-length integers, integer arrays, and strings kept once in a string table.</summary>
/// <remarks>Read back by <see cref="SnapshotReader"/>. Strings repeated across entries (list names, versions, countries)
/// are stored once, so the reader also shares one instance of each.</remarks>
public sealed class SnapshotWriter
{
    readonly MemoryStream _body = new();
    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    readonly List<string> _strings = [];

    /// <summary>Writes a non-negative integer in 1 to 5 bytes.</summary>
    public void Int(int value) => Long(value);

    /// <summary>Writes a non-negative integer in 1 to 10 bytes.</summary>
    public void Long(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var v = (ulong)value;
        while (v >= 0x80)
        {
            _body.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        _body.WriteByte((byte)v);
    }

    /// <summary>Writes a string (or null) as a reference into the string table.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Int(0);
            return;
        }

        if (!_ids.TryGetValue(value, out var id))
        {
            id = _strings.Count;
            _strings.Add(value);
            _ids[value] = id;
        }

        Int(id + 1);
    }

    /// <summary>Writes a list of strings.</summary>
    public void Strings(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Int(values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    /// <summary>Writes an integer array as its length and its raw bytes in the machine's byte order (snapshots are machine-local caches).</summary>
    public void Ints(int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Ints(values.AsSpan());
    }

    /// <summary>Writes integers as <see cref="Ints(int[])"/> writes an array of them.</summary>
    public void Ints(ReadOnlySpan<int> values)
    {
        Int(values.Length);
        _body.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>The snapshot: the string table, then everything written.</summary>
    public byte[] ToArray()
    {
        using var output = new MemoryStream((int)_body.Length + (_strings.Count * 16));
        var table = new SnapshotWriter();
        table.Int(_strings.Count);
        foreach (var s in _strings)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            table.Int(bytes.Length);
            table._body.Write(bytes);
        }

        table._body.WriteTo(output);
        _body.WriteTo(output);
        return output.ToArray();
    }
}
