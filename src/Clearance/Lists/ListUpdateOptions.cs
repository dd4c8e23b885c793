using Microsoft.Extensions.Configuration;

namespace Clearance.Lists;

/// <summary>Where <see cref="ListUpdateWorkflow"/> downloads the Consolidated Screening List from.</summary>
/// <param name="Sources">Tried in order until one gives a good copy.</param>
public sealed record ListUpdateOptions(IReadOnlyList<Uri> Sources)
{
    /// <summary>The configuration key of <see cref="Sources"/>: http(s) URLs, comma-separated.</summary>
    public const string SourcesKey = "Lists:UpdateSources";

    /// <summary>trade.gov's published files (<see cref="ListUpdater.DefaultSources"/>).</summary>
    public static ListUpdateOptions Default { get; } = new(ListUpdater.DefaultSources);

    /// <summary>The sources <see cref="SourcesKey"/> names, else <see cref="Default"/>.</summary>
    /// <exception cref="InvalidOperationException">A source is not an http(s) URL.</exception>
    public static ListUpdateOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Parse(configuration[SourcesKey]);
    }

    /// <summary>The sources in <paramref name="configured"/> (http(s) URLs, comma-separated), else <see cref="Default"/>.</summary>
    /// <exception cref="InvalidOperationException">A source is not an http(s) URL.</exception>
    public static ListUpdateOptions Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Default;
        }

        var sources = new List<Uri>();
        foreach (var text in configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sources.Add(ParseSource(text) ?? throw new InvalidOperationException($"configuration {SourcesKey}: '{text}' is not an http(s) URL"));
        }

        return new ListUpdateOptions(sources);
    }

    /// <summary>The source <paramref name="text"/> names when it is an absolute http or https URL, else null.</summary>
    public static Uri? ParseSource(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
