using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Models;

/// <summary>
/// The models of one scan, indexed for lookup by method symbol. Lookups are cached per symbol;
/// the cache lives as long as the catalog, which is scoped to one scan.
/// </summary>
internal sealed class ModelCatalog
{
    private static readonly SymbolDisplayFormat NamespaceFormat = new(typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);
    private static readonly SymbolDisplayFormat SignatureFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    private readonly ModelSet _set;
    private readonly ImmutableHashSet<string> _threatModels;
    private readonly ILookup<string, SourceModel> _sources;
    private readonly ILookup<string, SinkModel> _sinks;
    private readonly ILookup<string, SummaryModel> _summaries;
    private readonly ILookup<string, BarrierModel> _barriers;
    private readonly ILookup<string, BarrierGuardModel> _guards;
    private readonly ILookup<string, NeutralModel> _neutrals;
    private readonly ConcurrentDictionary<IMethodSymbol, ApiModels> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(IMethodSymbol Method, ITypeSymbol Receiver), ApiModels> _receiverCache = new(MethodReceiverComparer.Instance);

    /// <summary>Indexes <paramref name="set"/>, keeping only sources of the threat models in <paramref name="threatModels"/>.</summary>
    public ModelCatalog(ModelSet set, IEnumerable<string> threatModels)
    {
        var models = threatModels.ToImmutableHashSet(StringComparer.Ordinal);
        _threatModels = models;
        _set = set with { Sources = [.. set.Sources.Where(s => models.Contains(s.ThreatModel))] };
        _sources = _set.Sources.Where(s => s.Output.Root != AccessPathRoot.Parameter).ToLookup(s => s.Api.Name, StringComparer.Ordinal);
        ParameterSources = [.. _set.Sources.Where(s => s.Output.Root == AccessPathRoot.Parameter)];
        _sinks = _set.Sinks.ToLookup(s => s.Api.Name, StringComparer.Ordinal);
        _summaries = _set.Summaries.ToLookup(s => s.Api.Name, StringComparer.Ordinal);
        _barriers = _set.Barriers.ToLookup(s => s.Api.Name, StringComparer.Ordinal);
        _guards = _set.BarrierGuards.ToLookup(s => s.Api.Name, StringComparer.Ordinal);
        _neutrals = _set.Neutrals.ToLookup(s => s.Api.Name, StringComparer.Ordinal);
        Kinds = new SinkKindSet(_set.Sinks.Select(s => s.Kind).Concat(_set.Barriers.Select(b => b.Kind)).Concat(_set.BarrierGuards.Select(g => g.Kind)));
    }

    /// <summary>Whether sources of <paramref name="threatModel"/> are enabled for this scan.</summary>
    public bool AllowsThreatModel(string threatModel) => _threatModels.Contains(threatModel);

    /// <summary>The numbered sink kinds.</summary>
    public SinkKindSet Kinds { get; }

    /// <summary>Rejected rows.</summary>
    public ImmutableArray<ModelError> Errors => _set.Errors;

    /// <summary>Sources whose output is <c>Parameter</c>: parameters of framework entry points (controller actions).</summary>
    public ImmutableArray<SourceModel> ParameterSources { get; }

    /// <summary>The rows that apply to <paramref name="method"/>.</summary>
    public ApiModels For(IMethodSymbol method) => _cache.GetOrAdd(method, static (m, self) => self.Compute(m, m.ContainingType), this);

    /// <summary>
    /// The rows that apply to <paramref name="method"/> called on a receiver of static type
    /// <paramref name="receiver"/>: an inherited method (<c>TextEncoder.Encode</c> called on an
    /// <c>HtmlEncoder</c>) matches rows written for the receiver's type.
    /// </summary>
    public ApiModels For(IMethodSymbol method, ITypeSymbol? receiver)
    {
        if (receiver is not INamedTypeSymbol named || method.IsStatic || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, method.ContainingType.OriginalDefinition))
        {
            return For(method);
        }

        return _receiverCache.GetOrAdd((method, named), static (key, self) =>
        {
            var own = self.For(key.Method);
            return own.IsEmpty ? self.Compute(key.Method, (INamedTypeSymbol)key.Receiver) : own;
        }, this);
    }

    /// <summary>Whether <paramref name="type"/> is (or, with the API's subtypes flag, derives from or implements) the API's type.</summary>
    public static bool TypeMatches(ITypeSymbol? type, ApiReference api)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = api.Subtypes ? t.BaseType : null)
        {
            if (IsType(t, api))
            {
                return true;
            }
        }

        return api.Subtypes && type is not null && type.AllInterfaces.Any(i => IsType(i, api));
    }

    private ApiModels Compute(IMethodSymbol method, INamedTypeSymbol declaringType)
    {
        var m = (method.ReducedFrom ?? method).OriginalDefinition;
        var names = m.MethodKind == MethodKind.Constructor ? new[] { ".ctor", m.ContainingType.Name, "" } : new[] { m.Name, "" };
        var type = declaringType.OriginalDefinition;
        var neutral = names.SelectMany(n => _neutrals[n]).Any(r => r.Kind == "summary" && Matches(m, type, r.Api));
        var result = new ApiModels
        {
            Sources = [.. names.SelectMany(n => _sources[n]).Where(r => Matches(m, type, r.Api))],
            Sinks = [.. names.SelectMany(n => _sinks[n]).Where(r => Matches(m, type, r.Api))],
            Summaries = [.. names.SelectMany(n => _summaries[n]).Where(r => Matches(m, type, r.Api) && !(neutral && r.Provenance != "manual"))],
            Barriers = [.. names.SelectMany(n => _barriers[n]).Where(r => Matches(m, type, r.Api))],
            Guards = [.. names.SelectMany(n => _guards[n]).Where(r => Matches(m, type, r.Api))],
            IsNeutral = neutral,
        };
        return result.IsEmpty ? ApiModels.None : result;
    }

    private static bool Matches(IMethodSymbol method, INamedTypeSymbol type, ApiReference api)
    {
        if (api.Signature.Length > 0 && api.Signature != Signature(method))
        {
            return false;
        }

        if (IsType(type, api))
        {
            return true;
        }

        if (!api.Subtypes)
        {
            return false;
        }

        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (IsType(t, api))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(i => IsType(i, api));
    }

    private sealed class MethodReceiverComparer : IEqualityComparer<(IMethodSymbol Method, ITypeSymbol Receiver)>
    {
        public static readonly MethodReceiverComparer Instance = new();

        public bool Equals((IMethodSymbol Method, ITypeSymbol Receiver) x, (IMethodSymbol Method, ITypeSymbol Receiver) y) =>
            SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && SymbolEqualityComparer.Default.Equals(x.Receiver, y.Receiver);

        public int GetHashCode((IMethodSymbol Method, ITypeSymbol Receiver) obj) =>
            HashCode.Combine(SymbolEqualityComparer.Default.GetHashCode(obj.Method), SymbolEqualityComparer.Default.GetHashCode(obj.Receiver));
    }

    private static bool IsType(INamedTypeSymbol type, ApiReference api)
    {
        var name = type.ContainingType is { } outer ? outer.Name + "+" + type.Name : type.Name;
        if (!string.Equals(name, api.Type, StringComparison.Ordinal) && !string.Equals(type.Name, api.Type, StringComparison.Ordinal))
        {
            return false;
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(NamespaceFormat) : "";
        return string.Equals(ns, api.Namespace, StringComparison.Ordinal);
    }

    private static string Signature(IMethodSymbol method) =>
        "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SignatureFormat))) + ")";
}
