namespace Clearance.Rules.Licensing.Data;

/// <summary>A figure of a line that an is-informed letter's performance criterion can test.</summary>
enum LetterFigure
{
    /// <summary>The line's memory (DRAM) bandwidth in GB/s.</summary>
    MemoryBandwidth,

    /// <summary>The line's interconnect bandwidth in GB/s.</summary>
    Interconnect,
}
