namespace Osprey.Server.Watermarking;

/// <summary>When an identification counts as an attribution.</summary>
public sealed record WatermarkerOptions
{
    /// <summary>The defaults.</summary>
    public static WatermarkerOptions Default { get; } = new();

    /// <summary>The z-score (matches above chance, in standard deviations) a candidate needs on the phrasing channel.</summary>
    /// <value>
    /// 5: one-sided p ≈ 3 × 10⁻⁷ per candidate under independence. Unmarked template text is not
    /// independent (its fixed phrases repeat across texts), and at 4.5 one of 4,000 such comparisons
    /// in the tests passed; at 5 none did.
    /// </value>
    public double MinZScore { get; init; } = 5;

    /// <summary>How far ahead of the runner-up the best candidate must be, in z.</summary>
    /// <value>2.</value>
    public double MinMargin { get; init; } = 2;

    /// <summary>The fewest distinct slots to decide on.</summary>
    /// <value>12.</value>
    public int MinSlots { get; init; } = 12;

    /// <summary>Whether <see cref="OutputWatermarker.Embed"/> also writes the zero-width tag.</summary>
    /// <value>true.</value>
    public bool ZeroWidthChannel { get; init; } = true;

    /// <summary>Throws when a setting is out of range.</summary>
    public WatermarkerOptions Validate()
    {
        if (MinZScore <= 0 || MinMargin < 0 || MinSlots < 1)
        {
            throw new ArgumentException($"Invalid watermarker options: MinZScore must be positive (was {MinZScore}), MinMargin not negative (was {MinMargin}), MinSlots at least 1 (was {MinSlots}).");
        }

        return this;
    }
}
