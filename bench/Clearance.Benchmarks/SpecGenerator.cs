using System.Globalization;
using System.Text;
using Clearance.Rules;

namespace Clearance.Benchmarks;

/// <summary>Generates chip-specification rows shaped like the catalog's: a mix of datacenter and other parts, TPPs
/// around every threshold, some figures missing. Deterministic for a given seed.</summary>
static class SpecGenerator
{
    public const string Header = "name,vendor,year,datacenter,item_type,die_area_mm2,dense_tops_int8,dense_tflops_fp16,dense_tflops_fp8,tpp,memory_bandwidth_gbs,memory_gb,interconnect_gbs,source";

    static readonly string[] Vendors = ["NVIDIA", "AMD", "Intel", "Huawei", "Cambricon", "Google", "Amazon", "Biren"];

    public static void WriteCsv(string path, int rows, int seed = 42)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        var random = new Random(seed);
        var line = new StringBuilder(160);
        for (var i = 0; i < rows; i++)
        {
            var spec = Next(random, i);
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{spec.Name},{spec.Vendor},{spec.Year},");
            line.Append(spec.Datacenter switch { true => "yes", false => "no", null => "" });
            line.Append(CultureInfo.InvariantCulture, $",ic,{spec.DieAreaMm2},{spec.DenseTopsInt8},{spec.DenseTflopsFp16},{spec.DenseTflopsFp8},{spec.PublishedTpp},{spec.MemoryBandwidthGbs},{spec.MemoryGb},{spec.InterconnectGbs},generated\n");
            writer.Write(line);
        }
    }

    public static ItemSpec[] Specs(int rows, int seed = 42)
    {
        var random = new Random(seed);
        var specs = new ItemSpec[rows];
        for (var i = 0; i < rows; i++)
        {
            specs[i] = Next(random, i);
        }

        return specs;
    }

    static ItemSpec Next(Random random, int i)
    {
        var int8 = Math.Round(50 + (random.NextDouble() * 2500), 1);
        var dieArea = random.Next(10) == 0 ? (double?)null : Math.Round(100 + (random.NextDouble() * 1000), 0);
        return new ItemSpec
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"Generated accelerator {i}"),
            Vendor = Vendors[i % Vendors.Length],
            Year = 2019 + (i % 8),
            Datacenter = (i % 7) switch { 0 => false, 1 => null, _ => true },
            DieAreaMm2 = dieArea,
            DenseTopsInt8 = int8,
            DenseTflopsFp16 = Math.Round(int8 / 2, 1),
            DenseTflopsFp8 = random.Next(2) == 0 ? int8 : null,
            PublishedTpp = random.Next(3) == 0 ? Math.Round(int8 * 8 * 1.01, 1) : null,
            MemoryBandwidthGbs = random.Next(100, 8000),
            MemoryGb = random.Next(8, 288),
            InterconnectGbs = random.Next(4) == 0 ? null : random.Next(0, 1800),
        };
    }
}
