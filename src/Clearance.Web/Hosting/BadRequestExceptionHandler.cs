using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Clearance.Web.Hosting;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a query value of the wrong type, a body too large)
/// into problem details that name the parameter and the JSON path; other exceptions get the framework's bare 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var detail = exception.InnerException is JsonException { Path: { } path }
            ? $"{bad.Message} The JSON is invalid at '{path}'."
            : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Detail = detail },
        });
    }
}
