using System.Collections.Immutable;
using Osprey.Core.Scanning;

namespace Osprey.CSharp.Models;

/// <summary>Validates rows of one model file and collects them, or the reason each one was rejected.</summary>
internal sealed class ModelSetBuilder(string fileName)
{
    private static readonly ImmutableHashSet<string> Provenances = ["manual", "df-generated", "df-manual", "ai-manual", "generated"];

    private readonly ImmutableArray<SourceModel>.Builder _sources = ImmutableArray.CreateBuilder<SourceModel>();
    private readonly ImmutableArray<SinkModel>.Builder _sinks = ImmutableArray.CreateBuilder<SinkModel>();
    private readonly ImmutableArray<SummaryModel>.Builder _summaries = ImmutableArray.CreateBuilder<SummaryModel>();
    private readonly ImmutableArray<BarrierModel>.Builder _barriers = ImmutableArray.CreateBuilder<BarrierModel>();
    private readonly ImmutableArray<BarrierGuardModel>.Builder _guards = ImmutableArray.CreateBuilder<BarrierGuardModel>();
    private readonly ImmutableArray<NeutralModel>.Builder _neutrals = ImmutableArray.CreateBuilder<NeutralModel>();
    private readonly ImmutableArray<ModelError>.Builder _errors = ImmutableArray.CreateBuilder<ModelError>();

    /// <summary>Whether <paramref name="relation"/> names a model relation.</summary>
    public static bool IsRelation(string relation) =>
        relation is "sourceModel" or "sinkModel" or "summaryModel" or "barrierModel" or "barrierGuardModel" or "neutralModel";

    /// <summary>Records a problem at <paramref name="line"/>.</summary>
    public void Error(int line, string message) => _errors.Add(new ModelError(new ModelOrigin(fileName, line), message));

    /// <summary>Validates and adds one row of <paramref name="relation"/>.</summary>
    public void Add(string relation, int line, ImmutableArray<string> cells)
    {
        var origin = new ModelOrigin(fileName, line);
        switch (relation)
        {
            case "sourceModel" when Expect(cells, 8, line, "namespace, type, subtypes, name, signature, output, kind, provenance"):
                AddSource(cells, origin);
                break;
            case "sinkModel" when Expect(cells, 8, line, "namespace, type, subtypes, name, signature, input, kind, provenance"):
                if (Api(cells, line) is { } sinkApi && Path(cells[5], line) is { } input && Kind(cells[6], line) && Provenance(cells[7], line))
                {
                    _sinks.Add(new SinkModel(sinkApi, input, cells[6], cells[7], origin));
                }

                break;
            case "summaryModel" when Expect(cells, 9, line, "namespace, type, subtypes, name, signature, input, output, kind, provenance"):
                AddSummary(cells, origin);
                break;
            case "barrierModel" when Expect(cells, 8, line, "namespace, type, subtypes, name, signature, output, kind, provenance"):
                if (Api(cells, line) is { } barrierApi && Path(cells[5], line) is { } output && Kind(cells[6], line) && Provenance(cells[7], line))
                {
                    _barriers.Add(new BarrierModel(barrierApi, output, cells[6], cells[7], origin));
                }

                break;
            case "barrierGuardModel" when Expect(cells, 9, line, "namespace, type, subtypes, name, signature, input, branch, kind, provenance"):
                AddGuard(cells, origin);
                break;
            case "neutralModel" when Expect(cells, 6, line, "namespace, type, name, signature, kind, provenance"):
                if (cells[4] is "summary" or "source" or "sink" && Provenance(cells[5], line))
                {
                    _neutrals.Add(new NeutralModel(new ApiReference(cells[0], StripArity(cells[1]), false, cells[2], cells[3]), cells[4], cells[5], origin));
                }
                else if (cells[4] is not ("summary" or "source" or "sink"))
                {
                    Error(line, $"neutral kind '{cells[4]}' must be summary, source or sink");
                }

                break;
            case "sourceModel" or "sinkModel" or "summaryModel" or "barrierModel" or "barrierGuardModel" or "neutralModel":
                break;
            default:
                Error(line, $"unknown relation '{relation}' (use sourceModel, sinkModel, summaryModel, barrierModel, barrierGuardModel or neutralModel)");
                break;
        }
    }

