using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Everything the analysis of one compilation shares between methods: models, bodies and graphs,
/// the hierarchy, constant fields, computed summaries, taint stored in shared fields, and the
/// findings. Scoped to one compilation of one scan; nothing here is process-wide.
/// </summary>
internal sealed class TaintSession
{
    private static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly SymbolDisplayFormat ShortFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly ConditionalWeakTable<ISymbol, string> ShortNames = new();

    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, TaintValue> _sharedFields = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, string> _names = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ISymbol> _staticKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ISymbol, string> _staticKeyOf = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(string Name, int Parameter), string> _passDescriptions = new();
    private readonly ConcurrentDictionary<(string Name, string Kind), string> _sinkDescriptions = new();
    private readonly Lock _fieldGate = new();
    private int _sharedFieldVersion;

    /// <summary>
    /// Creates the session for <paramref name="compilation"/>, binding through <paramref name="semanticModels"/>
    /// (the project's shared models) or, when null, through models of its own.
    /// </summary>
    public TaintSession(Compilation compilation, ModelCatalog catalog, int threads, CancellationToken cancellationToken, SemanticModelCache? semanticModels = null)
    {
        Compilation = compilation;
        Catalog = catalog;
        CancellationToken = cancellationToken;
        SemanticModels = semanticModels ?? new SemanticModelCache(compilation);
        ParallelOptions = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        Bodies = new MethodBodyIndex(compilation, SemanticModels, ParallelOptions);
        Dispatch = new DispatchIndex(Bodies);
        ConstantFields = new ConstantFieldIndex(compilation, SemanticModels, ParallelOptions);
        EntryPoint = compilation.GetEntryPoint(cancellationToken);
    }

    /// <summary>The compilation.</summary>
    public Compilation Compilation { get; }

    /// <summary>The models.</summary>
    public ModelCatalog Catalog { get; }

    /// <summary>One semantic model per tree, shared with the project's other analyzers.</summary>
    public SemanticModelCache SemanticModels { get; }

    /// <summary>How parallel the analysis may be.</summary>
    public ParallelOptions ParallelOptions { get; }

    /// <summary>Cancellation of the scan.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Method bodies and their graphs.</summary>
    public MethodBodyIndex Bodies { get; }

    /// <summary>Virtual and interface dispatch.</summary>
    public DispatchIndex Dispatch { get; }

    /// <summary>Fields with a known value everywhere.</summary>
    public ConstantFieldIndex ConstantFields { get; }

    /// <summary>The program's <c>Main</c>, if any; its arguments are a local source.</summary>
    public IMethodSymbol? EntryPoint { get; }

    /// <summary>The flows found.</summary>
    public TaintFindingCollector Findings { get; } = new();

    /// <summary>Bumped whenever taint in a shared field grows; the driver repeats its pass until it stops changing.</summary>
    public int SharedFieldVersion => Volatile.Read(ref _sharedFieldVersion);

    /// <summary>The summary of <paramref name="method"/> computed so far (empty before the first analysis).</summary>
    public MethodSummary SummaryOf(IMethodSymbol method) => _summaries.TryGetValue(method.OriginalDefinition, out var summary) ? summary : MethodSummary.Empty;

    /// <summary>Stores a summary; returns whether it differs from the previous one.</summary>
    public bool SetSummary(IMethodSymbol method, MethodSummary summary)
    {
        var key = method.OriginalDefinition;
        var changed = !_summaries.TryGetValue(key, out var old) || !old.SameAs(summary);
        _summaries[key] = summary;
        return changed;
    }

    /// <summary>The concrete taint stored in a static field or an instance field written through <c>this</c>.</summary>
    public TaintValue SharedField(ISymbol field) => _sharedFields.TryGetValue(field.OriginalDefinition, out var value) ? value : TaintValue.Bottom;

