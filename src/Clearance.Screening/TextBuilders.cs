using System.Text;

namespace Clearance.Screening;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread for the text a screen builds on every name (folded words,
/// explanations). A builder grown chunk by chunk from 16 characters costs more in copies and garbage than the text
/// itself; a builder taken while the thread's own is in use (text built inside other text) is a new one.
/// </summary>
static class TextBuilders
{
    const int KeptCapacity = 2048;

    [ThreadStatic]
    static StringBuilder? _cached;

    /// <summary>An empty builder: the thread's own when free, otherwise a new one.</summary>
    public static StringBuilder Take()
    {
        var builder = _cached;
        if (builder is null)
        {
            return new StringBuilder(256);
        }

        _cached = null;
        return builder.Clear();
    }

    /// <summary>The builder's text; the builder is kept for the thread's next <see cref="Take"/> unless it grew large.</summary>
    public static string Release(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= KeptCapacity)
        {
            _cached = builder;
        }

        return text;
    }
}
