using ClawLearn.Selection;

namespace ClawLearn.Tests.Selection;

public class DrawOrderTests
{
    /// <summary>The radix order (and the insertion order for few arms) equals the plain definition: group, then draw
    /// highest first, then input order, including exact ties, near ties below the key's precision and tiny draws.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(300)]
    [InlineData(1000)]
    public void The_order_is_group_then_draw_descending_then_input_order(int count)
    {
        var random = new Random(count + 17);
        for (var round = 0; round < 50; round++)
        {
            var draws = new double[count];
            var groups = new byte[count];
            for (var i = 0; i < count; i++)
            {
                groups[i] = (byte)(round % 3 == 0 ? 3 : random.Next(4));
                draws[i] = random.Next(6) switch
                {
                    0 => draws[random.Next(Math.Max(1, i))], // an exact tie with an earlier arm (or 0 for the first)
                    1 => 0.5 + random.Next(4) * 1e-12,       // ties in the 32-bit key, different draws
                    2 => random.NextDouble() * 1e-300,
                    3 => random.Next(3) == 0 ? 0 : 1,
                    _ => random.NextDouble(),
                };
            }
            var expected = Enumerable.Range(0, count).OrderBy(i => groups[i]).ThenByDescending(i => draws[i]).ThenBy(i => i).ToArray();
            var order = new int[count];
            DrawOrder.Sort(draws, groups, order);
            Assert.Equal(expected, order);
        }
    }
}
