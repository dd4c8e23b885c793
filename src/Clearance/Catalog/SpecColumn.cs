namespace Clearance.Catalog;

/// <summary>The columns of the chip-specification CSV that the reader understands.</summary>
enum SpecColumn
{
    Name,
    Vendor,
    Year,
    Datacenter,
    ItemType,
    DieArea,
    Int4,
    Int8,
    Fp4,
    Fp8,
    Fp16,
    Fp32,
    Fp64,
    Tpp,
    MemoryBandwidth,
    MemoryGb,
    Interconnect,
    HbmDensity,
    Source,
    Contains,
    ChipCount,
}
