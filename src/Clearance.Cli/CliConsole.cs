using Spectre.Console;
using Spectre.Console.Rendering;

namespace Clearance.Cli;

/// <summary>Tables drawn by Spectre.Console on the CLI's writers as plain text (no colour, no escape codes, no border) so
/// they read the same in a file, a pipe and a terminal, and are compared byte for byte by the golden tests.</summary>
static class CliConsole
{
    // Wide enough that no cell of a report wraps: a table written to a file keeps one row per line.
    const int Width = 1000;

    /// <summary>A table with these column headers; cells are added as <see cref="Text"/>, never as markup, so a party
    /// called "[red]" prints as written.</summary>
    public static Table Table(params (string Header, bool Right)[] columns)
    {
        var table = new Table().Border(TableBorder.None);
        foreach (var (header, right) in columns)
        {
            // Two spaces between columns, none before the first: the layout of the tables before Spectre drew them.
            var column = new TableColumn(new Text(header)).NoWrap().Padding(0, 0, 2, 0);
            table.AddColumn(right ? column.RightAligned() : column);
        }

        return table;
    }

    public static void AddRow(this Table table, params string[] cells) => table.AddRow(cells.Select(c => new Text(c)));

    /// <summary>Draws <paramref name="renderable"/> on <paramref name="output"/>, each line without the padding Spectre
    /// puts after a row's last cell.</summary>
    public static void Write(TextWriter output, IRenderable renderable)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = Width;
        console.Write(renderable);
        foreach (var line in text.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            output.WriteLine(line.TrimEnd());
        }
    }
}
