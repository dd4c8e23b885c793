using System.Globalization;
using Microsoft.OpenApi;

namespace Clearance.Web.Hosting;

/// <summary>Documents a text variant of a response that is JSON otherwise (<c>format=csv</c>): the framework's
/// response metadata holds one type per status code, so the text media type is added to the operation's document.</summary>
public static class TextResponses
{
    public static TBuilder ProducesTextToo<TBuilder>(this TBuilder builder, int status, string contentType)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
                response.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });
}
