using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Osprey.Bench.Native;

/// <summary>One challenge vulnerability (CPV): its id, the harness its proof input is for, the sanitizer the scorer expects, and the proof input.</summary>
/// <param name="Id">The folder name, e.g. <c>cpv1</c>.</param>
/// <param name="Harness">The harness name, e.g. <c>pov_harness</c>.</param>
/// <param name="ExpectedSanitizer">The sanitizer line the challenge expects, e.g. <c>AddressSanitizer: heap-buffer-overflow</c>.</param>
/// <param name="Blob">The proof-of-vulnerability input, or null when the challenge ships none.</param>
internal sealed record AixccCpv(string Id, string Harness, string ExpectedSanitizer, string? Blob);

/// <summary>
/// An AIxCC challenge project (CP) as its folder describes it: the harness names from
/// <c>project.yaml</c> and, from <c>.internal_only/cpv*/</c>, each vulnerability's harness,
/// expected sanitizer (<c>pov_pou_info</c>) and proof input (<c>blobs/</c>). Only read.
/// </summary>
internal sealed partial record AixccChallenge(string Root, ImmutableArray<string> Harnesses, ImmutableArray<AixccCpv> Cpvs)
{
    [GeneratedRegex(@"^\s+name:\s*(?<name>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex HarnessName();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    /// <summary>Reads the challenge at <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">The folder is not a challenge project.</exception>
    public static AixccChallenge Read(string root)
    {
        var project = Path.Combine(root, "project.yaml");
        if (!File.Exists(project))
        {
            throw new InvalidDataException($"{root} has no project.yaml: it is not an AIxCC challenge project.");
        }

        var harnesses = HarnessName().Matches(File.ReadAllText(project)).Select(m => m.Groups["name"].Value).ToImmutableArray();
        var cpvs = ImmutableArray.CreateBuilder<AixccCpv>();
        var internalOnly = Path.Combine(root, ".internal_only");
        if (Directory.Exists(internalOnly))
        {
            foreach (var folder in Directory.EnumerateDirectories(internalOnly, "cpv*").OrderBy(f => int.Parse(Number().Match(Path.GetFileName(f)).Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                var info = Path.Combine(folder, "pov_pou_info");
                if (!File.Exists(info))
                {
                    continue;
                }

                var parts = File.ReadAllText(info).Trim().Split(',', 2, StringSplitOptions.TrimEntries);
                var blobs = Path.Combine(folder, "blobs");
                var blob = Directory.Exists(blobs) ? Directory.EnumerateFiles(blobs).Order(StringComparer.Ordinal).FirstOrDefault() : null;
                cpvs.Add(new AixccCpv(Path.GetFileName(folder), parts[0], parts.Length > 1 ? parts[1] : "", blob));
            }
        }

        return new AixccChallenge(root, harnesses, cpvs.ToImmutable());
    }
}
