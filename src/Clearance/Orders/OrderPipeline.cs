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
    readonly IPartyScreener? _screener;
    // A reference, so concurrent readers never see a torn pair.
    Tuple<string, string>? _hashed;

    /// <param name="data">The shipped rules and catalog.</param>
    /// <param name="screener">Restricted-party screening; null holds every order (parties not screened).</param>
    /// <param name="maxListAgeDays">How many days the list snapshots may be older than an order before its decision warns.</param>
    public OrderPipeline(ClearanceData data, IPartyScreener? screener, int maxListAgeDays = ListFreshness.DefaultMaxAgeDays)
    {
        Data = data;
        MaxListAgeDays = maxListAgeDays;
        Reader = new OrderFileReader(data.Catalog, data.Countries);
        Countries = data.Countries;
        _evaluator = new OrderEvaluator(data, screener);
        _screener = screener;
    }

    public OrderFileReader Reader { get; }

    /// <summary>The shipped rules and catalog the evaluation uses.</summary>
    public ClearanceData Data { get; }

    public int MaxListAgeDays { get; }

    /// <summary>The lists screened against now and how old they are on <paramref name="orderDate"/>; null when nothing is screened.</summary>
    public ListFreshness? Freshness(DateOnly orderDate) =>
        _screener is null ? null : new ListFreshness(orderDate, MaxListAgeDays, _screener.Dates);

    /// <summary>The ISO 3166-1 codes orders and parties are checked against.</summary>
    public CountryCodes Countries { get; }

    /// <summary>The restricted-party screener the pipeline uses; null when nothing is screened.</summary>
    public IPartyScreener? Screener => _screener;

    /// <summary>The lists screened against now (source and version); null when nothing is screened.</summary>
    public string? Lists => _screener?.Lists;

    /// <summary>Lower-case hex SHA-256 of <see cref="Lists"/>, recorded with every decision. The screener's lists may
    /// change while the process runs (a new list version), so the hash follows them.</summary>
    public string? ListVersionHash
    {
        get
        {
            if (_screener is null)
            {
                return null;
            }

            var lists = _screener.Lists;
            if (_hashed is { } known && ReferenceEquals(known.Item1, lists))
            {
                return known.Item2;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lists)));
            _hashed = Tuple.Create(lists, hash);
            return hash;
        }
    }

    /// <summary>What the law requires for the order on <paramref name="asOf"/>, or on the order's date when null;
    /// <paramref name="screened"/>, when given, receives every name screened with its matches.</summary>
    public Decision Evaluate(OrderInput order, DateOnly? asOf, DiffusionReading reading, ICollection<ScreenedParty>? screened = null) =>
        _evaluator.Evaluate(order, asOf, reading, screened);

    /// <summary>The order's lines classified on <paramref name="date"/>: ECCN, the paragraph that decided and why, the metrics.</summary>
    public LineFacts[] Classify(OrderInput order, DateOnly date) => _evaluator.ClassifyLines(order, date);

    /// <summary>The order decided again from the names an evaluation already screened (<paramref name="screened"/>, none
    /// screened again), each hit carrying what an officer found about it (<paramref name="disposition"/>).</summary>
    public Decision Redecide(OrderInput order, Decision earlier, IReadOnlyList<ScreenedParty> screened,
        Func<ScreenedParty, ScreeningMatch, HitDisposition> disposition) =>
        _evaluator.Evaluate(order, earlier.AsOf, earlier.Diffusion, new DispositionedScreener(Lists ?? "", screened, disposition), null);
}
