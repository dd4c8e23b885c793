using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Clearance.Web.Hosting;

/// <summary>
/// Documents the problem-details responses every endpoint of a group can give besides those its handler declares:
/// 401 without credentials and 403 with the wrong role (a policy), 400 (malformed JSON, <see cref="BadRequestExceptionHandler"/>)
/// and 413 (<see cref="ClearanceWebExtensions.MaxRequestBodyBytes"/>) where it takes a body. A declared status without a
/// body (<c>NotFound</c>) is written as problem details by the status-code pages, and documented so.
/// </summary>
public static class ProblemResponses
{
    const string ProblemJson = "application/problem+json";

    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Finally(Describe);
        return builder;
    }

    static void Describe(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var statuses = new List<int>();
        foreach (var bare in metadata.OfType<IProducesResponseTypeMetadata>().Where(m => m.StatusCode >= 400 && !m.ContentTypes.Any()).ToList())
        {
            metadata.Remove(bare);
            statuses.Add(bare.StatusCode);
        }

        var authorization = metadata.OfType<IAuthorizeData>().ToList();
        if (authorization.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (authorization.Any(a => a.Policy is not null || a.Roles is not null))
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }
        }

        if (metadata.OfType<IAcceptsMetadata>().Any())
        {
            statuses.Add(StatusCodes.Status400BadRequest);
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
        }

        var documented = metadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.ContentTypes.Contains(ProblemJson, StringComparer.Ordinal))
            .Select(m => m.StatusCode)
            .ToHashSet();
        foreach (var status in statuses.Distinct().Where(s => !documented.Contains(s)))
        {
            metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemJson]));
        }
    }
}
