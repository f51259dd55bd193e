namespace Osprey.Server.Watermarking;

/// <summary>The result of identifying a text: the best candidate, how well it matches, and whether that is enough to name it.</summary>
/// <param name="OrgId">The best-matching organisation, or null if there were no candidates or no slots.</param>
/// <param name="Confident">Whether the evidence is strong enough to attribute the text to <paramref name="OrgId"/>.</param>
/// <param name="Score">The best candidate's z-score on the phrasing channel (matches above chance, in standard deviations); +∞ when its zero-width tag was found.</param>
/// <param name="Slots">How many phrasing slots the text contains.</param>
/// <param name="Matches">How many of them follow the best candidate's key.</param>
/// <param name="ZeroWidthTags">How many zero-width tags of the best candidate were found.</param>
/// <param name="Explanation">The decision in a sentence.</param>
public sealed record FingerprintMatch(string? OrgId, bool Confident, double Score, int Slots, int Matches, int ZeroWidthTags, string Explanation);
