namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Where a tainted value's taint comes from: a concrete <see cref="TaintSource"/>, or — inside a
/// method summary — a parameter (with an access path such as <c>.data</c> or <c>.[]</c>) whose
/// taint the caller supplies. Carries the kinds it has been sanitised for and the path so far.
/// Identity ignores the path: the first path found is kept, unless a later one is less sanitised.
/// </summary>
internal sealed class TaintOrigin
{
    private TaintOrigin(TaintSource? source, int parameter, string path, ulong sanitized, TaintTrace? trace)
    {
        Source = source;
        Parameter = parameter;
        Path = path;
        Sanitized = sanitized;
        Trace = trace;
    }

    /// <summary>The concrete source, or null for a parameter origin.</summary>
    public TaintSource? Source { get; }

    /// <summary>For a parameter origin: the parameter's ordinal, or -1 for <c>this</c>.</summary>
    public int Parameter { get; }

    /// <summary>For a parameter origin: the access path below the parameter (empty for the parameter itself).</summary>
    public string Path { get; }

    /// <summary>Bit mask of sink kinds this taint has been sanitised for.</summary>
    public ulong Sanitized { get; }

    /// <summary>The path from the origin to here (for a parameter origin: from the method's entry).</summary>
    public TaintTrace? Trace { get; }

    /// <summary>Whether this is a concrete source.</summary>
    public bool IsSource => Source is not null;

    /// <summary>A concrete source with its first step.</summary>
    public static TaintOrigin FromSource(TaintSource source, TaintTrace trace) => new(source, 0, "", 0, trace);

    /// <summary>A parameter origin (a summary's placeholder for the caller's value).</summary>
    public static TaintOrigin FromParameter(int parameter, string path) => new(null, parameter, path, 0, null);

    /// <summary>Whether both are the same origin, regardless of sanitisation and path.</summary>
    public bool SameIdentity(TaintOrigin other) =>
        ReferenceEquals(this, other)
        || (Source is null ? other.Source is null && Parameter == other.Parameter && Path == other.Path : other.Source is not null && Source.SameAs(other.Source));

    /// <summary>
    /// A total order on identities, for keeping a capped list the same whatever order its origins came
    /// in: the caller's placeholders first (by parameter and path), then sources by file, position and kind.
    /// </summary>
    public static int CompareForCap(TaintOrigin a, TaintOrigin b)
    {
        if (a.Source is null || b.Source is null)
        {
            return a.Source is null && b.Source is null
                ? a.Parameter != b.Parameter ? a.Parameter.CompareTo(b.Parameter) : string.CompareOrdinal(a.Path, b.Path)
                : a.Source is null ? -1 : 1;
        }

        var (x, y) = (a.Source, b.Source);
        var order = string.CompareOrdinal(x.Location.SourceTree?.FilePath, y.Location.SourceTree?.FilePath);
        order = order != 0 ? order : x.Location.SourceSpan.Start.CompareTo(y.Location.SourceSpan.Start);
        order = order != 0 ? order : string.CompareOrdinal(x.Label, y.Label);
        order = order != 0 ? order : string.CompareOrdinal(x.ThreatModel, y.ThreatModel);
        return order != 0 ? order : Nullable.Compare(x.KnownRange?.Low, y.KnownRange?.Low) is var low and not 0 ? low : Nullable.Compare(x.KnownRange?.High, y.KnownRange?.High);
    }

    /// <summary>Whether both are the same origin with the same sanitisation.</summary>
    public bool SameState(TaintOrigin other) => SameIdentity(other) && Sanitized == other.Sanitized;

    /// <summary>This origin, also sanitised for <paramref name="mask"/>.</summary>
    public TaintOrigin WithSanitized(ulong mask) => (Sanitized | mask) == Sanitized ? this : new(Source, Parameter, Path, Sanitized | mask, Trace);

    /// <summary>This origin with exactly <paramref name="mask"/> as its sanitisation.</summary>
    public TaintOrigin WithExactSanitized(ulong mask) => mask == Sanitized ? this : new(Source, Parameter, Path, mask, Trace);

    /// <summary>This origin with another path.</summary>
    public TaintOrigin WithTrace(TaintTrace? trace) => new(Source, Parameter, Path, Sanitized, trace);

    /// <summary>This origin with a step appended to its path.</summary>
    public TaintOrigin Append(TaintStep step) =>
        new(Source, Parameter, Path, Sanitized, Trace is null ? TaintTrace.Start(step) : Trace.Append(step));

    /// <inheritdoc />
    public override string ToString() => Source is { } s ? $"{s.Label}@{s.Location.GetLineSpan().StartLinePosition.Line + 1}" : $"param{Parameter}{Path}";
}
