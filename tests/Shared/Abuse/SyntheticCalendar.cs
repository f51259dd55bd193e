namespace Osprey.Tests.Shared.Abuse;

/// <summary>
/// The clock of synthetic traffic: days counted from a fixed Monday, office hours, weekends and
/// Poisson-distributed counts drawn from the caller's seeded <see cref="Random"/>.
/// </summary>
internal static class SyntheticCalendar
{
    /// <summary>Day 0 of every synthetic history: a Monday, so weekdays fall the same way in every run.</summary>
    public static readonly DateTimeOffset Start = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether <paramref name="day"/> (counted from <see cref="Start"/>) is a Saturday or Sunday.</summary>
    public static bool Weekend(int day) => Start.AddDays(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A moment in office hours (07:00–18:00) of <paramref name="day"/>.</summary>
    public static DateTimeOffset WorkTime(this Random random, int day) =>
        Start.AddDays(day).AddHours(7 + (random.NextDouble() * 11)).AddSeconds(random.Next(60));

    /// <summary>A count drawn from a Poisson distribution with the given mean (Knuth's method; small means only).</summary>
    public static int Poisson(this Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
