using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Applying a callee's summary at a call site: its placeholders are replaced by the caller's
/// argument values, its parameter-to-sink facts become findings (for concrete sources) or facts of
/// the caller's own summary (for the caller's parameters), and its side effects are replayed.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private TaintValue ApplySummary(IMethodSymbol callee, CallSite site, TaintState state)
    {
        site = site with { Method = callee };
        var summary = _session.SummaryOf(callee);
        var location = site.Operation.Syntax.GetLocation();
        var name = TaintSession.ShortName(callee);

        foreach (var sink in summary.Sinks)
        {
            var actual = TaintValue.Merge(BindOrigin(sink.Parameter, sink.Path, site, state), AliasedWrites(summary, sink, site, location, name, state));
            var pass = PassStep(location, name, sink.Parameter);
            CheckKnownZeroArgument(sink, actual, pass);
            foreach (var origin in actual.AllOrigins())
            {
                if (!SurvivesSummaryStep(origin, sink.Sanitized))
                {
                    continue;
                }

                var sanitized = origin.Sanitized | sink.Sanitized;
                var required = RequiredSanitization(sink.Kind);
                if ((required != 0 && (sanitized & required) == required) || FitsSink(origin, sink.Trace, sink.Kind)
                    || (!origin.IsSource && _summary.HasSink(origin.Parameter, origin.Path, sink.Kind, sanitized, sink.Trace.Step.Location)))
                {
                    continue;
                }

                var trace = (origin.Trace is null ? TaintTrace.Start(pass) : origin.Trace.Append(pass)).Concat(sink.Trace);
                Reach(origin, sanitized, sink.Kind, trace);
            }
        }

        foreach (var (ordinal, value) in summary.OutValues)
        {
            if (ordinal < 0)
            {
                var receiver = UpdatedReceiver(site.Receiver, value, site, location, name, state);
                if (site.Instance is { } instance)
                {
                    MergeInto(instance, receiver, state, replace: true);
                }

                continue;
            }

            var parameter = ordinal >= 0 && ordinal < callee.Parameters.Length ? callee.Parameters[ordinal] : null;
            var instantiated = Instantiate(value, site, location, name, state);
            MergeInto(site.OperationAt(ordinal), instantiated, state, replace: parameter?.RefKind == RefKind.Out);
        }

        foreach (var (field, value) in summary.FieldWrites)
        {
            WriteShared(field, Instantiate(value, site, location, name, state));
        }

        foreach (var (field, value) in summary.StaticOuts)
        {
            WriteStatic(field, TaintValue.Merge(ReadStatic(field, state), Instantiate(value, site, location, name, state)), state);
        }

        if (!summary.Thrown.IsBottom)
        {
            state.Set(TaintState.Thrown, TaintValue.Merge(state.Get(TaintState.Thrown), Instantiate(summary.Thrown, site, location, name, state)));
        }

        var result = Instantiate(summary.Return, site, location, name, state);
        return result.IsTainted ? AppendStep(result, location, _session.PassDescription(name, TaintSession.ReturnedFrom)) : result;
    }

    /// <summary>
    /// What the callee may have stored into the object a sink reads through another parameter that
    /// is the same object at this call (both arguments share an allocation site): <c>Mix(a, a, input)</c>
    /// with <c>a.x = n; Sink(b.x);</c> inside. Flow-insensitive within the callee: a store after the
    /// sink counts too.
    /// </summary>
    private TaintValue AliasedWrites(MethodSummary summary, SummarySink sink, CallSite site, Location location, string name, TaintState state)
    {
        if (sink.Parameter < -1 || summary.OutValues.IsEmpty)
        {
            return TaintValue.Bottom;
        }

        var target = site.Bind(sink.Parameter);
        var result = TaintValue.Bottom;
        foreach (var (ordinal, value) in summary.OutValues)
        {
            if (ordinal != sink.Parameter && site.Bind(ordinal).MayAlias(target))
            {
                result = TaintValue.Merge(result, Instantiate(value, site, location, name, state).ReadPath(sink.Path));
            }
        }

        return result;
    }

    /// <summary>
    /// The receiver after the call: each field the callee's summary leaves in <c>this</c> replaces the
    /// receiver's field (the summary's value already joins the paths on which the field was not written).
    /// </summary>
    private TaintValue UpdatedReceiver(TaintValue receiver, TaintValue thisOut, CallSite site, Location location, string name, TaintState state)
    {
        foreach (var (field, value) in thisOut.Fields)
        {
            receiver = receiver.WithField(field, Instantiate(value, site, location, name, state));
        }

        return receiver;
    }

    /// <summary>A source or caller parameter reaches a sink: a finding, or a fact of this method's summary.</summary>
    private void Reach(TaintOrigin origin, ulong sanitized, string kind, TaintTrace trace)
    {
        if (origin.Source is { } source)
        {
            _session.Findings.Add(new PendingFinding(source, kind, trace));
        }
        else
        {
            _summary.AddSink(new SummarySink(origin.Parameter, origin.Path, kind, sanitized, trace));
        }
    }

    /// <summary>Replaces a summary value's placeholders by the caller's values.</summary>
    private TaintValue Instantiate(TaintValue value, CallSite site, Location location, string name, TaintState state, int depth = 0)
    {
        if (value.IsBottom)
        {
            return value;
        }

        if (value.Root is { } root && value.Fields.IsEmpty && value.Origins.All(root.IsPlaceholder))
        {
            var whole = BindOrigin(root.Parameter, root.Path, site, state);
            return whole.WithOrigins([.. whole.Origins.Select(o => o.Append(PassStep(location, name, root.Parameter)))]);
        }

        var origins = ImmutableArray<TaintOrigin>.Empty;
        foreach (var origin in value.Origins)
        {
            if (origin.IsSource)
            {
                origins = TaintValue.MergeOrigins(origins, [origin]);
                continue;
            }

            var pass = PassStep(location, name, origin.Parameter);
            var actual = BindOrigin(origin.Parameter, origin.Path, site, state).AllOrigins();
            origins = TaintValue.MergeOrigins(origins, [.. actual.Where(a => SurvivesSummaryStep(a, origin.Sanitized)).Select(a =>
                a.WithExactSanitized(a.Sanitized | origin.Sanitized).WithTrace((a.Trace is null ? TaintTrace.Start(pass) : a.Trace.Append(pass)).ConcatSteps(origin.Trace)))]);
        }

        var result = value.HasConstant ? TaintValue.OfConstant(value.Constant).WithOrigins(origins) : TaintValue.OfOrigins(origins);
        if (depth < TaintValue.MaxDepth)
        {
            foreach (var (field, fieldValue) in value.Fields)
            {
                result = result.WithField(field, Instantiate(fieldValue, site, location, name, state, depth + 1));
            }
        }

        result = value.Types.IsEmpty ? result : result.WithTypes(value.Types);
        foreach (var target in value.Delegates)
        {
            result = TaintValue.Merge(result, TaintValue.OfDelegate(target));
        }

        return result;
    }

    /// <summary>The caller's value for a placeholder: an argument (or receiver) at a path, or a static field's current value.</summary>
    private TaintValue BindOrigin(int parameter, string path, CallSite site, TaintState state)
    {
        if (parameter == -1 && path.Length > 0 && !IsTracked(site.Receiver))
        {
            // A receiver the analysis did not follow: its fields hold whatever any code stored in them.
            var bound = site.Receiver.ReadPath(path);
            return _session.InstanceMember(site.Method.ContainingType, FirstSegment(path)) is { } member
                ? TaintValue.Merge(bound, _session.SharedField(member).ReadPath(path[(FirstSegment(path).Length + 1)..]))
                : bound;
        }

        if (parameter != TaintValue.StaticParameter)
        {
            return site.Bind(parameter).ReadPath(path);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var key = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? "" : path[dot..];
        var value = _session.StaticSymbol(key) is { } symbol ? ReadStatic(symbol, state) : TaintValue.OfStatic(key);
        return value.ReadPath(rest);
    }

    /// <summary>The first field of an access path: <c>data</c> in <c>.data.[]</c>.</summary>
    internal static string FirstSegment(string path)
    {
        var rest = path.TrimStart('.');
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private TaintStep PassStep(Location location, string name, int parameter) =>
        new(location, _session.PassDescription(name, parameter), Osprey.Core.Findings.TraceStepKind.Step, _member);
}
