namespace Clearance.Rules;

/// <summary>ECCN 3A090 as created in October 2022: performance and I/O bandwidth, both required.</summary>
/// <param name="Tpp">Bit length × TOPS of 4800 or more (3A090.a.1 of the 2022 text).</param>
/// <param name="InputOutput">Aggregate bidirectional I/O of 600 GB/s or more (3A090.a of the 2022 text).</param>
/// <param name="Computer">4A090: computers, assemblies and components containing such integrated circuits.</param>
public sealed record LegacyThresholds(Threshold Tpp, Threshold InputOutput, Paragraph Computer);
