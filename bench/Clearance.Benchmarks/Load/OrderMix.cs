using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Clearance.Benchmarks.Load;

/// <summary>
/// The order mix of <c>bench/load/orders.lua</c>, ported table for table: three parties (buyer, consignee, end user from
/// pools of 16/6/8, a few on or resembling the Entity List so some orders are held), one catalog line and a second one
/// half the time (quantity 1–512), a date and an end use drawn from the same lists, destination = the end user's
/// country. Order id <c>LOAD-{run}-{n}</c> and Idempotency-Key <c>load-{run}-{n}</c>, unique per request. Not thread-safe:
/// one generator per sender.
/// </summary>
sealed class OrderMix(string run, int seed)
{
    static readonly (string Name, string Country)[] Buyers =
    [
        ("Saigon Cloud Compute JSC", "VN"), ("Jiangnan Inference Services Co., Ltd.", "CN"),
        ("Harbour Compute Trading Ltd.", "HK"), ("Red Sea Analytics Company", "SA"),
        ("Johor Lotus Data Sdn. Bhd.", "MY"), ("Rheinland KI Rechenzentrum GmbH", "DE"),
        ("Gulf Frontier AI Infrastructure LLC", "AE"), ("Nordic Fjord Datacenter AS", "NO"),
        ("Andes Cloud Servicios SpA", "CL"), ("Bangalore Tensor Systems Pvt. Ltd.", "IN"),
        ("Osaka Neural Compute K.K.", "JP"), ("Lisbon Atlantic Hosting Lda.", "PT"),
        ("Warsaw Vistula Compute Sp. z o.o.", "PL"), ("Mexico Pacifico Datos S.A. de C.V.", "MX"),
        ("Shenzhen Bright Pixel Gaming Co., Ltd.", "CN"), ("Sugon", "CN"),
    ];

    static readonly (string Name, string Country)[] Consignees =
    [
        ("Pacific Rim Systems Distribution Inc.", "SG"), ("Kowloon Freight Forwarding Ltd.", "HK"),
        ("Rotterdam Electronics Logistics B.V.", "NL"), ("Dubai Jebel Ali Tech Trading FZE", "AE"),
        ("Penang Components Warehouse Sdn. Bhd.", "MY"), ("Incheon Air Cargo Services Co.", "KR"),
    ];

    static readonly (string Name, string Country)[] EndUsers =
    [
        ("Saigon Cloud Compute JSC", "VN"), ("Riyadh Research Compute Center", "SA"),
        ("Frankfurt Main Colocation GmbH", "DE"), ("Hanoi University of Science and Technology", "VN"),
        ("Sao Paulo Bandeirantes Data Ltda.", "BR"), ("Inspur Group", "CN"),
        ("Melbourne Southern Cross Compute Pty Ltd", "AU"), ("Toronto Maple AI Lab Inc.", "CA"),
    ];

    static readonly (string Item, int UnitPrice)[] Items =
    [
        ("NVIDIA H100 SXM5 80GB", 27500), ("NVIDIA H20 (HGX H20)", 12000), ("NVIDIA L40", 8500),
        ("NVIDIA GeForce RTX 4090", 1599), ("NVIDIA A800 SXM4 80GB", 15000), ("NVIDIA L20", 7000),
        ("NVIDIA H200 SXM 141GB", 31000), ("NVIDIA HGX H20 8-GPU board", 96000),
    ];

    static readonly string[] Dates = ["2024-06-01", "2024-09-15", "2025-03-01", "2025-06-02", "2026-01-20", "2026-03-02"];

    static readonly string[] EndUses = ["datacenter", "datacenter", "datacenter", "general", "supercomputer"];

    readonly Random _random = new(seed);
    readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>The order numbered <paramref name="counter"/>: its Idempotency-Key and its JSON body.</summary>
    public (string IdempotencyKey, byte[] Body) Next(long counter)
    {
        var n = counter.ToString(CultureInfo.InvariantCulture);
        var buyer = Pick(Buyers);
        var consignee = Pick(Consignees);
        var endUser = Pick(EndUsers);
        var first = Pick(Items);
        (string Item, int UnitPrice)? second = _random.NextDouble() < 0.5 ? Pick(Items) : null;

        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", $"LOAD-{run}-{n}");
            json.WriteString("date", Pick(Dates));
            json.WriteString("destination", endUser.Country);
            json.WriteString("endUse", Pick(EndUses));
            json.WriteString("exporter", "NVIDIA");
            json.WriteStartArray("parties");
            WriteParty(json, "buyer", buyer);
            WriteParty(json, "consignee", consignee);
            WriteParty(json, "end-user", endUser);
            json.WriteEndArray();
            json.WriteStartArray("lines");
            WriteLine(json, first);
            if (second is { } line)
            {
                WriteLine(json, line);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return ($"load-{run}-{n}", _buffer.WrittenSpan.ToArray());
    }

    T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    static void WriteParty(Utf8JsonWriter json, string role, (string Name, string Country) party)
    {
        json.WriteStartObject();
        json.WriteString("role", role);
        json.WriteString("name", party.Name);
        json.WriteString("country", party.Country);
        json.WriteString("headquarters", party.Country);
        json.WriteEndObject();
    }

    void WriteLine(Utf8JsonWriter json, (string Item, int UnitPrice) line)
    {
        json.WriteStartObject();
        json.WriteString("item", line.Item);
        json.WriteNumber("quantity", _random.Next(1, 513));
        json.WriteNumber("unitPrice", line.UnitPrice);
        json.WriteEndObject();
    }
}
