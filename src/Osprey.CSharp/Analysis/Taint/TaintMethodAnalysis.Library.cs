using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Calls into code without a body in the compilation: the models decide sources, sinks, summaries
/// and barriers; without a summary (and without a neutral), taint from any operand is assumed to
/// reach the result, and that step is marked as assumed in the trace.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private TaintValue LibraryCall(CallSite site, TaintState state, bool isConstructor = false)
    {
        var method = site.Method;
        var models = _session.Catalog.For(method, site.Instance?.Type);
        var location = site.Operation.Syntax.GetLocation();
        var name = TaintSession.ShortName(method);
        CheckJsonTypeNameHandling(site);
        CheckShellInput(site);
        CheckParserSettings(site);

        foreach (var sink in models.Sinks)
        {
            foreach (var index in sink.Input.Indices(site.Arguments.Length))
            {
                var value = site.Bind(index);
                CheckSink(sink.Input.Element ? value.Read(TaintValue.Element) : value, sink.Kind, location, _session.SinkDescription(name, sink.Kind));
            }
        }

        var result = TaintValue.Bottom;
        var handledCallbacks = false;
        if (!models.Summaries.IsEmpty)
        {
            foreach (var summary in models.Summaries)
            {
                result = ApplyModelSummary(summary, site, state, result, location, name, isConstructor);
            }
        }
        else if (!models.IsNeutral && (isConstructor || !method.ReturnsVoid) && method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            var origins = site.Receiver.AllOrigins();
            foreach (var argument in site.Arguments)
            {
                origins = TaintValue.MergeOrigins(origins, argument.AllOrigins());
            }

            var assumed = TaintValue.OfOrigins(ChangedValue(origins));
            result = assumed.Origins.IsEmpty ? assumed : AppendStep(assumed, location, $"through `{name}` (no model; flow assumed)", TraceStepKind.Assumed);
        }

        foreach (var source in models.Sources)
        {
            var origin = NewSource(source, location, name);
            var value = TaintValue.OfOrigin(origin);
            switch (source.Output.Root)
            {
                case AccessPathRoot.ReturnValue:
                case AccessPathRoot.This when isConstructor:
                    result = TaintValue.Merge(result, source.Output.Element ? TaintValue.Bottom.WithField(TaintValue.Element, value) : value);
                    break;
                case AccessPathRoot.This:
                    MergeInto(site.Instance, value, state);
                    break;
                case AccessPathRoot.Argument when source.Output.LambdaParameters:
                    handledCallbacks = true;
                    foreach (var index in source.Output.Indices(site.Arguments.Length))
                    {
                        InvokeWithSources(site.Arguments[index], origin, state, site);
                    }

                    break;
                case AccessPathRoot.Argument:
                    foreach (var index in source.Output.Indices(site.Arguments.Length))
                    {
                        MergeInto(site.OperationAt(index), source.Output.Element ? TaintValue.Bottom.WithField(TaintValue.Element, value) : value, state);
                    }

                    break;
            }
        }

        if (!handledCallbacks)
        {
            result = TaintValue.Merge(result, RunCallbacks(site));
        }

        result = TaintValue.Merge(result, RandomDivisor(site));

        foreach (var barrier in models.Barriers)
        {
            var mask = _session.Catalog.Kinds.MaskOf(barrier.Kind);
            if (barrier.Output.Root == AccessPathRoot.ReturnValue || (isConstructor && barrier.Output.Root == AccessPathRoot.This))
            {
                result = Sanitize(result, mask);
            }
            else
            {
                foreach (var index in barrier.Output.Indices(site.Arguments.Length))
                {
                    SanitizeEntity(site.OperationAt(index), mask, state);
                }
            }
        }

        return LineBreakBarrier(site, result);
    }

    /// <summary>Text written to the standard input of a shell is a command line (see <see cref="ShellStandardInput"/>).</summary>
    private void CheckShellInput(CallSite site)
    {
        if (site.Method is not { Name: "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync", ContainingType: { } type } || site.Arguments.Length == 0
            || site.Instance is not { } writer || !IsTextWriter(type) || _graph.OriginalOperation is not { } root
            || ShellStandardInput.ShellOf(writer, root) is not { } shell)
        {
            return;
        }

        CheckSink(site.Arguments[0], "command-injection", site.Operation.Syntax.GetLocation(), $"written to the standard input of `{shell}` (command-injection)");
    }

    private static bool IsTextWriter(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "TextWriter", ContainingNamespace: { Name: "IO", ContainingNamespace.Name: "System" } })
            {
                return true;
            }
        }

        return false;
    }

    private TaintValue ApplyModelSummary(SummaryModel summary, CallSite site, TaintState state, TaintValue result, Location location, string name, bool isConstructor)
    {
        var flowing = TaintValue.Bottom;
        foreach (var index in summary.Input.Indices(site.Arguments.Length))
        {
            var value = site.Bind(index);
            value = summary.Input.Element ? value.Read(TaintValue.Element) : value;
            flowing = TaintValue.Merge(flowing, summary.PreservesValue ? value : TaintValue.OfOrigins(value.AllOrigins()));
        }

        if (flowing.IsBottom)
        {
            return result;
        }

        flowing = AppendStep(flowing.WithoutConstant(), location, $"through `{name}`");
        var output = summary.Output.Element ? TaintValue.Bottom.WithField(TaintValue.Element, flowing) : flowing;
        switch (summary.Output.Root)
        {
            case AccessPathRoot.ReturnValue:
            case AccessPathRoot.This when isConstructor:
                return TaintValue.Merge(result, output);
            case AccessPathRoot.This:
                if (summary.Output.Element && site.Instance is { } instance)
                {
                    WriteInto(instance, TaintValue.Element, flowing, state, strong: false);
                }
                else
                {
                    MergeInto(site.Instance, output, state);
                }

                return result;
            default:
                foreach (var index in summary.Output.Indices(site.Arguments.Length))
                {
                    MergeInto(site.OperationAt(index), output, state);
                }

                return result;
        }
    }

    /// <summary>Runs lambdas handed to a library method (LINQ, <c>ForEach</c>, <c>Task.Run</c>) with the other operands' taint as their arguments.</summary>
    private TaintValue RunCallbacks(CallSite site)
    {
        var result = TaintValue.Bottom;
        for (var i = 0; i < site.Arguments.Length; i++)
        {
            var lambdas = site.Arguments[i].Delegates.OfType<LambdaTarget>().ToImmutableArray();
            if (lambdas.IsEmpty)
            {
                continue;
            }

            var others = site.Receiver.AllOrigins();
            for (var j = 0; j < site.Arguments.Length; j++)
            {
                if (j != i)
                {
                    others = TaintValue.MergeOrigins(others, site.Arguments[j].AllOrigins());
                }
            }

            var input = TaintValue.OfOrigins(others);
            foreach (var lambda in lambdas)
            {
                var args = Enumerable.Repeat(input, lambda.Function.Symbol.Parameters.Length).ToArray();
                result = TaintValue.Merge(result, InlineLambda(lambda, args));
            }
        }

        return result;
    }

    /// <summary>Runs a handler (minimal-API lambda or method group) with its request-bound parameters as sources.</summary>
    private void InvokeWithSources(TaintValue handler, TaintOrigin origin, TaintState state, CallSite site)
    {
        foreach (var target in handler.Delegates)
        {
            var parameters = target switch
            {
                LambdaTarget lambda => lambda.Function.Symbol.Parameters,
                IMethodSymbol method => method.Parameters,
                _ => [],
            };
            var args = parameters.Select(p => EntryPointSources.IsBoundFromRequest(p) ? TaintValue.OfOrigin(origin) : TaintValue.Bottom).ToArray();
            switch (target)
            {
                case LambdaTarget lambda:
                    InlineLambda(lambda, args);
                    break;
                case IMethodSymbol method when _session.Bodies.HasBody(method):
                    ApplySummary(method, site with { Method = method, Receiver = TaintValue.Bottom, Arguments = args, ArgumentOperations = new IOperation?[args.Length] }, state);
                    break;
            }
        }
    }

    private TaintOrigin NewSource(SourceModel model, Location location, string name)
    {
        var description = $"`{name}` ({model.Label})";
        var source = new TaintSource(model.ThreatModel, model.Label, description, location);
        return TaintOrigin.FromSource(source, TaintTrace.Start(new TaintStep(location, "read from " + description, TraceStepKind.Source, _member)));
    }

    /// <summary>Checks a value reaching a sink of <paramref name="kind"/>.</summary>
    private void CheckSink(TaintValue value, string kind, Location location, string description)
    {
        var mask = _session.Catalog.Kinds.MaskOf(kind);
        var step = new TaintStep(location, description, TraceStepKind.Sink, _member);
        foreach (var origin in value.AllOrigins())
        {
            if ((origin.Sanitized & mask) != 0)
            {
                continue;
            }

            Reach(origin, origin.Sanitized, kind, origin.Trace is null ? TaintTrace.Start(step) : origin.Trace.Terminate(step));
        }
    }
}
