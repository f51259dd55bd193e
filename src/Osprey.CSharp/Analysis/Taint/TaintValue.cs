using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The abstract value of one expression or variable: its taint origins, the values of its fields
/// and elements (an access-path tree of bounded depth; elements are the field <c>[]</c>), a known
/// constant, the concrete types it may have been allocated as (for dispatch), the delegates it may
/// hold, and — for a parameter inside a summary — the symbolic root it stands for. Immutable;
/// <see cref="Bottom"/> is shared.
/// </summary>
internal sealed partial class TaintValue
{
    /// <summary>The element pseudo-field of arrays and collections.</summary>
    public const string Element = "[]";

    /// <summary>The deepest access path kept; deeper writes fold into the ancestor's own taint.</summary>
    public const int MaxDepth = 3;

    /// <summary>The most origins one value keeps.</summary>
    public const int MaxOrigins = 24;

    private static readonly ImmutableDictionary<string, TaintValue> NoFields = ImmutableDictionary<string, TaintValue>.Empty.WithComparers(StringComparer.Ordinal);

    // Access paths are few and read over and over: split each once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> PathParts = new(StringComparer.Ordinal);
    private static int s_pathPartsAdded;

    /// <summary>No taint, no knowledge.</summary>
    public static TaintValue Bottom { get; } = new([], NoFields, null, false, [], [], null);

    private TaintValue(
        ImmutableArray<TaintOrigin> origins,
        ImmutableDictionary<string, TaintValue> fields,
        object? constant,
        bool hasConstant,
        ImmutableArray<INamedTypeSymbol> types,
        ImmutableArray<object> delegates,
        SymbolicRoot? root,
        ImmutableArray<AllocationSite> sites = default)
    {
        Sites = sites.IsDefault ? [] : sites;
        Origins = origins;
        Fields = fields;
        Constant = constant;
        HasConstant = hasConstant;
        Types = types;
        Delegates = delegates;
        Root = root;
    }

    /// <summary>Where this value's own taint comes from.</summary>
    public ImmutableArray<TaintOrigin> Origins { get; }

    /// <summary>Values of fields, properties and elements (<see cref="Element"/>).</summary>
    public ImmutableDictionary<string, TaintValue> Fields { get; }

    /// <summary>The constant, when <see cref="HasConstant"/>.</summary>
    public object? Constant { get; }

    /// <summary>Whether the value is a known constant.</summary>
    public bool HasConstant { get; }

    /// <summary>Concrete types the value may be an instance of; empty when unknown.</summary>
    public ImmutableArray<INamedTypeSymbol> Types { get; }

    /// <summary>
    /// Allocation sites (the creating operations) of the objects the value may be: two variables
    /// sharing a site may be the same object, so a field written through one is seen through the other.
    /// </summary>
    public ImmutableArray<AllocationSite> Sites { get; }

    /// <summary>The most allocation sites one value keeps.</summary>
    public const int MaxSites = 8;

    /// <summary>Delegate targets: method symbols or anonymous-function operations.</summary>
    public ImmutableArray<object> Delegates { get; }

    /// <summary>For a value that stands for a caller's parameter: which parameter and path.</summary>
    public SymbolicRoot? Root { get; }

    /// <summary>Whether the value itself carries taint.</summary>
    public bool IsTainted => !Origins.IsEmpty;

    /// <summary>Whether nothing is known about the value.</summary>
    public bool IsBottom => ReferenceEquals(this, Bottom) || ReferenceEquals(this, Unknown) || (Origins.IsEmpty && Fields.IsEmpty && !HasConstant && Types.IsEmpty && Delegates.IsEmpty && Root is null && Sites.IsEmpty);


    /// <summary>An evaluated value about which nothing is known: no taint and no constant. Unlike <see cref="Bottom"/> it is not the identity of <see cref="Merge"/> for constants.</summary>
    public static TaintValue Unknown { get; } = new([], NoFields, null, false, [], [], null);

    /// <summary>A constant.</summary>
    public static TaintValue OfConstant(object? constant) => new([], NoFields, constant, true, [], [], null);

    /// <summary>A value with <paramref name="origins"/> as its taint.</summary>
    public static TaintValue OfOrigins(ImmutableArray<TaintOrigin> origins) => origins.IsEmpty ? Bottom : new(origins, NoFields, null, false, [], [], null);

    /// <summary>A value carrying one origin.</summary>
    public static TaintValue OfOrigin(TaintOrigin origin) => new([origin], NoFields, null, false, [], [], null);

    /// <summary>A new object of <paramref name="type"/>.</summary>
    public static TaintValue OfAllocation(INamedTypeSymbol type, object? site = null) => new([], NoFields, null, false, [type], [], null, site is null ? [] : [AllocationSite.Unguarded(site)]);

    /// <summary>A delegate to <paramref name="target"/>.</summary>
    public static TaintValue OfDelegate(object target) => new([], NoFields, null, false, [], [target], null);

    /// <summary>The value a parameter has at a method's entry: its own placeholder origin and root.</summary>
    public static TaintValue OfParameter(int parameter) =>
        new([TaintOrigin.FromParameter(parameter, "")], NoFields, null, false, [], [], new SymbolicRoot(parameter, ""));

    /// <summary>The value a static field has at a method's entry when the method has not written it: a placeholder bound at each call.</summary>
    public static TaintValue OfStatic(string key) =>
        new([TaintOrigin.FromParameter(StaticParameter, key)], NoFields, null, false, [], [], new SymbolicRoot(StaticParameter, key));

    /// <summary>The pseudo-parameter ordinal of static-field placeholders.</summary>
    public const int StaticParameter = -2;

