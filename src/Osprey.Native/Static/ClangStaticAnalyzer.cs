using System.Collections.Immutable;
using System.Text.Json;
using Osprey.Native.Recon;
using Osprey.Native.Sandbox;

namespace Osprey.Native.Static;

/// <summary>
/// Runs the clang static analyzer on each translation unit with SARIF output and reads its
/// reports. The default checkers plus the bounds checks (ArrayBoundV2, cstring OutOfBounds) run;
/// dead-store reports are dropped as they are not weaknesses. A unit the analyzer cannot compile
/// is returned as a problem and the others go on.
/// </summary>
internal sealed class ClangStaticAnalyzer
{
    private const string ExtraCheckers = "alpha.security.ArrayBoundV2,alpha.unix.cstring.OutOfBounds";

    private readonly string _clang;
    private readonly string? _clangXx;
    private readonly string _work;

    public ClangStaticAnalyzer(string clang, string? clangXx, string workDirectory)
    {
        _clang = clang;
        _clangXx = clangXx;
        _work = workDirectory;
        Directory.CreateDirectory(workDirectory);
    }

    public async Task<(ImmutableArray<StaticCandidate> Candidates, ImmutableArray<string> Problems)> AnalyzeAsync(IEnumerable<CompileCommand> commands, CancellationToken cancellationToken)
    {
        var candidates = ImmutableArray.CreateBuilder<StaticCandidate>();
        var problems = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var command in commands)
        {
            var sarif = Path.Combine(_work, $"tu{i++}.sarif");
            var args = ImmutableArray.CreateBuilder<string>();
            args.AddRange("--analyze", "--analyzer-output", "sarif", "-Xanalyzer", $"-analyzer-checker={ExtraCheckers}");
            args.AddRange(command.Flags);
            args.AddRange(command.File, "-o", sarif);
            var compiler = command.IsCpp ? _clangXx ?? _clang : _clang;
            var result = await ProcessRunner.RunAsync(new ProcessSpec(compiler, args.ToImmutable()) { WorkingDirectory = command.Directory, Timeout = TimeSpan.FromMinutes(5) }, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(sarif))
            {
                problems.Add($"{command.File}: the static analyzer failed: {result.StandardError.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? "no output"}");
                continue;
            }

            candidates.AddRange(Read(await File.ReadAllTextAsync(sarif, cancellationToken).ConfigureAwait(false)));
        }

        return (candidates.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>Reads the results of a clang SARIF log.</summary>
    public static IEnumerable<StaticCandidate> Read(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var list = new List<StaticCandidate>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var checker = result.TryGetProperty("ruleId", out var rule) ? rule.GetString() ?? "" : "";
                if (checker.StartsWith("deadcode.", StringComparison.Ordinal) || !result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
                {
                    continue;
                }

                var (file, line, column) = Where(locations[0].GetProperty("physicalLocation"));
                var path = ImmutableArray.CreateBuilder<StaticPathStep>();
                if (result.TryGetProperty("codeFlows", out var flows))
                {
                    foreach (var step in flows[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray())
                    {
                        var location = step.GetProperty("location");
                        var (f, l, c) = Where(location.GetProperty("physicalLocation"));
                        var text = location.TryGetProperty("message", out var m) ? m.GetProperty("text").GetString() ?? "" : "";
                        path.Add(new StaticPathStep(f, l, c, text));
                    }
                }

                var message = result.GetProperty("message").GetProperty("text").GetString() ?? checker;
                list.Add(new StaticCandidate(checker, message, file, line, column, path.ToImmutable()));
            }
        }

        return list;
    }

    private static (string File, int Line, int Column) Where(JsonElement physical)
    {
        var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
        var file = uri.StartsWith("file://", StringComparison.Ordinal) ? Uri.UnescapeDataString(new Uri(uri).AbsolutePath) : uri;
        var region = physical.GetProperty("region");
        var line = region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 1;
        var column = region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0;
        return (file, line, column);
    }
}
