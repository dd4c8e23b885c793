namespace Clearance.Rules.Licensing;

/// <summary>An order line with its item's classification on the evaluation date and the figures the license rules use.</summary>
public sealed record LineFacts
{
    /// <summary>The item's name.</summary>
    public required string Item { get; init; }

    /// <summary>The ECCN as the classifier wrote it.</summary>
    public required string Eccn { get; init; }

    /// <summary>The same ECCN as the license engine distinguishes it.</summary>
    public required ControlEntry Entry { get; init; }

    /// <summary>The paragraph that decided the classification.</summary>
    public string? ClassificationRule { get; init; }

    /// <summary>The classifier's reason, with numbers.</summary>
    public string? ClassificationReason { get; init; }

    /// <summary>Whether the classification rests on a fact the research marks unconfirmed.</summary>
    public bool ClassificationUnconfirmed { get; init; }

    /// <summary>Whether the item is designed or marketed for datacenters; null when unknown.</summary>
    public bool? Datacenter { get; init; }

    /// <summary>Total processing performance used for classification.</summary>
    public double? Tpp { get; init; }

    /// <summary>Performance density used for classification.</summary>
    public double? PerformanceDensity { get; init; }

    /// <summary>Total DRAM bandwidth in GB/s.</summary>
    public double? MemoryBandwidthGbs { get; init; }

    /// <summary>Interconnect (aggregate bidirectional I/O) bandwidth in GB/s.</summary>
    public double? InterconnectGbs { get; init; }

    /// <summary>HBM memory bandwidth density in GB/s/mm².</summary>
    public double? HbmBandwidthDensity { get; init; }

    /// <summary>Units ordered.</summary>
    public required long Quantity { get; init; }

    /// <summary>Price per unit, when given.</summary>
    public decimal? UnitPrice { get; init; }
}