    /// <summary>Joins concrete taint into a shared field.</summary>
    public void WriteSharedField(ISymbol field, TaintValue value)
    {
        var concrete = value.WithoutConstant();
        if (!concrete.AllOrigins().Any(o => o.IsSource))
        {
            return;
        }

        lock (_fieldGate)
        {
            var key = field.OriginalDefinition;
            var old = SharedField(key);
            var merged = TaintValue.Merge(old, concrete.WithTypes([]));
            if (!merged.SameAs(old))
            {
                _sharedFields[key] = merged;
                Interlocked.Increment(ref _sharedFieldVersion);
            }
        }
    }

    /// <summary>The instance field or auto-property named <paramref name="name"/> of <paramref name="type"/> or a base type.</summary>
    public ISymbol? InstanceMember(INamedTypeSymbol? type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                if (!member.IsStatic && member is IFieldSymbol or IPropertySymbol)
                {
                    return member;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The key of a static field in placeholder origins (<c>#Namespace.Type.field</c>): a static field
    /// is an implicit parameter of every method, bound at each call to the caller's current value.
    /// </summary>
    public string StaticKey(ISymbol member)
    {
        // Asked for at every read of a static field and every placeholder bound at a call: the
        // display string is built once per field, and the lock-free lookup keeps the summary
        // threads from queueing on the key table.
        var definition = member.OriginalDefinition;
        if (_staticKeyOf.TryGetValue(definition, out var known))
        {
            return known;
        }

        var key = "#" + definition.ToDisplayString().Replace('.', '/');
        _staticKeys.TryAdd(key, definition);
        return _staticKeyOf.GetOrAdd(definition, key);
    }

    /// <summary>The static field a key names.</summary>
    public ISymbol? StaticSymbol(string key) => _staticKeys.TryGetValue(key, out var symbol) ? symbol : null;

    /// <summary>The report form of a member: <c>Namespace.Type.Method(ParamTypes)</c>.</summary>
    public string MemberName(ISymbol symbol) => _names.GetOrAdd(symbol, static s => s.ToDisplayString(MemberFormat));

    /// <summary>A short form for trace text: <c>Type.Method(ParamTypes)</c>.</summary>
    /// <remarks>
    /// Asked for at every library call and call site each time a method is analysed; the display
    /// string is built once per symbol. Weak keys: the names go with the compilation.
    /// </remarks>
    public static string ShortName(ISymbol symbol) => ShortNames.GetValue(symbol, static s => s.ToDisplayString(ShortFormat));

    /// <summary>
    /// The trace text of a value passing into (or, for <see cref="ReturnedFrom"/>, out of) the method named
    /// <paramref name="name"/>: made once per method and parameter, as every call of a summary repeats it.
    /// </summary>
    public string PassDescription(string name, int parameter) =>
        _passDescriptions.GetOrAdd((name, parameter), static key => key.Parameter switch
        {
            ReturnedFrom => $"{ReturnedFromText} `{key.Name}`",
            TaintValue.StaticParameter => $"read from a static field by `{key.Name}`",
            < 0 => $"receiver of `{key.Name}`",
            _ => $"{PassedToText} `{key.Name}` as argument {key.Parameter + 1}",
        });

    /// <summary>The trace text of a value reaching the modelled sink <paramref name="name"/> of <paramref name="kind"/>: made once, as every call site repeats it.</summary>
    public string SinkDescription(string name, string kind) =>
        _sinkDescriptions.GetOrAdd((name, kind), static key => $"reached `{key.Name}` ({key.Kind})");

    /// <summary>How the step of a value passed to a method begins (findings are told apart by the last such call).</summary>
    public const string PassedToText = "passed to";

    /// <summary>How the step of a value returned from a method begins (findings are told apart by the call of a source helper).</summary>
    public const string ReturnedFromText = "returned from";

    /// <summary>The pseudo-parameter of <see cref="PassDescription"/> for a returned value.</summary>
    public const int ReturnedFrom = int.MinValue;
}
