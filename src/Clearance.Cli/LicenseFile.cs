using System.Text.Json;
using Clearance.Licenses;

namespace Clearance.Cli;

/// <summary>Reads <c>evaluate --licenses</c>: a JSON array of licenses as the service takes them, with optional
/// <c>used</c> amounts; every problem is reported with the file and JSON path.</summary>
static class LicenseFile
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 64 };

    /// <summary>The licenses with what is left on each line, or null after writing the problems to <paramref name="error"/>.</summary>
    public static IReadOnlyList<BookLicense>? Read(string path, ClearanceData data, TextWriter error)
    {
        List<LicenseRequest?>? requests;
        try
        {
            requests = JsonSerializer.Deserialize<List<LicenseRequest?>>(File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: $: cannot read the file: {e.Message}");
            return null;
        }
        catch (JsonException e)
        {
            error.WriteLine($"{path}: {e.Path ?? "$"}: {(e.LineNumber is { } line ? $"line {line + 1}: " : "")}not a license array as POST /api/licenses takes it: {e.Message}");
            return null;
        }

        if (requests is null)
        {
            error.WriteLine($"{path}: $: expected a JSON array of licenses");
            return null;
        }

        var validator = new LicenseValidator(data.Catalog, data.Countries);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var book = new List<BookLicense>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            var root = $"$[{i}]";
            if (validator.Validate(requests[i], root, errors) is not { } terms)
            {
                continue;
            }

            if (!numbers.Add(terms.Number))
            {
                errors[$"{root}.number"] = [$"License '{terms.Number}' appears twice."];
                continue;
            }

            var left = terms.Lines.Select(l => (l.Quantity, l.Value)).ToArray();
            foreach (var (line, quantity, value) in validator.Used(requests[i]!, terms, root, errors))
            {
                left[line] = (left[line].Quantity - quantity, left[line].Value - value);
            }

            book.Add(new BookLicense(terms, left));
        }

        foreach (var (location, messages) in errors)
        {
            foreach (var message in messages)
            {
                error.WriteLine($"{path}: {location}: {message}");
            }
        }

        return errors.Count > 0 ? null : book;
    }
}
