using System.Numerics;

namespace Clearance.Screening;

/// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), bounded.</summary>
public static class EditDistance
{
    /// <summary>The distance, or <paramref name="bound"/> + 1 as soon as it is known to exceed the bound.</summary>
    /// <remarks>Only the diagonal band of width 2 x bound is computed: O(length x bound), not O(length²).</remarks>
    public static int Bounded(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        if (a.Length > 128 || b.Length > 128)
        {
            return a.Equals(b, StringComparison.Ordinal) ? 0 : bound + 1;
        }

        // A character (here: its value modulo 64) on one side that the other lacks costs an edit of its own, and
        // transpositions add or remove none: more of those than the bound rejects the pair before the table is built.
        ulong inA = 0, inB = 0;
        foreach (var c in a)
        {
            inA |= 1UL << c;
        }

        foreach (var c in b)
        {
            inB |= 1UL << c;
        }

        if (BitOperations.PopCount(inA & ~inB) > bound || BitOperations.PopCount(inB & ~inA) > bound)
        {
            return bound + 1;
        }

        var outside = bound + 1;
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = Math.Min(j, outside);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - bound);
            var to = Math.Min(b.Length, i + bound);
            current.Fill(outside);
            current[0] = Math.Min(i, outside);
            var rowMin = from == 1 ? current[0] : outside;
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = Math.Min(value, outside);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > bound)
            {
                return outside;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
