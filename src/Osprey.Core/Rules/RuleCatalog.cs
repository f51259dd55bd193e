using System.Collections.Immutable;

namespace Osprey.Core.Rules;

/// <summary>The rules of every registered engine, looked up by id. Later registrations of the same id are ignored.</summary>
public sealed class RuleCatalog
{
    private readonly ImmutableSortedDictionary<string, Rule> _rules;

    /// <summary>Builds a catalog from <paramref name="rules"/>.</summary>
    public RuleCatalog(IEnumerable<Rule> rules)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, Rule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            builder.TryAdd(rule.Id, rule);
        }

        _rules = builder.ToImmutable();
    }

    /// <summary>All rules, ordered by id.</summary>
    public IEnumerable<Rule> All => _rules.Values;

    /// <summary>The number of rules.</summary>
    public int Count => _rules.Count;

    /// <summary>Finds a rule by id.</summary>
    public bool TryGet(string id, out Rule rule) => _rules.TryGetValue(id, out rule!);
}
