using System.Collections.Immutable;

namespace Osprey.Bench.Juliet;

/// <summary>
/// The bad and good regions of one file; the innermost region decides a line's kind.
/// <paramref name="Defects"/> are the good methods that Juliet's generator made identical to the
/// bad ones (see <see cref="JulietDefectDetector"/>).
/// </summary>
internal sealed record FileRegions(ImmutableArray<LineRegion> Regions, ImmutableArray<LineRegion> Defects = default)
{
    /// <summary>A file without marked regions.</summary>
    public static FileRegions Empty { get; } = new([]);

    /// <summary>
    /// The kind of code at <paramref name="line"/>: that of the smallest region containing it, so a
    /// <c>GoodSink</c> method inside a file-wide <c>#if (!OMITBAD)</c> is good. Null outside every region.
    /// </summary>
    public RegionKind? KindAt(int line)
    {
        LineRegion? best = null;
        foreach (var region in Regions)
        {
            if (region.Contains(line) && (best is null || region.Length < best.Length))
            {
                best = region;
            }
        }

        return best?.Kind;
    }

    /// <summary>Whether <paramref name="line"/> lies in good code that is a copy of the bad code.</summary>
    public bool IsDefectAt(int line) => !Defects.IsDefault && Defects.Any(d => d.Contains(line));
}
