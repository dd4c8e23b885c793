using System.Globalization;
using System.Text.Json;
using Clearance.Input;

namespace Clearance.Orders;

/// <summary>Reads typed fields from a JSON object, recording a located error for each problem instead of throwing.</summary>
sealed class Validator(string file, List<InputProblem> errors)
{
    readonly int _start = errors.Count;

    public bool Failed => errors.Count > _start;

    public void Error(string path, string message) => errors.Add(InputProblem.AtPath(file, path, message));

    public T Fail<T>(T fallback, string path, string message)
    {
        Error(path, message);
        return fallback;
    }

    public string? RequiredString(JsonElement element, string path, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Fail<string?>(null, $"{path}.{property}", "missing");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail<string?>(null, $"{path}.{property}", $"expected a string, found {OrderFileReader.Kind(value)}");
        }

        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? Fail<string?>(null, $"{path}.{property}", "is empty")
            : FreeText.ControlCharacterProblem(text) is { } problem ? Fail<string?>(null, $"{path}.{property}", problem)
            : text;
    }

    public string? OptionalString(JsonElement element, string path, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail<string?>(null, $"{path}.{property}", $"expected a string, found {OrderFileReader.Kind(value)}");
        }

        var text = value.GetString()!;
        return text.Length == 0 ? null
            : FreeText.ControlCharacterProblem(text, allowLineBreaks: property == "address") is { } problem ? Fail<string?>(null, $"{path}.{property}", problem)
            : text;
    }

    public DateOnly? RequiredDate(JsonElement element, string path, string property)
    {
        var text = RequiredString(element, path, property);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Fail<DateOnly?>(null, $"{path}.{property}", $"'{text}' is not a date (YYYY-MM-DD)");
    }

    public double? RequiredNumber(JsonElement element, string path, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Fail<double?>(null, $"{path}.{property}", "missing");
        }

        return Number(value, $"{path}.{property}");
    }

    public double? OptionalNumber(JsonElement element, string path, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : Number(value, $"{path}.{property}");

    public JsonElement? RequiredArray(JsonElement element, string path, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Fail<JsonElement?>(null, $"{path}.{property}", "missing");
        }

        return value.ValueKind == JsonValueKind.Array
            ? value
            : Fail<JsonElement?>(null, $"{path}.{property}", $"expected an array, found {OrderFileReader.Kind(value)}");
    }

    public long? OptionalWholeNumber(JsonElement element, string path, string property, long maximum) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : WholeNumber(value, $"{path}.{property}", maximum);

    /// <summary>A non-negative whole number up to <paramref name="maximum"/>; a figure beyond it is called too large,
    /// not "not a whole number".</summary>
    public long? WholeNumber(JsonElement value, string path, long maximum)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return Fail<long?>(null, path, $"{OrderFileReader.Raw(value)} is not a number");
        }

        if (value.TryGetInt64(out var whole))
        {
            return whole < 0 ? Fail<long?>(null, path, $"{OrderFileReader.Raw(value)} is negative")
                : whole > maximum ? Fail<long?>(null, path, TooLarge(value, maximum))
                : whole;
        }

        // Not an Int64: a fraction, or a whole number beyond Int64 (1e30, a 40-digit figure, 1e400).
        var finite = value.TryGetDouble(out var number) && double.IsFinite(number);
        if (finite && number < 0 && Math.Floor(number) == number)
        {
            return Fail<long?>(null, path, $"{OrderFileReader.Raw(value)} is negative");
        }

        return !finite || Math.Floor(number) == number
            ? Fail<long?>(null, path, TooLarge(value, maximum))
            : Fail<long?>(null, path, $"{OrderFileReader.Raw(value)} is not a whole number");
    }

    static string TooLarge(JsonElement value, long maximum) =>
        $"{OrderFileReader.Raw(value)} is too large (at most {maximum.ToString(CultureInfo.InvariantCulture)})";

    double? Number(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            if (!double.IsFinite(number))
            {
                return Fail<double?>(null, path, $"{OrderFileReader.Raw(value)} is too large to be a figure");
            }

            return number >= 0 ? number : Fail<double?>(null, path, $"{OrderFileReader.Raw(value)} is negative");
        }

        return value.ValueKind == JsonValueKind.Number
            ? Fail<double?>(null, path, $"{OrderFileReader.Raw(value)} is too large to be a figure")
            : Fail<double?>(null, path, $"{OrderFileReader.Raw(value)} is not a number");
    }
}
