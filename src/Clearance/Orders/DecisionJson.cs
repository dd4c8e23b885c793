using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>Writes decisions as DESIGN.md's <c>evaluate</c> JSON: the contract's fields in its order, then the
/// extensions (<c>unconfirmed</c> on findings, <c>diffusion</c> on the order).</summary>
public static class DecisionJson
{
    static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IEnumerable<Decision> decisions, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartArray();
        foreach (var decision in decisions)
        {
            Write(decision, json);
        }

        json.WriteEndArray();
    }

    public static string Serialize(IEnumerable<Decision> decisions)
    {
        using var stream = new MemoryStream();
        Write(decisions, stream);
        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>One decision as <c>evaluate</c> prints it in its array.</summary>
    public static string Serialize(Decision decision)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            Write(decision, json);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static void Write(Decision decision, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("orderId", decision.OrderId);
        json.WriteString("asOf", decision.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("vintage", decision.Vintage);
        json.WriteString("verdict", DecisionText.Verdict(decision.Verdict));
        json.WriteStartArray("lines");
        foreach (var line in decision.Lines)
        {
            json.WriteStartObject();
            json.WriteString("item", line.Item);
            json.WriteString("eccn", line.Eccn);
            json.WriteBoolean("licenseRequired", line.LicenseRequired);
            WriteNullable(json, "reviewPolicy", line.ReviewPolicy is { } p ? DecisionText.Policy(p) : null);
            WriteNullable(json, "exception", line.Exception is { } e ? DecisionText.Exception(e) : null);
            json.WriteStartArray("findings");
            foreach (var finding in line.Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("citation", finding.Citation);
                json.WriteString("message", finding.Message);
                json.WriteBoolean("unconfirmed", finding.Unconfirmed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("screening");
        foreach (var party in decision.Screening)
        {
            json.WriteStartObject();
            json.WriteString("role", DecisionText.Role(party.Role));
            json.WriteString("name", party.Name);
            json.WriteString("decision", DecisionText.Screening(party.Decision));
            WriteNullable(json, "list", party.List);
            WriteNullable(json, "entry", party.Entry);
            if (party.Score is { } score)
            {
                json.WriteNumber("score", Math.Round(score, 4));
            }
            else
            {
                json.WriteNull("score");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("diffusion", DecisionText.Diffusion(decision.Diffusion));
        json.WriteEndObject();
    }

    static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
