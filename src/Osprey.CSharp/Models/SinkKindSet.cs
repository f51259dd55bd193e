using System.Collections.Immutable;

namespace Osprey.CSharp.Models;

/// <summary>
/// Numbers the sink kinds of one catalog so that "sanitised for these kinds" is a bit mask. The
/// pseudo-kind <c>injection</c> in a barrier means every kind except the numeric ones (sizes,
/// indices, arithmetic) and resource injection, which a number does not make safe (a parsed port
/// is still the attacker's port). The pseudo-kind <c>number</c> is what a value known to be a
/// number (parsed, or of a numeric type) is safe for: the <c>injection</c> kinds less those where
/// the value itself is the setting, so any value the attacker picks controls it (a parsed number
/// as a connection string's <c>User ID</c> is still external control of that setting).
/// </summary>
internal sealed class SinkKindSet
{
    /// <summary>The barrier kind that stands for every string-injection kind.</summary>
    public const string Injection = "injection";

    /// <summary>The barrier kind that stands for every kind a number cannot exploit.</summary>
    public const string Number = "number";

    // Kinds where a number still controls the target: the "number" pseudo-kind does not clear them.
    private static readonly ImmutableHashSet<string> NumberControlledKinds = ["config-injection"];

    private static readonly ImmutableHashSet<string> NumericKinds = ["tainted-size", "tainted-index", "tainted-index-lower", "tainted-arithmetic", "integer-overflow", "integer-underflow", "loop-bound", "empty-array-index", "numeric-truncation", "numeric-truncation-lower", "divide-by-zero"];

    // Kinds that the "injection" pseudo-kind does not clear, beyond the numeric ones.
    private static readonly ImmutableHashSet<string> NumberSensitiveKinds = ["resource-injection"];

    /// <summary>The kinds the analysis checks on operators (arithmetic, indexing, loop conditions) rather than through models: always numbered.</summary>
    public static readonly ImmutableArray<string> OperatorKinds = ["integer-overflow", "integer-underflow", "tainted-index", "tainted-index-lower", "loop-bound", "tainted-size", "empty-array-index", "numeric-truncation", "numeric-truncation-lower", "divide-by-zero"];

    // A number checked against an upper bound can no longer make a size, a loop or a sum too
    // large; checked against a lower bound it can no longer make a difference too small.
    // An index must be bounded on both sides: tainted-index records the upper check, tainted-index-lower the lower one.
    private static readonly ImmutableHashSet<string> UpperBoundKinds = ["tainted-size", "loop-bound", "integer-overflow", "tainted-index", "numeric-truncation"];
    private static readonly ImmutableHashSet<string> LowerBoundKinds = ["integer-underflow", "tainted-index-lower", "numeric-truncation-lower"];

    /// <summary>
    /// Not a sink kind (kinds use bits 0–62): marks taint that went through an operation that makes
    /// a different value of it: a call into code without a model or an implementation. Input
    /// stays input through such a step; a number known on the path (a stored limit, a random draw's
    /// range) does not stay that number, so origins standing for one are dropped there.
    /// </summary>
    public const ulong ValueChangedMask = 1UL << 63;

    private readonly Dictionary<string, int> _bits = new(StringComparer.Ordinal);

    /// <summary>Numbers <paramref name="kinds"/>; at most 63 distinct kinds.</summary>
    public SinkKindSet(IEnumerable<string> kinds)
    {
        foreach (var kind in OperatorKinds.Concat(kinds.Where(k => k is not (Injection or Number)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Take(63))
        {
            _bits[kind] = _bits.Count;
        }

        InjectionMask = _bits.Where(p => !NumericKinds.Contains(p.Key) && !NumberSensitiveKinds.Contains(p.Key)).Aggregate(0UL, (m, p) => m | (1UL << p.Value));
        NumberMask = InjectionMask & ~_bits.Where(p => NumberControlledKinds.Contains(p.Key)).Aggregate(0UL, (m, p) => m | (1UL << p.Value));
        UpperBoundMask = _bits.Where(p => UpperBoundKinds.Contains(p.Key)).Aggregate(0UL, (m, p) => m | (1UL << p.Value));
        LowerBoundMask = _bits.Where(p => LowerBoundKinds.Contains(p.Key)).Aggregate(0UL, (m, p) => m | (1UL << p.Value));
    }

    /// <summary>The numeric kinds a value checked against an upper bound is safe for.</summary>
    public ulong UpperBoundMask { get; }

    /// <summary>The numeric kinds a value checked against a lower bound is safe for.</summary>
    public ulong LowerBoundMask { get; }

    /// <summary>The mask of every string-injection kind.</summary>
    public ulong InjectionMask { get; }

    /// <summary>The mask of the kinds a number cannot exploit: <see cref="InjectionMask"/> less the kinds a number still controls.</summary>
    public ulong NumberMask { get; }

    /// <summary>Sanitised for every kind except <paramref name="kinds"/>; never sets <see cref="ValueChangedMask"/>, which is no kind.</summary>
    public static ulong AllExcept(ulong kinds) => ~kinds & ~ValueChangedMask;

    /// <summary>The kinds, in bit order.</summary>
    public IEnumerable<string> Kinds => _bits.OrderBy(p => p.Value).Select(p => p.Key);

    /// <summary>The mask for <paramref name="kind"/> (<c>injection</c> gives <see cref="InjectionMask"/>, <c>number</c> <see cref="NumberMask"/>; unknown kinds give 0).</summary>
    public ulong MaskOf(string kind) =>
        kind == Injection ? InjectionMask : kind == Number ? NumberMask : _bits.TryGetValue(kind, out var bit) ? 1UL << bit : 0UL;
}
