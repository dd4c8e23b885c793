using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Clearance.Web.Hosting;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a query value of the wrong type, a body too large)
/// into problem details that name the parameter and the JSON path, in the API's words: the framework's message names
/// .NET types ("DateOnly? from"), which are no business of a caller. Other exceptions get the framework's bare 500.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (parameter, detail) = Describe(bad.Message);
        if (exception.InnerException is JsonException { Path: { } path })
        {
            detail = $"{detail} The JSON is invalid at '{path}'.";
            parameter = path;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = parameter is null
            ? new ProblemDetails { Status = bad.StatusCode, Detail = detail }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [parameter] = [detail] })
            {
                Status = bad.StatusCode,
                Detail = detail,
            };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    /// <summary>The parameter a binding message is about, and the message without its .NET type.</summary>
    internal static (string? Parameter, string Detail) Describe(string message)
    {
        if (FailedToBind().Match(message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            return (name, $"'{failed.Groups["value"].Value}' is not {Expected(failed.Groups["type"].Value)} (parameter '{name}').");
        }

        if (AnyParameter().Match(message) is { Success: true } any)
        {
            var name = any.Groups["name"].Value;
            return (name, AnyParameter().Replace(message, $"parameter '{name}'"));
        }

        return (null, message);
    }

    static string Expected(string type) => type.TrimEnd('?') switch
    {
        "DateOnly" => "a date (YYYY-MM-DD)",
        "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601, such as 2026-06-01T08:00:00Z)",
        "TimeSpan" => "a duration (hh:mm:ss)",
        "long" or "int" or "short" or "Int64" or "Int32" or "Int16" => "a whole number",
        "double" or "decimal" or "float" or "Double" or "Decimal" or "Single" => "a number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "a GUID",
        _ => "a value of the expected form",
    };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\"")]
    private static partial Regex AnyParameter();
}
