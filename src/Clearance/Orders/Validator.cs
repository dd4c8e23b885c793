using System.Globalization;
using System.Text.Json;

namespace Clearance.Orders;

/// <summary>Reads typed fields from a JSON object, recording a located error for each problem instead of throwing.</summary>
sealed class Validator(string file, List<OrderError> errors)
{
    readonly int _start = errors.Count;

    public bool Failed => errors.Count > _start;

    public void Error(string path, string message) => errors.Add(new OrderError(file, path, message));

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
        return string.IsNullOrWhiteSpace(text) ? Fail<string?>(null, $"{path}.{property}", "is empty") : text;
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
        return text.Length == 0 ? null : text;
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

    double? Number(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number >= 0 ? number : Fail<double?>(null, path, $"{OrderFileReader.Raw(value)} is negative");
        }

        return Fail<double?>(null, path, $"{OrderFileReader.Raw(value)} is not a number");
    }
}
