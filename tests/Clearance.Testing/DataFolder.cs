using System.Text.Json;
using Clearance.Lists;

namespace Clearance.Tests;

/// <summary>A copy of the shipped data folder (rules, catalog, country spellings; not the list snapshots) in a
/// <see cref="TempFolder"/>, to be edited and loaded as a custom <c>Data:Directory</c>.</summary>
public sealed class DataFolder : IDisposable
{
    readonly TempFolder _folder = new();

    public DataFolder()
    {
        foreach (var path in Directory.EnumerateFiles(ClearanceData.DefaultDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(ClearanceData.DefaultDirectory, path);
            if (relative.StartsWith("lists", StringComparison.Ordinal))
            {
                continue;
            }

            var target = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }

    public string Path => _folder.Path;

    /// <summary>Replaces <paramref name="find"/> (which must be there) with <paramref name="replace"/> in the file at
    /// <paramref name="relative"/>; returns the file's path.</summary>
    public string Edit(string relative, string find, string replace)
    {
        var path = System.IO.Path.Combine(Path, relative);
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{relative} does not contain '{find}'");
        }

        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    /// <summary>Writes a small snapshot at every path <see cref="ShippedLists.Default"/> names, so that the folder's
    /// lists load in a moment: each component list empty but the Denied Persons List, which holds
    /// <paramref name="deniedPersons"/> (name and country as the list writes it), the 2022 remainder with its header
    /// only, and one SDN entry.</summary>
    public void WriteSmallLists(params (string Name, string Country)[] deniedPersons)
    {
        var lists = System.IO.Path.Combine(Path, "lists");
        foreach (var list in ShippedLists.Default)
        {
            var path = System.IO.Path.GetRelativePath(Path, ShippedLists.PathOf(list, lists));
            var file = System.IO.Path.GetFileName(path);
            Write(path, file switch
            {
                "ofac_sdn.json" => """{ "entries": [ { "uid": "1", "name": "SMALL LIST VESSEL", "program": "SDGT", "type": "Vessel", "aliases": [] } ] }""",
                "bis_dpl.json" => JsonSerializer.Serialize(new
                {
                    list_id = "bis-dpl",
                    entities = deniedPersons.Select(p => new { name = p.Name, aliases = Array.Empty<string>(), country = p.Country, address = "", federal_register = "", notes = "" }),
                }),
                _ when file.EndsWith(".json", StringComparison.Ordinal) =>
                    JsonSerializer.Serialize(new { list_id = System.IO.Path.GetFileNameWithoutExtension(file).Replace('_', '-'), entities = Array.Empty<object>() }),
                _ => "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,"
                    + "license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,"
                    + "remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n",
            });
        }
    }

    /// <summary>Writes a file under the folder (sub-folders made as needed); returns its path.</summary>
    public string Write(string relative, string content) => _folder.Write(relative, content);

    public void Dispose() => _folder.Dispose();
}
