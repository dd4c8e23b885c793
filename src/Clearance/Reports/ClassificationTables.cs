using Clearance.Rules;

namespace Clearance.Reports;

/// <summary>How a host draws classifications for people: the items of one date, or the items whose ECCN differs between
/// two dates (both classifications). The application hands over the data in file order; the host owns the layout.</summary>
public sealed record ClassificationTables(
    Action<IEnumerable<Classification>, TextWriter> WriteItems,
    Action<IEnumerable<(Classification AsOf, Classification Other)>, TextWriter> WriteChangedItems)
{
    internal long Write(IEnumerable<Classification> results, TextWriter output)
    {
        long count = 0;
        WriteItems(results.Select(c =>
        {
            count++;
            return c;
        }), output);
        return count;
    }

    internal void WriteChanges(IEnumerable<(Classification AsOf, Classification Other)> changed, TextWriter output) => WriteChangedItems(changed, output);
}
