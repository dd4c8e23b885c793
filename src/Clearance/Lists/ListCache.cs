using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Clearance.Input;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>
/// A binary snapshot of loaded, merged and indexed lists, so that a run skips parsing the list files and normalising
/// their names: the first run builds it, later runs read it in one go.
/// </summary>
/// <remarks>
/// The file is named after a key: SHA-256 over this format's version, the builds of the loaders and of the normaliser
/// (module version ids of <c>Clearance</c> and <c>Clearance.Screening</c>, which change with any code or table change),
/// the country table the lists' country names were read with (<see cref="CountryCodes.Fingerprint"/>: a data folder of
/// its own gives its own snapshot), and every list's full path and content hash. Another list content or another build gives another key, so a stale
/// snapshot is never read. The file carries its key and a SHA-256 of its payload; a file that does not check out is
/// reported and rebuilt, never trusted. Other snapshots in the folder are deleted when a new one is written.
/// </remarks>
public static class ListCache
{
    // 2: a list problem is an InputProblem (file, line, byte, JSON path, field, message); 1 held file, line, message.
    const int FormatVersion = 2;
    const string FilePrefix = "lists-";
    const string FileSuffix = ".bin";
    const int HashLength = 32;

    static ReadOnlySpan<byte> Magic => "CLEARANCE LISTS CACHE\n"u8;

    /// <summary>The lists at <paramref name="paths"/>, from the snapshot in <paramref name="cacheDirectory"/> when it
    /// is there and sound, else loaded and indexed, and then kept there for the next run.</summary>
    /// <param name="paths">The list files and OFAC folders, as for <see cref="ListSet.Load(IEnumerable{string}, CountryCodes)"/>.</param>
    /// <param name="countries">The country codes that country names in the lists are read as.</param>
    /// <param name="cacheDirectory">Where snapshots are kept; created when missing.</param>
    /// <param name="log">Told when a snapshot could not be used or written.</param>
    /// <exception cref="ListFormatException">A list cannot be read at all.</exception>
    public static ListSet Load(IReadOnlyList<string> paths, CountryCodes countries, string cacheDirectory, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        ArgumentNullException.ThrowIfNull(log);
        var key = Key(paths, countries);
        if (key is null)
        {
            return ListSet.Load(paths, countries);
        }

        var file = FileFor(cacheDirectory, key);
        if (File.Exists(file))
        {
            try
            {
                return Read(File.ReadAllBytes(file), key, paths, file);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                log.WriteLine($"{file}: list cache not usable ({e.Message}); rebuilding it from the lists");
            }
        }

        var set = ListSet.Load(paths, countries);
        try
        {
            Directory.CreateDirectory(cacheDirectory);
            // A name of its own per writer, so runs and threads building the same cache at once never share a half-written file.
            var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, Write(set, key));
            File.Move(temporary, file, overwrite: true);
            foreach (var stale in Directory.EnumerateFiles(cacheDirectory, FilePrefix + "*" + FileSuffix))
            {
                if (!stale.Equals(file, StringComparison.Ordinal))
                {
                    File.Delete(stale);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"{cacheDirectory}: cannot keep the list cache ({e.Message}); the next run indexes the lists again");
        }

        return set;
    }

    /// <summary>The snapshot file for <paramref name="paths"/> in <paramref name="cacheDirectory"/>, or null when a path is missing.</summary>
    public static string? FileFor(IReadOnlyList<string> paths, CountryCodes countries, string cacheDirectory) =>
        Key(paths, countries) is { } key ? FileFor(cacheDirectory, key) : null;

    static string FileFor(string cacheDirectory, byte[] key) =>
        Path.Combine(cacheDirectory, FilePrefix + Convert.ToHexStringLower(key.AsSpan(0, 16)) + FileSuffix);