    /// <summary>The rows and errors collected so far.</summary>
    public ModelSet Build() => new()
    {
        Sources = _sources.ToImmutable(),
        Sinks = _sinks.ToImmutable(),
        Summaries = _summaries.ToImmutable(),
        Barriers = _barriers.ToImmutable(),
        BarrierGuards = _guards.ToImmutable(),
        Neutrals = _neutrals.ToImmutable(),
        Errors = _errors.ToImmutable(),
    };

    private void AddSource(ImmutableArray<string> cells, ModelOrigin origin)
    {
        var kind = cells[6].Split(':', 2);
        if (!ScanOptions.IsThreatModel(kind[0]))
        {
            Error(origin.Line, $"source kind '{cells[6]}' must start with a threat model, 'remote:' or 'local:' (e.g. remote:http-query)");
            return;
        }

        if (Api(cells, origin.Line) is { } api && Path(cells[5], origin.Line) is { } output && Provenance(cells[7], origin.Line))
        {
            _sources.Add(new SourceModel(api, output, kind[0], kind.Length > 1 && kind[1].Length > 0 ? kind[1] : kind[0], cells[7], origin));
        }
    }

    private void AddSummary(ImmutableArray<string> cells, ModelOrigin origin)
    {
        if (cells[7] is not ("taint" or "value"))
        {
            Error(origin.Line, $"summary kind '{cells[7]}' must be taint or value");
            return;
        }

        if (Api(cells, origin.Line) is { } api && Path(cells[5], origin.Line) is { } input && Path(cells[6], origin.Line) is { } output && Provenance(cells[8], origin.Line))
        {
            _summaries.Add(new SummaryModel(api, input, output, cells[7] == "value", cells[8], origin));
        }
    }

    private void AddGuard(ImmutableArray<string> cells, ModelOrigin origin)
    {
        if (cells[6] is not ("true" or "false"))
        {
            Error(origin.Line, $"barrier guard branch '{cells[6]}' must be true or false");
            return;
        }

        if (Api(cells, origin.Line) is { } api && Path(cells[5], origin.Line) is { } input && Kind(cells[7], origin.Line) && Provenance(cells[8], origin.Line))
        {
            _guards.Add(new BarrierGuardModel(api, input, cells[6] == "true", cells[7], cells[8], origin));
        }
    }

    private bool Expect(ImmutableArray<string> cells, int count, int line, string columns)
    {
        if (cells.Length == count)
        {
            return true;
        }

        Error(line, $"expected {count} columns ({columns}) but found {cells.Length}");
        return false;
    }

    private ApiReference? Api(ImmutableArray<string> cells, int line)
    {
        if (cells[1].Length == 0)
        {
            Error(line, "the type column is empty");
            return null;
        }

        if (cells[2] is not ("true" or "false" or "True" or "False"))
        {
            Error(line, $"subtypes '{cells[2]}' must be true or false");
            return null;
        }

        if (cells[4].Length > 0 && !(cells[4].StartsWith('(') && cells[4].EndsWith(')')))
        {
            Error(line, $"signature '{cells[4]}' must be empty or a parenthesised list of parameter types");
            return null;
        }

        return new ApiReference(cells[0], StripArity(cells[1]), cells[2] is "true" or "True", cells[3], cells[4].Replace(" ", "", StringComparison.Ordinal));
    }

    private AccessPath? Path(string text, int line)
    {
        var path = AccessPath.TryParse(text, out var error);
        if (path is null)
        {
            Error(line, error!);
        }

        return path;
    }

    private bool Kind(string kind, int line)
    {
        if (kind.Length > 0 && kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return true;
        }

        Error(line, $"kind '{kind}' must be a lower-case kebab-case name such as sql-injection");
        return false;
    }

    private bool Provenance(string provenance, int line)
    {
        if (Provenances.Contains(provenance))
        {
            return true;
        }

        Error(line, $"provenance '{provenance}' must be manual or df-generated");
        return false;
    }

    private static string StripArity(string type)
    {
        var angle = type.IndexOf('<', StringComparison.Ordinal);
        var tick = type.IndexOf('`', StringComparison.Ordinal);
        var cut = angle >= 0 ? angle : tick;
        return cut >= 0 ? type[..cut] : type;
    }
}
