using System.Globalization;
using System.Text.Json;
using Clearance.Input;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Screening;

namespace Clearance.Orders;

/// <summary>Reads and validates an order file (<c>evaluate</c>'s input: a JSON array of orders, as in
/// <c>examples/orders.json</c>); every problem is reported with its JSON path, and a bad order never hides the others.</summary>
public sealed class OrderFileReader(IReadOnlyDictionary<string, ItemSpec> catalog, CountryCodes countries)
{
    const int MaxSuggestions = 3;

    static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads the order file at <paramref name="path"/>; an unreadable file is an error, not an exception.</summary>
    public OrderFile ReadFile(string path)
    {
        var file = Path.GetFileName(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OrderFile([], [InputProblem.AtPath(path, "$", $"cannot read the file: {e.Message}")], true);
        }

        return Read(text, file);
    }

    /// <summary>Reads order-file text; <paramref name="file"/> names it in error messages.</summary>
    public OrderFile Read(string text, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new OrderFile([], [InvalidJson(file, e)], true);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return new OrderFile([], [InputProblem.AtPath(file, "$", $"expected an array of orders, found {Kind(root)}")], true);
            }

            var orders = new List<OrderInput>();
            var errors = new List<InputProblem>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var path = $"$[{index.ToString(CultureInfo.InvariantCulture)}]";
                var before = errors.Count;
                var order = ReadOrder(element, path, file, errors);
                if (order is not null && seen.TryGetValue(order.Id, out var first))
                {
                    errors.Add(InputProblem.AtPath(file, $"{path}.id", $"duplicate order id '{order.Id}' (first at $[{first.ToString(CultureInfo.InvariantCulture)}])"));
                }
                else if (order is not null)
                {
                    seen[order.Id] = index;
                }

                if (order is not null && errors.Count == before)
                {
                    orders.Add(order);
                }

