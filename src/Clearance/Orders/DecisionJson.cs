using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clearance.Lists;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>Writes decisions as <c>evaluate</c> prints them (a JSON array of <see cref="DecisionRecord"/>, indented, serialized by
/// generated code with the one enum naming of <see cref="WireNames"/>) and reads an order's stored decision back.</summary>
public static partial class DecisionJson
{
    /// <summary>Indented with two spaces; non-ASCII text and HTML-sensitive characters written as they are, as
    /// <c>evaluate</c> always printed them.</summary>
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Context.Default,
        Converters = { WireNames.Converter },
    };

    /// <summary>Decision records as <c>evaluate</c> prints them (with their lines' <c>license</c> objects, if any).</summary>
    public static string Serialize(IReadOnlyList<DecisionRecord> records) => JsonSerializer.Serialize(records, Options);

    /// <summary>One decision as <c>evaluate</c> prints it in its array.</summary>
    public static string Serialize(Decision decision, ListFreshness? freshness = null) =>
        JsonSerializer.Serialize(DecisionRecord.From(decision, freshness), Options);

    /// <summary>An order's stored decision (<c>Order.DecisionJson</c>).</summary>
    public static DecisionRecord Read(string json) =>
        JsonSerializer.Deserialize<DecisionRecord>(json, Options) ?? throw new InvalidDataException("decision stored as null");

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(DecisionRecord))]
    [JsonSerializable(typeof(IReadOnlyList<DecisionRecord>))]
    sealed partial class Context : JsonSerializerContext;
}
