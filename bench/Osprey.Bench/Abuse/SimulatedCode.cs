using System.Collections.Immutable;
using System.Text;

namespace Osprey.Bench.Abuse;

/// <summary>Source-like text for simulated submissions: C#-shaped lines over a project's own vocabulary (seeded).</summary>
internal sealed class SimulatedCode(Random random, int vocabularySize = 40)
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ser", "tor", "van", "qu", "ex", "pri", "dal", "zen", "rob", "fin", "gra", "hul", "ost", "ney", "pax", "wic", "jun"];

    private static readonly string[] LineTemplates =
    [
        "public {T} {M}({T} {v}) => _{f}.{M}({v});",
        "var {v} = await _{f}.{M}Async({v}, cancellationToken);",
        "if ({v} is null) throw new ArgumentNullException(nameof({v}));",
        "private readonly {T} _{f};",
        "return new {T}({v}, {v}.{M}());",
        "foreach (var {v} in _{f}.{M}()) {v}.{M}();",
        "logger.LogInformation(\"{M} {v}\", {v});",
        "public sealed record {T}(string {M}, int {v});",
        "using var {v} = _{f}.Open{T}();",
        "{v}.{M} = {T}.{M}({v});",
    ];

    private readonly string[] _words = Enumerable.Range(0, vocabularySize).Select(_ => Word(random)).ToArray();

    public string Name() => Pascal(_words[random.Next(_words.Length)]) + Pascal(_words[random.Next(_words.Length)]);

    public string Line()
    {
        var sb = new StringBuilder(LineTemplates[random.Next(LineTemplates.Length)]);
        sb.Replace("{T}", Pascal(_words[random.Next(_words.Length)]));
        sb.Replace("{M}", Pascal(_words[random.Next(_words.Length)]));
        sb.Replace("{v}", _words[random.Next(_words.Length)]);
        sb.Replace("{f}", _words[random.Next(_words.Length)]);
        return sb.ToString();
    }

    public string File(int lines) => string.Join('\n', Enumerable.Range(0, lines).Select(_ => Line()));

    /// <summary>A repository: paths and contents, with one data-access file that has a finding.</summary>
    public ImmutableArray<(string Path, string Content)> Repository(int files)
    {
        var project = Name();
        var query = $"var sql = \"SELECT * FROM {Name()} WHERE id = '\" + id + \"'\";\ncommand.{SimulationEngine.Marker};\n" + File(6);
        return [($"src/{project}/Data/{Name()}Query.cs", query), .. Enumerable.Range(1, files - 1).Select(i => ($"src/{project}/{Name()}{i}.cs", File(random.Next(8, 25))))];
    }

    /// <summary>The repository as CI sends it after a push: a few lines of the first files changed.</summary>
    public ImmutableArray<(string Path, string Content)> Edited(ImmutableArray<(string Path, string Content)> repository)
    {
        var files = repository.ToArray();
        for (var i = 0; i < 2; i++)
        {
            var f = 1 + random.Next(Math.Min(5, files.Length - 1));
            if (f >= files.Length) break;
            var lines = files[f].Content.Split('\n');
            lines[random.Next(lines.Length)] = Line();
            files[f] = (files[f].Path, string.Join('\n', lines));
        }

        return [.. files];
    }

    private static string Word(Random random) => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    private static string Pascal(string w) => char.ToUpperInvariant(w[0]) + w[1..];
}
