using System.Text.Json;
using Clearance.Input;

namespace Clearance.Lists;

/// <summary>Reading helpers shared by the JSON list readers: parsing with the file and line in the error, and fields
/// that must be strings (or absent or null, read as empty).</summary>
static class ListJson
{
    public static JsonDocument Parse(Stream stream, string file)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            // A syntax error has no JSON path yet (the document was not built): the line and the byte in it say where.
            throw new ListFormatException($"{file}:{(e.LineNumber ?? 0) + 1}: not valid JSON at byte {e.BytePositionInLine ?? 0} of the line ({e.Message})");
        }
    }

    /// <summary>A factory of problems for the record at <paramref name="index"/> (line = its position, 1-based), naming its JSON path.</summary>
    public static Func<string, string, InputProblem> Problem(string file, int index, string path) =>
        (field, message) => InputProblem.AtLine(file, index + 1, $"{path}{field}: {message}");

    /// <summary>The property as text: a string (trimmed), or empty when absent or null; false for any other value,
    /// except a number when <paramref name="allowNumber"/>.</summary>
    public static bool TryText(JsonElement element, string property, out string text, bool allowNumber = false)
    {
        text = "";
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!.Trim();
            return true;
        }

        if (allowNumber && value.ValueKind == JsonValueKind.Number)
        {
            text = value.GetRawText();
            return true;
        }

        return false;
    }

    public static bool TryTexts(JsonElement element, string property, out List<string> texts)
    {
        texts = [];
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        texts = [.. value.EnumerateArray().Select(v => v.GetString()!.Trim())];
        return true;
    }

    /// <summary>The path suffix (".name") of the first of <paramref name="properties"/> that is not text.</summary>
    public static string FirstNonText(JsonElement element, params string[] properties) =>
        "." + properties.First(p => !TryText(element, p, out _));
}