    /// <summary>This value with other origins.</summary>
    public TaintValue WithOrigins(ImmutableArray<TaintOrigin> origins) => new(origins, Fields, Constant, HasConstant, Types, Delegates, Root, Sites);

    /// <summary>This value without its constant.</summary>
    public TaintValue WithoutConstant() => HasConstant ? new(Origins, Fields, null, false, Types, Delegates, Root, Sites) : this;

    /// <summary>This value with allocation types.</summary>
    public TaintValue WithTypes(ImmutableArray<INamedTypeSymbol> types) => new(Origins, Fields, Constant, HasConstant, types, Delegates, Root, Sites);

    /// <summary>This value with <paramref name="field"/> replaced by <paramref name="value"/> (strong update).</summary>
    public TaintValue WithField(string field, TaintValue value, int depth = 0)
    {
        if (depth >= MaxDepth)
        {
            return WithOrigins(MergeOrigins(Origins, value.AllOrigins()));
        }

        return new(Origins, Fields.SetItem(field, value.Truncate(depth + 1)), Constant, HasConstant, Types, Delegates, Root, Sites);
    }

    /// <summary>This value (itself at <paramref name="depth"/> in its variable's tree) with <paramref name="value"/> merged into <paramref name="field"/> (weak update, for elements).</summary>
    public TaintValue WithFieldMerged(string field, TaintValue value, int depth = 0) =>
        WithField(field, Fields.TryGetValue(field, out var old) ? Merge(old, value) : value, depth);

    /// <summary>
    /// Reads <paramref name="field"/>: its stored value plus this value's own concrete taint (a
    /// tainted object's parts are tainted), and — for a parameter placeholder — the placeholder of
    /// the deeper path.
    /// </summary>
    public TaintValue Read(string field)
    {
        Fields.TryGetValue(field, out var stored);
        var own = Root is { } root ? WithoutPlaceholder(Origins, root) : Origins;
        var result = stored ?? Bottom;
        if (!own.IsEmpty)
        {
            result = result.WithOrigins(MergeOrigins(result.Origins, own));
        }

        if (Root is { } r && stored is null && Depth(r.Path) < MaxDepth)
        {
            var path = r.Path + "." + field;
            result = new(MergeOrigins(result.Origins, [TaintOrigin.FromParameter(r.Parameter, path)]), result.Fields, null, false, [], [], new SymbolicRoot(r.Parameter, path));
        }

        return result;
    }

    /// <summary>This value with every field's origins sanitised for <paramref name="mask"/> too.</summary>
    public TaintValue WithFieldsSanitized(ulong mask)
    {
        if (Fields.IsEmpty)
        {
            return this;
        }

        var fields = Fields;
        foreach (var (name, value) in Fields)
        {
            fields = fields.SetItem(name, value.WithOrigins([.. value.Origins.Select(o => o.WithSanitized(mask))]).WithFieldsSanitized(mask));
        }

        return new(Origins, fields, Constant, HasConstant, Types, Delegates, Root, Sites);
    }

    /// <summary>Reads a dotted access path (as recorded in parameter origins), e.g. <c>.data.[]</c>.</summary>
    public TaintValue ReadPath(string path)
    {
        var value = this;
        foreach (var part in PartsOf(path))
        {
            value = value.Read(part);
        }

        return value;
    }

    /// <summary>Every origin in the value and its fields (what a sink sees when it gets the whole object).</summary>
    public ImmutableArray<TaintOrigin> AllOrigins()
    {
        if (Fields.IsEmpty)
        {
            return Origins;
        }

        var result = Origins;
        foreach (var (_, field) in Fields)
        {
            result = MergeOrigins(result, field.AllOrigins());
        }

        return result;
    }

    private TaintValue Truncate(int depth)
    {
        if (Fields.IsEmpty || depth < MaxDepth)
        {
            return this;
        }

        return new(AllOrigins(), NoFields, Constant, HasConstant, Types, Delegates, Root, Sites);
    }

    private static int Depth(string path) => path.AsSpan().Count('.');

    private static string[] PartsOf(string path)
    {
        if (PathParts.TryGetValue(path, out var parts))
        {
            return parts;
        }

        // Bounded, so that a long-running server scanning project after project does not keep every path it saw.
        if (Interlocked.Increment(ref s_pathPartsAdded) % 65536 == 0)
        {
            PathParts.Clear();
        }

        parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        PathParts.TryAdd(path, parts);
        return parts;
    }

    // The value's own origins less the placeholder of its root (which a field read replaces by the deeper one); no copy when it is absent.
    private static ImmutableArray<TaintOrigin> WithoutPlaceholder(ImmutableArray<TaintOrigin> origins, SymbolicRoot root)
    {
        foreach (var origin in origins)
        {
            if (root.IsPlaceholder(origin))
            {
                var builder = ImmutableArray.CreateBuilder<TaintOrigin>(origins.Length - 1);
                foreach (var other in origins)
                {
                    if (!root.IsPlaceholder(other))
                    {
                        builder.Add(other);
                    }
                }

                return builder.ToImmutable();
            }
        }

        return origins;
    }
}

/// <summary>The caller value a summary's placeholder stands for: parameter ordinal (-1 for <c>this</c>) and access path.</summary>
internal sealed record SymbolicRoot(int Parameter, string Path)
{
    /// <summary>Whether <paramref name="origin"/> is this root's own placeholder (not a source, same parameter and path).</summary>
    public bool IsPlaceholder(TaintOrigin origin) => !origin.IsSource && origin.Parameter == Parameter && origin.Path == Path;
}
