using System.Globalization;
using System.Text;

namespace Clearance.Rules.Tests;

public sealed class FigureTests
{
    [Fact]
    public void Figures_print_as_the_double_prints_for_rounded_and_unrounded_values()
    {
        var random = new Random(11);
        var values = new List<double> { 0, -0.0, 0.0001, 0.00005, 1, 9999999999.9999, 1e10, 1e14, 1e15, -5.25, double.NaN, double.PositiveInfinity };
        for (var i = 0; i < 20_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-6, 13));
            var raw = random.NextDouble() * magnitude;
            values.Add(raw);
            values.Add(Math.Round(raw, 4));
            values.Add(Math.Round(raw));
        }

        Span<byte> utf8 = stackalloc byte[64];
        foreach (var value in values)
        {
            var expected = value.ToString(CultureInfo.InvariantCulture);
            var figure = new Figure(value);
            Assert.Equal(expected, figure.ToString());
            Assert.Equal(expected, string.Create(CultureInfo.InvariantCulture, $"{figure}"));
            Assert.True(figure.TryFormat(utf8, out var written, default, CultureInfo.InvariantCulture));
            Assert.Equal(expected, Encoding.UTF8.GetString(utf8[..written]));
        }
    }
}