    /// <summary>The cache key of the lists, or null when one of them is missing (loading reports that).</summary>
    static byte[]? Key(IReadOnlyList<string> paths, CountryCodes countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Magic);
        hash.AppendData(BitConverter.GetBytes(FormatVersion));
        hash.AppendData(typeof(ListCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(typeof(ScreeningIndex).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(Encoding.UTF8.GetBytes(countries.Fingerprint + "\n"));
        foreach (var path in paths)
        {
            var content = ListLoader.ContentHash(path);
            if (content is null)
            {
                return null;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFullPath(path) + "\n" + content + "\n"));
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Magic, format version, key, payload hash, payload length, payload.</summary>
    static byte[] Write(ListSet set, byte[] key)
    {
        var writer = new SnapshotWriter();
        var ids = new Dictionary<ListEntry, int>(ReferenceEqualityComparer.Instance);
        var table = new List<ListEntry>();
        int Id(ListEntry entry)
        {
            if (!ids.TryGetValue(entry, out var id))
            {
                id = table.Count;
                ids[entry] = id;
                table.Add(entry);
            }

            return id;
        }

        var listEntries = set.Lists.Select(l => l.Entries.Select(Id).ToArray()).ToArray();
        var merged = set.Index.Entries.Select(Id).ToArray();
        writer.Int(table.Count);
        foreach (var entry in table)
        {
            WriteEntry(writer, entry);
        }

        writer.Int(set.Lists.Count);
        for (var l = 0; l < set.Lists.Count; l++)
        {
            var list = set.Lists[l];
            writer.String(list.Path);
            writer.Int((int)list.Format);
            writer.String(list.Version);
            writer.String(list.Sha256);
            writer.Ints(listEntries[l]);
            writer.Int(list.Problems.Count);
            foreach (var problem in list.Problems)
            {
                writer.String(problem.File);
                writer.Long(problem.Line);
                writer.Long(problem.Byte);
                writer.String(problem.Path);
                writer.String(problem.Field);
                writer.String(problem.Message);
            }
        }

        writer.Ints(merged);
        set.Index.Write(writer);
        var payload = writer.ToArray();
        using var output = new MemoryStream(payload.Length + 128);
        output.Write(Magic);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(number, FormatVersion);
        output.Write(number[..4]);
        output.Write(key);
        output.Write(SHA256.HashData(payload));
        BinaryPrimitives.WriteInt64LittleEndian(number, payload.Length);
        output.Write(number);
        output.Write(payload);
        return output.ToArray();
    }

    static ListSet Read(byte[] file, byte[] key, IReadOnlyList<string> paths, string source)
    {
        var header = Magic.Length + 4 + HashLength + HashLength + 8;
        if (file.Length < header || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a list cache file");
        }

        var at = Magic.Length;
        if (BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(at)) != FormatVersion)
        {
            throw new InvalidDataException("written in another format version");
        }

        at += 4;
        if (!file.AsSpan(at, HashLength).SequenceEqual(key))
        {
            throw new InvalidDataException("written for other lists or another build");
        }

        at += HashLength;
        var payloadHash = file.AsSpan(at, HashLength);
        at += HashLength;
        var length = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(at));
        at += 8;
        if (length != file.Length - at)
        {
            throw new InvalidDataException($"truncated: {file.Length - at} of {length} payload bytes");
        }

        if (!SHA256.HashData(file.AsSpan(at)).AsSpan().SequenceEqual(payloadHash))
        {
            throw new InvalidDataException("content does not match its hash");
        }

        var reader = new SnapshotReader(file, at);
        var payload = file.AsSpan(at);
        var table = new ListEntry[reader.Count(payload.Length)];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ReadEntry(reader);
        }

        var lists = new LoadedList[reader.Count(payload.Length)];
        if (lists.Length != paths.Count)
        {
            throw new InvalidDataException($"holds {lists.Length} lists, not {paths.Count}");
        }

        for (var l = 0; l < lists.Length; l++)
        {
            var path = reader.String();
            var format = (ListFormat)reader.Int();
            if (!Enum.IsDefined(format))
            {
                throw new InvalidDataException($"unknown list format {(int)format}");
            }

            var version = reader.String();
            var sha = reader.String();
            var entries = Entries(reader.Ints(), table);
            var problems = new InputProblem[reader.Count(payload.Length)];
            for (var p = 0; p < problems.Length; p++)
            {
                problems[p] = new InputProblem(reader.String(), reader.Long(), reader.Long(), reader.NullableString(), reader.NullableString(), reader.String());
            }

            lists[l] = new LoadedList(path, format, version, sha, entries, problems);
        }

        var index = ScreeningIndex.Read(reader, Entries(reader.Ints(), table));
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("data after the index");
        }

        return new ListSet(lists, index, source);
    }

    static ListEntry[] Entries(int[] ids, ListEntry[] table)
    {
        var entries = new ListEntry[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            entries[i] = (uint)ids[i] < (uint)table.Length ? table[ids[i]] : throw new InvalidDataException($"entry {ids[i]} out of range");
        }

        return entries;
    }

    static void WriteEntry(SnapshotWriter writer, ListEntry entry)
    {
        writer.String(entry.Id);
        writer.String(entry.Name);
        writer.Strings(entry.Aliases);
        writer.Int((int)entry.Type);
        writer.Strings(entry.Countries);
        writer.Int(entry.Addresses.Count);
        foreach (var address in entry.Addresses)
        {
            writer.String(address.Address);
            writer.String(address.City);
            writer.String(address.State);
            writer.String(address.PostalCode);
            writer.String(address.Country);
        }

        writer.Strings(entry.Programs);
        writer.String(entry.List);
        writer.String(entry.FederalRegisterNotice);
        writer.String(entry.LicenseRequirement);
        writer.String(entry.LicensePolicy);
        writer.String(entry.ListVersion);
    }

    static ListEntry ReadEntry(SnapshotReader reader)
    {
        var id = reader.String();
        var name = reader.String();
        var aliases = new List<string>(reader.Strings());
        var type = (PartyType)reader.Int();
        if (!Enum.IsDefined(type))
        {
            throw new InvalidDataException($"unknown party type {(int)type}");
        }

        var countries = new List<string>(reader.Strings());
        var addressCount = reader.Count(int.MaxValue / 8);
        var addresses = new List<ListAddress>(addressCount);
        for (var a = 0; a < addressCount; a++)
        {
            addresses.Add(new ListAddress(reader.String(), reader.String(), reader.String(), reader.String(), reader.String()));
        }

        return new ListEntry
        {
            Id = id,
            Name = name,
            Aliases = aliases,
            Type = type,
            Countries = countries,
            Addresses = addresses,
            Programs = new List<string>(reader.Strings()),
            List = reader.String(),
            FederalRegisterNotice = reader.String(),
            LicenseRequirement = reader.String(),
            LicensePolicy = reader.String(),
            ListVersion = reader.String(),
        };
    }
}
