namespace Clearance.Rules;

/// <summary>ECCN 3A090.a/.b by total processing performance and performance density (from November 2023), with the
/// datacenter note and the anti-terrorism tier 3A991.p / 4A994.l below it.</summary>
/// <param name="A1Tpp">3A090.a.1: TPP of this or more.</param>
/// <param name="A2Tpp">3A090.a.2: TPP of this or more ...</param>
/// <param name="A2Pd">... and performance density of this or more.</param>
/// <param name="B1TppMin">3A090.b.1: TPP of this or more ...</param>
/// <param name="B1TppBelow">... and less than this ...</param>
/// <param name="B1PdMin">... and performance density of this or more ...</param>
/// <param name="B1PdBelow">... and less than this.</param>
/// <param name="B2Tpp">3A090.b.2: TPP of this or more ...</param>
/// <param name="B2PdMin">... and performance density of this or more ...</param>
/// <param name="B2PdBelow">... and less than this.</param>
/// <param name="DatacenterNoteTpp">Note to 3A090: items not designed or marketed for datacenters with TPP below this are
/// outside 3A090.a and .b.</param>
/// <param name="P1Tops">3A991.p.1: processing performance of this many TOPS or more.</param>
/// <param name="P2InputOutput">3A991.p.2: aggregate bidirectional I/O of this many GB/s or more.</param>
/// <param name="ComputerA">4A090.a: computers, assemblies and components containing a 3A090.a integrated circuit.</param>
/// <param name="ComputerB">4A090.b: the same for 3A090.b.</param>
/// <param name="ComputerP">4A994.l: the same for 3A991.p.</param>
public sealed record TieredThresholds(
    Threshold A1Tpp,
    Threshold A2Tpp,
    Threshold A2Pd,
    Threshold B1TppMin,
    Threshold B1TppBelow,
    Threshold B1PdMin,
    Threshold B1PdBelow,
    Threshold B2Tpp,
    Threshold B2PdMin,
    Threshold B2PdBelow,
    Threshold DatacenterNoteTpp,
    Threshold P1Tops,
    Threshold P2InputOutput,
    Paragraph ComputerA,
    Paragraph ComputerB,
    Paragraph ComputerP);
