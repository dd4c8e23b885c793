using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clearance.WhatIf;

/// <summary>A proposed rule: provision versions written in the format of <c>data/rules</c>, applied on top of the rules in
/// force. Each entry names a rules file and the JSON path of a provision in it; when that provision is an array of dated
/// versions (classification regimes, review-policy versions…) the patch is merged into a copy of the latest version and
/// appended as a new version, and when it is an object (the Affiliates rule, a license exception…) it is merged in place
/// (JSON Merge Patch, RFC 7396: null removes a field).</summary>
public sealed class Proposal
{
    static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    readonly IReadOnlyList<(string File, string Provision, JsonObject Patch, string Where)> _versions;

    Proposal(string file, string title, IReadOnlyList<(string, string, JsonObject, string)> versions)
    {
        File = file;
        Title = title;
        _versions = versions;
    }

    /// <summary>The proposal file's name, for messages.</summary>
    public string File { get; }

    /// <summary>What the proposal does, in a few words.</summary>
    public string Title { get; }

    /// <summary>Reads <c>{"title": "...", "versions": [{"file", "provision", "patch"}, ...]}</c>.</summary>
    /// <exception cref="ProposalException">The text is not such a document.</exception>
    public static Proposal Parse(string text, string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ProposalException(file, e.Path ?? "$", $"not valid JSON: {e.Message}");
        }

        if (root is not JsonObject document)
        {
            throw new ProposalException(file, "$", "expected an object with 'title' and 'versions'");
        }

        var title = document["title"] is JsonValue t && t.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new ProposalException(file, "$.title", "required: a non-empty string saying what the proposal does");
        if (document["versions"] is not JsonArray array || array.Count == 0)
        {
            throw new ProposalException(file, "$.versions", "required: a non-empty array of provision versions");
        }

        var versions = new List<(string, string, JsonObject, string)>();
        for (var i = 0; i < array.Count; i++)
        {
            var where = $"$.versions[{i}]";
            if (array[i] is not JsonObject version)
            {
                throw new ProposalException(file, where, "expected an object with 'file', 'provision' and 'patch'");
            }

            var rulesFile = version["file"] is JsonValue f && f.TryGetValue<string>(out var name) && ClearanceData.RuleFiles.Contains(name)
                ? name
                : throw new ProposalException(file, $"{where}.file", $"required: one of {string.Join(", ", ClearanceData.RuleFiles)}");
            var provision = version["provision"] is JsonValue p && p.TryGetValue<string>(out var path) && path.StartsWith('$')
                ? path
                : throw new ProposalException(file, $"{where}.provision", "required: the JSON path of the provision in the file, e.g. $.regimes or $.affiliates");
            if (version["patch"] is not JsonObject patch)
            {
                throw new ProposalException(file, $"{where}.patch", "required: an object merged into the provision (or into a copy of its latest version)");
            }

            foreach (var property in version)
            {
                if (property.Key is not ("file" or "provision" or "patch" or "note"))
                {
                    throw new ProposalException(file, $"{where}.{property.Key}", "unknown field (expected file, provision, patch, note)");
                }
            }

            versions.Add((rulesFile, provision, patch, where));
        }

        return new Proposal(file, title, versions);
    }

    /// <summary>The rule texts with the proposal applied.</summary>
    /// <exception cref="ProposalException">A provision path does not exist in its file.</exception>
    public IReadOnlyDictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> ruleTexts)
    {
        var documents = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (rulesFile, provision, patch, where) in _versions)
        {
            if (!documents.TryGetValue(rulesFile, out var document))
            {
                document = JsonNode.Parse(ruleTexts[rulesFile], documentOptions: DocumentOptions)
                    ?? throw new ProposalException(File, $"{where}.file", $"{rulesFile} is empty");
                documents[rulesFile] = document;
            }

            switch (Find(document, provision, where))
            {
                case JsonArray versions when versions.Count > 0 && versions[^1] is JsonObject latest:
                    var next = (JsonObject)latest.DeepClone();
                    Merge(next, patch);
                    versions.Add(next);
                    break;
                case JsonObject target:
                    Merge(target, patch);
                    break;
                default:
                    throw new ProposalException(File, $"{where}.provision",
                        $"{provision} in {rulesFile} is neither an object nor a non-empty array of versions");
            }
        }

        var texts = new Dictionary<string, string>(ruleTexts, StringComparer.Ordinal);
        foreach (var (rulesFile, document) in documents)
        {
            texts[rulesFile] = document.ToJsonString();
        }

        return texts;
    }

    JsonNode Find(JsonNode document, string provision, string where)
    {
        var node = document;
        var i = 1;
        while (i < provision.Length)
        {
            JsonNode? next;
            if (provision[i] == '.')
            {
                var end = provision.IndexOfAny(['.', '['], i + 1);
                var name = provision[(i + 1)..(end < 0 ? provision.Length : end)];
                next = node is JsonObject o ? o[name] : null;
                i = end < 0 ? provision.Length : end;
            }
            else if (provision[i] == '[' && provision.IndexOf(']', i) is var close and > 0
                && int.TryParse(provision.AsSpan(i + 1, close - i - 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                next = node is JsonArray a && (index < 0 ? a.Count + index : index) is var at && at >= 0 && at < a.Count ? a[at] : null;
                i = close + 1;
            }
            else
            {
                throw new ProposalException(File, $"{where}.provision", $"'{provision}' is not a path of .name and [index] steps");
            }

            node = next ?? throw new ProposalException(File, $"{where}.provision", $"'{provision}' does not exist in the rules file (stopped at '{provision[..i]}')");
        }

        return node;
    }

    static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
