using System.Security.Cryptography;
using System.Text;
using Clearance.Lists;
using Clearance.Rules.Licensing;
using Clearance.Screening;

namespace Clearance.Orders;

/// <summary>The one evaluation path the <c>evaluate</c> CLI and the service share: orders read by
/// <see cref="OrderFileReader"/>, classified, screened and decided by <see cref="OrderEvaluator"/>, written by
/// <see cref="DecisionJson"/>. Built once per process: the screening index is safe for concurrent readers.</summary>
public sealed class OrderPipeline
{
    readonly OrderEvaluator _evaluator;

    /// <param name="data">The shipped rules and catalog.</param>
    /// <param name="screener">Restricted-party screening; null holds every order (parties not screened).</param>
    public OrderPipeline(EvaluationData data, IPartyScreener? screener)
    {
        Reader = new OrderFileReader(data.Catalog, data.Countries);
        _evaluator = new OrderEvaluator(data, screener);
        Lists = screener?.Lists;
        ListVersionHash = screener is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(screener.Lists)));
    }

    public OrderFileReader Reader { get; }

    /// <summary>The lists screened against (source and version); null when nothing is screened.</summary>
    public string? Lists { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Lists"/>, recorded with every decision.</summary>
    public string? ListVersionHash { get; }

    /// <summary>The shipped data and list snapshots in <paramref name="dataDirectory"/>, at the default threshold.</summary>
    /// <exception cref="InvalidDataException">A data file is malformed.</exception>
    /// <exception cref="ListFormatException">A list snapshot is malformed.</exception>
    public static OrderPipeline LoadShipped(string dataDirectory)
    {
        var lists = new ListStore(dataDirectory, Path.Combine(dataDirectory, "lists"));
        return Create(dataDirectory, ListSet.Load(lists.ShippedPaths));
    }

    /// <summary>As <see cref="LoadShipped(string)"/>, with the indexed lists kept in <paramref name="cacheDirectory"/>
    /// between runs (<see cref="ListCache"/>); a cache that cannot be used or written is reported on <paramref name="log"/>.</summary>
    public static OrderPipeline LoadShipped(string dataDirectory, string cacheDirectory, TextWriter log)
    {
        var lists = new ListStore(dataDirectory, Path.Combine(dataDirectory, "lists"));
        return Create(dataDirectory, ListSet.Load(lists.ShippedPaths, cacheDirectory, log));
    }

    static OrderPipeline Create(string dataDirectory, ListSet set)
    {
        return new OrderPipeline(EvaluationData.Load(dataDirectory), new ListScreener(set, ScreeningDefaults.Threshold));
    }

    /// <summary>What the law requires for the order on <paramref name="asOf"/>, or on the order's date when null.</summary>
    public Decision Evaluate(OrderInput order, DateOnly? asOf, DiffusionReading reading) => _evaluator.Evaluate(order, asOf, reading);
}
