using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The abstract state at one program point: the value of every tracked entity (locals, parameters,
/// flow captures, <c>this</c>, the exception in flight). An entity missing from the state has not
/// been assigned on any path that reaches the point.
/// </summary>
internal sealed class TaintState
{
    /// <summary>The key of the receiver.</summary>
    public static readonly object This = new EntityName("this");

    /// <summary>The key of the exception being thrown on the way to a catch clause.</summary>
    public static readonly object Thrown = new EntityName("thrown");

    private readonly Dictionary<object, TaintValue> _values;

    /// <summary>An empty state.</summary>
    public TaintState() => _values = new Dictionary<object, TaintValue>(EntityComparer.Instance);

    private TaintState(Dictionary<object, TaintValue> values) => _values = new Dictionary<object, TaintValue>(values, EntityComparer.Instance);

    /// <summary>The entities and their values.</summary>
    public IReadOnlyDictionary<object, TaintValue> Values => _values;

    /// <summary>The value of <paramref name="entity"/> (bottom when unassigned).</summary>
    public TaintValue Get(object entity) => _values.TryGetValue(entity, out var value) ? value : TaintValue.Bottom;

    /// <summary>Sets <paramref name="entity"/> (strong update).</summary>
    public void Set(object entity, TaintValue value) => _values[entity] = value;

    /// <summary>A copy.</summary>
    public TaintState Clone() => new(_values);

    /// <summary>A copy carried along <paramref name="edge"/> into a join block: the allocation sites every value holds record the edge.</summary>
    public TaintState CloneThrough(JoinEdge edge)
    {
        var copy = new TaintState(_values);
        foreach (var (key, value) in _values)
        {
            var moved = value.Through(edge);
            if (!ReferenceEquals(moved, value))
            {
                copy._values[key] = moved;
            }
        }

        return copy;
    }

    /// <summary>
    /// Joins <paramref name="other"/> into this state, as carried along <paramref name="edge"/> when
    /// one is given (see <see cref="CloneThrough"/>; the carried copy is not built first); returns
    /// whether anything changed.
    /// </summary>
    public bool MergeFrom(TaintState other, JoinEdge? edge)
    {
        var changed = false;
        foreach (var (key, incoming) in other._values)
        {
            var value = edge is { } through ? incoming.Through(through) : incoming;
            if (_values.TryGetValue(key, out var mine))
            {
                var merged = TaintValue.Merge(mine, value);
                if (!merged.SameAs(mine))
                {
                    _values[key] = merged;
                    changed = true;
                }
            }
            else
            {
                _values[key] = value;
                changed = true;
            }
        }

        return changed;
    }

    private sealed record EntityName(string Name);

    private sealed class EntityComparer : IEqualityComparer<object>
    {
        public static readonly EntityComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol s ? SymbolEqualityComparer.Default.GetHashCode(s) : obj.GetHashCode();
    }
}