                index++;
            }

            return new OrderFile(orders, errors, false);
        }
    }

    /// <summary>Reads one order object (a service request body); errors name JSON paths from <c>$</c>.</summary>
    public (OrderInput? Order, IReadOnlyList<InputProblem> Errors) ReadOne(string text, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, [InvalidJson(file, e)]);
        }

        using (document)
        {
            var errors = new List<InputProblem>();
            var order = ReadOrder(document.RootElement, "$", file, errors);
            return errors.Count == 0 ? (order, errors) : (null, errors);
        }
    }

    /// <summary>Text that is not JSON, located by line and byte as the parser reports them (1-based).</summary>
    static InputProblem InvalidJson(string file, JsonException e)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var column = (e.BytePositionInLine ?? 0) + 1;
        return InputProblem.InvalidJson(file, line, column, $"invalid JSON: {FirstSentence(e.Message)}");
    }

    /// <summary>The path of the first member that appears twice in its object, or null.</summary>
    static string? FirstDuplicate(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                var at = $"{path}.{member.Name}";
                if (!seen.Add(member.Name))
                {
                    return at;
                }

                if (FirstDuplicate(member.Value, at) is { } inner)
                {
                    return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (FirstDuplicate(item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]") is { } inner)
                {
                    return inner;
                }

                index++;
            }
        }

        return null;
    }

    OrderInput? ReadOrder(JsonElement element, string path, string file, List<InputProblem> errors)
    {
        var v = new Validator(file, errors);
        if (element.ValueKind != JsonValueKind.Object)
        {
            v.Error(path, $"expected an order object, found {Kind(element)}");
            return null;
        }

        // A member given twice is refused, not resolved by "last wins": the two values may disagree (a destination, a quantity).
        if (FirstDuplicate(element, path) is { } duplicate)
        {
            v.Error(duplicate, "given twice (each member may appear once)");
            return null;
        }

        var id = v.RequiredString(element, path, "id");
        var date = v.RequiredDate(element, path, "date");
        var destination = Country(v, element, path, "destination", required: true);
        var origin = Country(v, element, path, "origin", required: false);
        var exporter = v.OptionalString(element, path, "exporter");
        var endUse = EndUse.General;
        if (v.OptionalString(element, path, "endUse") is { } endUseText)
        {
            endUse = ParseEndUse(endUseText) ?? v.Fail(EndUse.General, $"{path}.endUse",
                $"'{endUseText}' is not a known end use (datacenter, supercomputer, advanced-node-ic, general)");
        }

        var parties = ReadItems(v, element, path, "parties", "party", ReadParty);
        var lines = ReadItems(v, element, path, "lines", "line", ReadLine);

        if (v.Failed || id is null || date is null || destination is null)
        {
            return null;
        }

        return new OrderInput
        {
            Id = id,
            Date = date.Value,
            Destination = destination,
            EndUse = endUse,
            Exporter = exporter,
            Origin = origin,
            Parties = parties,
            Lines = lines,
        };
    }

    /// <summary>Reads a required, non-empty array property item by item; each item is located by its index.</summary>
    static List<T> ReadItems<T>(Validator v, JsonElement element, string path, string property, string itemName,
        Func<Validator, JsonElement, string, T?> readItem)
        where T : class
    {
        var items = new List<T>();
        if (v.RequiredArray(element, path, property) is not { } array)
        {
            return items;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (readItem(v, item, $"{path}.{property}[{i.ToString(CultureInfo.InvariantCulture)}]") is { } read)
            {
                items.Add(read);
            }

            i++;
        }

        if (i == 0)
        {
            v.Error($"{path}.{property}", $"an order needs at least one {itemName}");
        }

        return items;
    }

    PartyInput? ReadParty(Validator v, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            v.Error(path, $"expected a party object, found {Kind(element)}");
            return null;
        }

        PartyRole? role = null;
        if (v.RequiredString(element, path, "role") is { } roleText)
        {
            role = ParseRole(roleText) ?? v.Fail<PartyRole?>(null, $"{path}.role", $"'{roleText}' is not a role (buyer, consignee, end-user, intermediate)");
        }

        var name = ScreenableName(v, v.RequiredString(element, path, "name"), $"{path}.name");
        var country = Country(v, element, path, "country", required: true);
        var headquarters = Country(v, element, path, "headquarters", required: false);
        var address = v.OptionalString(element, path, "address");
        var owners = new List<OwnerInput>();
        if (element.TryGetProperty("owners", out var ownerArray) && ownerArray.ValueKind != JsonValueKind.Null)
        {
            if (ownerArray.ValueKind != JsonValueKind.Array)
            {
                v.Error($"{path}.owners", $"expected an array, found {Kind(ownerArray)}");
            }
            else
            {
                var i = 0;
                foreach (var owner in ownerArray.EnumerateArray())
                {
                    var ownerPath = $"{path}.owners[{i.ToString(CultureInfo.InvariantCulture)}]";
                    var ownerName = ScreenableName(v, v.RequiredString(owner, ownerPath, "name"), $"{ownerPath}.name");
                    var percent = v.RequiredNumber(owner, ownerPath, "percent");
                    if (percent is < 0 or > 100)
                    {
                        v.Error($"{ownerPath}.percent", $"{Figure(percent.Value)} is not a percentage between 0 and 100");
                    }

                    var ownerCountry = Country(v, owner, ownerPath, "country", required: false);
                    if (ownerName is not null && percent is not null)
                    {
                        owners.Add(new OwnerInput(ownerName, percent.Value, ownerCountry));
                    }

                    i++;
                }
            }
        }

        return role is null || name is null || country is null
            ? null
            : new PartyInput { Role = role.Value, Name = name, Country = country, Headquarters = headquarters, Address = address, Owners = owners };
    }

    LineInput? ReadLine(Validator v, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            v.Error(path, $"expected a line object, found {Kind(element)}");
            return null;
        }

        var item = v.OptionalString(element, path, "item");
        ItemSpec? spec = null;
        if (element.TryGetProperty("spec", out var specElement) && specElement.ValueKind != JsonValueKind.Null)
        {
            spec = ReadSpec(v, specElement, $"{path}.spec", item);
        }
        else if (item is null)
        {
            v.Error(path, "a line needs 'item' (a catalog name) or 'spec' (an inline specification)");
        }
        else
        {
            spec = Resolve(v, item, $"{path}.item");
        }

        long? quantity = null;
        if (!element.TryGetProperty("quantity", out var quantityElement) || quantityElement.ValueKind == JsonValueKind.Null)
        {
            v.Error($"{path}.quantity", "missing");
        }
        else if (v.WholeNumber(quantityElement, $"{path}.quantity", long.MaxValue) is { } q)
        {
            if (q == 0)
            {
                v.Error($"{path}.quantity", "0 is not a quantity (at least 1)");
            }
            else
            {
                quantity = q;
            }
        }

        decimal? unitPrice = null;
        if (element.TryGetProperty("unitPrice", out var priceElement) && priceElement.ValueKind != JsonValueKind.Null)
        {
            if (priceElement.ValueKind != JsonValueKind.Number || !priceElement.TryGetDecimal(out var price))
            {
                v.Error($"{path}.unitPrice", $"{Raw(priceElement)} is not a number");
            }
            else if (price < 0)
            {
                v.Error($"{path}.unitPrice", $"{price.ToString(CultureInfo.InvariantCulture)} is negative");
            }
            else
            {
                unitPrice = price;
            }
        }

        return spec is null || quantity is null ? null : new LineInput(spec.Name, spec, quantity.Value, unitPrice);
    }

    ItemSpec? Resolve(Validator v, string item, string path)
    {
        if (catalog.TryGetValue(item, out var spec))
        {
            return spec;
        }

        ItemSpec? caseless = null;
        foreach (var (name, candidate) in catalog)
        {
            if (name.Equals(item, StringComparison.OrdinalIgnoreCase))
            {
                caseless = candidate;
                break;
            }
        }

        if (caseless is not null)
        {
            return caseless;
        }

        var suggestions = Suggestions(item);
        v.Error(path, suggestions.Count == 0
            ? $"'{item}' is not in the chip catalog"
            : $"'{item}' is not in the chip catalog; did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?");
        return null;
    }

    IReadOnlyList<string> Suggestions(string item)
    {
        var query = item.ToUpperInvariant();
        var bound = Math.Max(3, (query.Length * 2) / 3);
        return [.. catalog.Keys
            .Select(name => (Name: name, Distance: Distance(query, name.ToUpperInvariant(), bound)))
            .Where(c => c.Distance <= bound)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(c => c.Name)];
    }

    /// <summary>The edit distance, with a substring match counted as 0 (so "H100" finds the H100s).</summary>
    static int Distance(string a, string b, int bound) =>
        b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal) ? 0 : EditDistance.Bounded(a, b, bound);

    static ItemSpec? ReadSpec(Validator v, JsonElement element, string path, string? item)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            v.Error(path, $"expected a specification object, found {Kind(element)}");
            return null;
        }

        var name = v.OptionalString(element, path, "name") ?? item;
        if (name is null)
        {
            v.Error($"{path}.name", "missing (or give the line an 'item')");
            return null;
        }

        bool? datacenter = null;
        if (element.TryGetProperty("datacenter", out var dc) && dc.ValueKind != JsonValueKind.Null)
        {
            datacenter = dc.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when dc.GetString() is "yes" => true,
                JsonValueKind.String when dc.GetString() is "no" => false,
                JsonValueKind.String when dc.GetString() is "" => null,
                _ => v.Fail<bool?>(null, $"{path}.datacenter", $"{Raw(dc)} is not yes or no"),
            };
        }

        var itemType = ItemType.Ic;
        if (v.OptionalString(element, path, "item_type") is { Length: > 0 } typeText)
        {
            itemType = typeText switch
            {
                "ic" => ItemType.Ic,
                "board" => ItemType.Board,
                "computer" => ItemType.Computer,
                _ => v.Fail(ItemType.Ic, $"{path}.item_type", $"'{typeText}' is not ic, board or computer"),
            };
        }

        var year = v.OptionalWholeNumber(element, path, "year", int.MaxValue);
        var chipCount = v.OptionalWholeNumber(element, path, "chip_count", int.MaxValue);
        var spec = new ItemSpec
        {
            Name = name,
            Vendor = v.OptionalString(element, path, "vendor"),
            Year = year is { } y ? (int)y : null,
            Datacenter = datacenter,
            ItemType = itemType,
            DieAreaMm2 = v.OptionalNumber(element, path, "die_area_mm2"),
            DenseTopsInt4 = v.OptionalNumber(element, path, "dense_tops_int4"),
            DenseTopsInt8 = v.OptionalNumber(element, path, "dense_tops_int8"),
            DenseTflopsFp4 = v.OptionalNumber(element, path, "dense_tflops_fp4"),
            DenseTflopsFp8 = v.OptionalNumber(element, path, "dense_tflops_fp8"),
            DenseTflopsFp16 = v.OptionalNumber(element, path, "dense_tflops_fp16"),
            DenseTflopsFp32 = v.OptionalNumber(element, path, "dense_tflops_fp32"),
            DenseTflopsFp64 = v.OptionalNumber(element, path, "dense_tflops_fp64"),
            PublishedTpp = v.OptionalNumber(element, path, "tpp"),
            MemoryBandwidthGbs = v.OptionalNumber(element, path, "memory_bandwidth_gbs"),
            MemoryGb = v.OptionalNumber(element, path, "memory_gb"),
            InterconnectGbs = v.OptionalNumber(element, path, "interconnect_gbs"),
            HbmBandwidthDensity = v.OptionalNumber(element, path, "hbm_bandwidth_density"),
            Source = v.OptionalString(element, path, "source"),
            Contains = v.OptionalString(element, path, "contains"),
            ChipCount = chipCount is { } c ? (int)c : null,
        };
        if (Metrics.Overflowing(spec) is { } column)
        {
            v.Error($"{path}.{column}", Metrics.OverflowMessage(column));
        }

        return spec;
    }

    string? Country(Validator v, JsonElement element, string path, string property, bool required)
    {
        var code = required ? v.RequiredString(element, path, property) : v.OptionalString(element, path, property);
        if (code is null)
        {
            return null;
        }

        if (countries.IsKnown(code))
        {
            return code;
        }

        var upper = code.ToUpperInvariant();
        return countries.IsKnown(upper)
            ? v.Fail<string?>(null, $"{path}.{property}", $"'{code}' is not an ISO 3166-1 alpha-2 code; did you mean '{upper}' ({countries.Name(upper)})?")
            : v.Fail<string?>(null, $"{path}.{property}", $"'{code}' is not an ISO 3166-1 alpha-2 country code");
    }

    /// <summary>Names are screened, and screening takes names up to <see cref="NameNormalizer.MaxLength"/> characters.</summary>
    static string? ScreenableName(Validator v, string? name, string path) =>
        name is { Length: > NameNormalizer.MaxLength }
            ? v.Fail<string?>(null, path, $"is {name.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {NameNormalizer.MaxLength.ToString(CultureInfo.InvariantCulture)}")
            : name;

    static EndUse? ParseEndUse(string text) => text switch
    {
        "datacenter" => EndUse.Datacenter,
        "supercomputer" => EndUse.Supercomputer,
        "advanced-node-ic" => EndUse.AdvancedNodeIc,
        "general" => EndUse.General,
        _ => null,
    };

    static PartyRole? ParseRole(string text) => text switch
    {
        "buyer" => PartyRole.Buyer,
        "consignee" => PartyRole.Consignee,
        "end-user" => PartyRole.EndUser,
        "intermediate" => PartyRole.Intermediate,
        _ => null,
    };

    internal static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
    };

    internal static string Raw(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 37), "...");
    }

    static string Figure(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
