namespace Clearance.Rules.Licensing.Data;

/// <summary>Selects and checks the dated versions of a provision.</summary>
static class Versions
{
    /// <summary>The version in force on a date under a reading: the latest that has started and applies to the reading; null before the first.</summary>
    public static T? InForce<T>(IReadOnlyList<T> versions, DateOnly date, DiffusionReading reading)
        where T : VersionData
    {
        T? current = null;
        foreach (var version in versions)
        {
            if (version.From <= date && (version.Reading is null || version.Reading == reading))
            {
                current = version;
            }
        }

        return current;
    }

    /// <summary>The version that replaces <paramref name="version"/> under a reading, or null when none is known.</summary>
    public static T? Next<T>(IReadOnlyList<T> versions, T version, DiffusionReading reading)
        where T : VersionData
    {
        foreach (var candidate in versions)
        {
            if (candidate.From > version.From && (candidate.Reading is null || candidate.Reading == reading))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Throws, naming the file and the JSON path, unless the versions are non-empty and ordered by date
    /// (two versions may share a date only when they are for different readings).</summary>
    public static IReadOnlyList<T> Check<T>(IReadOnlyList<T> versions, string file, string path)
        where T : VersionData
    {
        if (versions.Count == 0)
        {
            throw new FormatException($"{file}: {path}: at least one dated version is required");
        }

        for (var i = 1; i < versions.Count; i++)
        {
            var (previous, version) = (versions[i - 1], versions[i]);
            var sameDayAllowed = version.Reading is not null && previous.Reading is not null && version.Reading != previous.Reading;
            if (version.From < previous.From || (version.From == previous.From && !sameDayAllowed))
            {
                throw new FormatException(
                    $"{file}: {path}[{i}].from: {version.From:yyyy-MM-dd} is not later than the version before it ({previous.From:yyyy-MM-dd})");
            }
        }

        return versions;
    }
}
