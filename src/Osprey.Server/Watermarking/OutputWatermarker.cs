using System.Security.Cryptography;
using System.Text;

namespace Osprey.Server.Watermarking;

/// <summary>
/// Fingerprints the text Osprey returns to an organisation, so that a leaked corpus can be attributed.
/// Two channels: (1) wherever the text uses a phrase from a synonym group, the variant is chosen by a
/// keyed pseudo-random function of the organisation's key, the group and the nearest preceding word
/// outside every group — robust to copy-and-paste, whitespace changes, stripping invisible characters
/// and light editing, because each slot is keyed by local context only; (2) a 32-bit keyed tag in
/// zero-width characters at the start of each paragraph, exact but easy to strip.
/// </summary>
public sealed class OutputWatermarker
{
    private readonly WatermarkerOptions _options;

    /// <summary>Creates a watermarker.</summary>
    /// <param name="options">Decision thresholds; <see cref="WatermarkerOptions.Default"/> when null.</param>
    public OutputWatermarker(WatermarkerOptions? options = null) => _options = (options ?? WatermarkerOptions.Default).Validate();

    /// <summary>Returns <paramref name="text"/> with every synonym slot set to the organisation's variant and a zero-width tag on each paragraph.</summary>
    /// <param name="key">The organisation's key.</param>
    /// <param name="text">Text Osprey produced (explanation or report).</param>
    public string Embed(OrgFingerprintKey key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        var clean = WatermarkText.StripInvisible(text);
        var chooser = new Chooser(key);
        var sb = new StringBuilder(clean.Length + 64);
        var at = 0;
        foreach (var slot in WatermarkText.Slots(clean))
        {
            sb.Append(clean, at, slot.Index - at);
            var variant = WatermarkSynonyms.Groups[slot.Group][chooser.Choose(slot.Group, slot.Context)];
            sb.Append(char.IsUpper(clean[slot.Index]) ? char.ToUpperInvariant(variant[0]) + variant[1..] : variant);
            at = slot.Index + slot.Length;
        }

        sb.Append(clean, at, clean.Length - at);
        return _options.ZeroWidthChannel ? AddTags(sb.ToString(), Tag(key)) : sb.ToString();
    }

    /// <summary>Names the candidate whose fingerprint <paramref name="text"/> carries, if the evidence is strong enough.</summary>
    /// <param name="text">The suspect text.</param>
    /// <param name="candidates">Keys of the organisations that could be the source.</param>
    public FingerprintMatch Identify(string text, IReadOnlyCollection<OrgFingerprintKey> candidates) =>
        WatermarkIdentification.Identify(text, candidates, _options);

    /// <summary>The organisation's 32-bit zero-width tag.</summary>
    internal static uint Tag(OrgFingerprintKey key) =>
        BitConverter.ToUInt32(HMACSHA256.HashData(key.Secret, "osprey-zero-width-tag"u8.ToArray()), 0);

    private static string AddTags(string text, uint tag)
    {
        var mark = new StringBuilder(33).Append(WatermarkText.TagStart);
        for (var i = 31; i >= 0; i--) mark.Append(((tag >> i) & 1) == 0 ? WatermarkText.Zero : WatermarkText.One);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var space = lines[i].IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && (i == 0 || lines[i - 1].Trim().Length == 0)) lines[i] = lines[i][..space] + mark + lines[i][space..];
        }

        return string.Join('\n', lines);
    }

    /// <summary>The keyed choice per (group, context), cached for one text.</summary>
    internal sealed class Chooser(OrgFingerprintKey key)
    {
        private readonly Dictionary<(int, string), int> _cache = [];

        public int Choose(int group, string context)
        {
            if (_cache.TryGetValue((group, context), out var v)) return v;
            var mac = HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes($"{group}\u0001{context}"));
            v = (int)(BitConverter.ToUInt32(mac, 0) % (uint)WatermarkSynonyms.Groups[group].Length);
            _cache[(group, context)] = v;
            return v;
        }
    }
}
