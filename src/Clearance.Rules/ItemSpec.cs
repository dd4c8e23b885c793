namespace Clearance.Rules;

/// <summary>Datasheet figures of one item, as the chip specification CSV carries them; null means unknown.</summary>
public sealed record ItemSpec
{
    /// <summary>The item's name, unique within a catalog.</summary>
    public required string Name { get; init; }

    /// <summary>The manufacturer.</summary>
    public string? Vendor { get; init; }

    /// <summary>Year of introduction.</summary>
    public int? Year { get; init; }

    /// <summary>Whether the item is designed or marketed for use in datacenters; null when unknown.</summary>
    public bool? Datacenter { get; init; }

    /// <summary>Chip, board or computer.</summary>
    public ItemType ItemType { get; init; } = ItemType.Ic;

    /// <summary>Applicable die area in mm².</summary>
    public double? DieAreaMm2 { get; init; }

    /// <summary>Dense INT4 TOPS.</summary>
    public double? DenseTopsInt4 { get; init; }

    /// <summary>Dense INT8 TOPS.</summary>
    public double? DenseTopsInt8 { get; init; }

    /// <summary>Dense FP4 TFLOPS.</summary>
    public double? DenseTflopsFp4 { get; init; }

    /// <summary>Dense FP8 TFLOPS.</summary>
    public double? DenseTflopsFp8 { get; init; }

    /// <summary>Dense FP16/BF16 TFLOPS.</summary>
    public double? DenseTflopsFp16 { get; init; }

    /// <summary>Dense FP32 TFLOPS.</summary>
    public double? DenseTflopsFp32 { get; init; }

    /// <summary>Dense FP64 TFLOPS.</summary>
    public double? DenseTflopsFp64 { get; init; }

    /// <summary>Total processing performance as published by the manufacturer.</summary>
    public double? PublishedTpp { get; init; }

    /// <summary>Total DRAM bandwidth in GB/s.</summary>
    public double? MemoryBandwidthGbs { get; init; }

    /// <summary>Memory capacity in GB.</summary>
    public double? MemoryGb { get; init; }

    /// <summary>Aggregate bidirectional I/O (interconnect) bandwidth in GB/s.</summary>
    public double? InterconnectGbs { get; init; }

    /// <summary>Memory bandwidth density of an HBM stack in GB/s/mm².</summary>
    public double? HbmBandwidthDensity { get; init; }

    /// <summary>Where the figures come from.</summary>
    public string? Source { get; init; }

    /// <summary>For a board or computer: the catalog name of the most capable chip it contains.</summary>
    public string? Contains { get; init; }

    /// <summary>For a board or computer: how many of that chip it carries (informational).</summary>
    public int? ChipCount { get; init; }
}
