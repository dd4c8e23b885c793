namespace Clearance.Lists;

public enum ListImportResult
{
    Imported,
    Invalid,
    Unchanged,
}
