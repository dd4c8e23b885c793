using Clearance.Orders;

namespace Clearance.Lists;

/// <summary>Screens against whichever snapshot <see cref="ScreeningLists"/> holds at the call.</summary>
public sealed class CurrentListScreener(ScreeningLists lists, double threshold) : IPartyScreener
{
    public string Lists => lists.Current.Lists;

    public IReadOnlyList<ListDate> Dates => lists.Current.ListDates;

    public ScreenedName Screen(string name, string? country, string? address) =>
        new ListScreener(lists.Current.Set, threshold).Screen(name, country, address);
}
