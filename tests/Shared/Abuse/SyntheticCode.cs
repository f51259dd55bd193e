using System.Collections.Immutable;
using System.Text;

namespace Osprey.Tests.Shared.Abuse;

/// <summary>
/// Source-like text for synthetic submissions: C#-shaped lines over a project's own vocabulary,
/// seeded by the caller's <see cref="Random"/>. Shared by the server's abuse tests and the
/// abuse-sim benchmark, so both exercise the detector with the same kind of code.
/// </summary>
internal sealed class SyntheticCode(Random random, int vocabularySize = 40)
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

    /// <summary>A repository: paths and contents.</summary>
    public ImmutableArray<(string Path, string Content)> Repository(int files)
    {
        var project = Name();
        return [.. Enumerable.Range(0, files).Select(i => ($"src/{project}/{Name()}{i}.cs", File(random.Next(8, 25))))];
    }

    /// <summary>The repository as CI sends it after a push: a line in each of two of its first files changed.</summary>
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

    /// <summary>
    /// One ASP.NET Core controller of a template an attacker fills with fresh names for every
    /// submission, with a SQL injection whose sink is <paramref name="sinkStatement"/> (for example
    /// <c>command.CommandText = sql;</c>). Returns the file's path and text.
    /// </summary>
    public (string Path, string Content) TemplatedController(string sinkStatement)
    {
        var (handler, param, table, column) = (Name(), Name().ToLowerInvariant(), Name(), Name());
        var text = $$"""
            [ApiController]
            [Route("api/[controller]")]
            public class {{handler}}Controller : ControllerBase
            {
                private readonly IDbConnection _db;
                public {{handler}}Controller(IDbConnection db) => _db = db;
                [HttpGet]
                public IActionResult Get(string {{param}})
                {
                    var sql = "SELECT * FROM {{table}} WHERE {{column}} = '" + {{param}} + "'";
                    using var command = _db.CreateCommand();
                    {{sinkStatement}}
                    return Ok(command.ExecuteScalar());
                }
            }
            """;
        return ($"src/{handler}Controller.cs", text);
    }

    private static string Word(Random random) => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    private static string Pascal(string w) => char.ToUpperInvariant(w[0]) + w[1..];
}
