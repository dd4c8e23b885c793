using System.Security.Cryptography;
using System.Text;
using Clearance.Input;
using Clearance.Orders;

namespace Clearance.Lists;

/// <summary>Loads a list file or OFAC folder, recognising its format from its content.</summary>
public static class ListLoader
{
    /// <param name="path">A list file or an OFAC legacy folder.</param>
    /// <param name="countries">The country codes that country names in the list are read as (<see cref="ClearanceData.Countries"/>).</param>
    /// <exception cref="ListFormatException">The file is missing, of no known format, or not UTF-8.</exception>
    public static LoadedList Load(string path, CountryCodes countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var problems = new List<InputProblem>();
        if (Directory.Exists(path))
        {
            var hash = HashFolder(path);
            var version = Version(path, hash);
            var entries = OfacLegacyReader.Read(path, version, countries, problems);
            return new LoadedList(path, ListFormat.OfacLegacy, version, hash, entries, problems);
        }

        if (!File.Exists(path))
        {
            throw new ListFormatException($"{path}: no such list file or folder");
        }

        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var format = Detect(path, bytes);
        var label = Version(path, sha);
        using var stream = new MemoryStream(bytes, writable: false);
        List<Screening.ListEntry> read;
        switch (format)
        {
            case ListFormat.CslJson:
                read = CslJsonReader.Read(stream, path, label, countries, problems);
                break;
            case ListFormat.PartyListJson:
                read = PartyListJsonReader.Read(stream, path, label, countries, problems);
                break;
            case ListFormat.OfacSdnJson:
                read = OfacSdnJsonReader.Read(stream, path, label, problems);
                break;
            case ListFormat.CslCsv:
                {
                    using var reader = CsvTable.OpenText(stream);
                    read = CslCsvReader.Read(reader, path, label, problems);
                    break;
                }

            case ListFormat.BisDpl:
                {
                    using var reader = CsvTable.OpenText(stream);
                    read = DplReader.Read(reader, path, label, countries, problems);
                    break;
                }

            case ListFormat.Custom:
                {
                    using var reader = CsvTable.OpenText(stream);
                    read = CustomListReader.Read(reader, path, label, problems);
                    break;
                }

            case ListFormat.OfacLegacy:
                read = OfacLegacyReader.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, label, countries, problems);
                break;
            default:
                throw new ListFormatException($"{path}: unknown list format");
        }

        return new LoadedList(path, format, label, sha, read, problems);
    }

    /// <summary>The content hash <see cref="Load"/> gives a list (<see cref="LoadedList.Sha256"/>), or null when the path is missing.</summary>
    internal static string? ContentHash(string path) =>
        Directory.Exists(path) ? HashFolder(path)
        : File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))
        : null;

    /// <summary>Parent folder and file name (the shipped and downloaded folders carry the list's date) and the hash.</summary>
    static string Version(string path, string sha)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetFileName(Path.GetDirectoryName(full)) ?? "";
        return $"{(parent.Length > 0 ? parent + "/" : "")}{Path.GetFileName(full)} sha256:{sha[..12]}";
    }

    static ListFormat Detect(string path, byte[] bytes)
    {
        var start = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (start.StartsWith('{') && start.Contains("\"list_id\"", StringComparison.Ordinal) && start.Contains("\"entities\"", StringComparison.Ordinal))
        {
            return ListFormat.PartyListJson;
        }

        if (start.StartsWith('{') && start.Contains("\"entries\"", StringComparison.Ordinal) && start.Contains("\"uid\"", StringComparison.Ordinal))
        {
            return ListFormat.OfacSdnJson;
        }

        if (start.StartsWith('[') || start.StartsWith('{'))
        {
            return ListFormat.CslJson;
        }

        var firstLine = start.Split('\n')[0];
        var header = firstLine.Replace("\"", "", StringComparison.Ordinal).Trim();
        if (header.StartsWith("_id,", StringComparison.Ordinal) || header.StartsWith("id,source,", StringComparison.Ordinal))
        {
            return ListFormat.CslCsv;
        }

        if (header.StartsWith("Name\tStreet_Address", StringComparison.Ordinal))
        {
            return ListFormat.BisDpl;
        }

        if (header.StartsWith("id,name", StringComparison.OrdinalIgnoreCase))
        {
            return ListFormat.Custom;
        }

        if (Path.GetFileName(path).Equals("sdn.csv", StringComparison.OrdinalIgnoreCase)
            || (header.Length > 0 && char.IsAsciiDigit(header[0]) && header.Contains(",\"", StringComparison.Ordinal)))
        {
            return ListFormat.OfacLegacy;
        }

        throw new ListFormatException(
            $"{path}:1: unknown list format: expected a CSL CSV (header '_id,source,…'), CSL JSON, the DPL text file "
            + "(header 'Name<TAB>Street_Address…'), an OFAC sdn.csv or a custom CSV (header 'id,name,aliases,country,list')");
    }

    static string HashFolder(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in (string[])["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"])
        {
            var file = Path.Combine(folder, name);
            if (File.Exists(file))
            {
                sha.AppendData(Encoding.UTF8.GetBytes(name));
                sha.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
