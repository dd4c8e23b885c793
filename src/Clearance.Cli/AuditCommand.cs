using System.CommandLine;

namespace Clearance.Cli;

/// <summary><c>clearance audit verify|export</c>: the auditor's view of the hash-chained log.</summary>
public static class AuditCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("audit", "Verify the audit chain or export a period of it.")
        {
            AuditVerifyCommand.Create(output, error),
            AuditExportCommand.Create(output, error),
        };
}
