namespace Clearance.Lists;

/// <summary>The list snapshot this process screens against now. <see cref="ListVersions.RefreshAsync"/> replaces it when
/// the database's current list version changes; readers take <see cref="Current"/> once and use that snapshot throughout.
/// The shipped snapshots are loaded on first use only (indexing them takes seconds).</summary>
public sealed class ScreeningLists(Func<ListSnapshot> shipped)
{
    readonly Lazy<ListSnapshot> _shipped = new(shipped);
    ListSnapshot? _current;

    public ListSnapshot Current => Volatile.Read(ref _current) ?? _shipped.Value;

    /// <summary>The database generation screened now, without loading anything: 0 until a version is imported.</summary>
    public long Generation => Volatile.Read(ref _current)?.Generation ?? 0;

    public void Replace(ListSnapshot next) => Volatile.Write(ref _current, next);
}
