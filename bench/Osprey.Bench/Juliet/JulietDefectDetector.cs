using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.Bench.Juliet;

/// <summary>
/// Finds Juliet's generator defects: "good source, bad sink" code (<c>GoodG2B*</c>) that is the
/// bad code token for token. A G2B path is only good because its source is safe; when every
/// G2B method of a case is the same as its <c>Bad*</c> counterpart (same tokens once the role
/// prefix is taken out of the names), the good path reads the same attacker source as the bad one
/// and reaches the same sink, so it is as exploitable as the bad path.
/// </summary>
/// <remarks>
/// Juliet C# 1.3 ships such cases in flow variant 75 of the <c>sources-sinks</c> templates
/// (those with both GoodG2B and GoodB2G): <c>GoodG2B</c> in the <c>_75a</c> file reads the bad
/// source instead of a hard-coded string. The check compares code, not file names, so any other
/// variant with the same mistake is found too.
/// </remarks>
internal static class JulietDefectDetector
{
    private const string Role = "ROLE";

    /// <summary>
    /// The line regions, per file, of the G2B methods of a case that are identical to its bad
    /// methods; empty when the case has none or its G2B code differs from the bad code.
    /// </summary>
    /// <param name="trees">The syntax trees of the case's files, keyed by path.</param>
    public static ImmutableDictionary<string, ImmutableArray<LineRegion>> Find(IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        var bad = new Dictionary<string, string>(StringComparer.Ordinal);
        var g2b = new List<(string Group, string Key, string Text, string File, LineRegion Region)>();
        foreach (var (file, tree) in trees)
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var type = method.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? "";
                var methodRole = RoleOf(method.Identifier.ValueText);
                var typeRole = RoleOfClass(type);
                var role = methodRole ?? typeRole;
                if (role is null)
                {
                    continue;
                }

                var key = Normalize(type) + "." + Normalize(method.Identifier.ValueText);
                var text = Tokens(method);
                if (role == "bad")
                {
                    bad[key] = text;
                }
                else
                {
                    var span = method.GetLocation().GetLineSpan();
                    g2b.Add((role, key, text, file, new LineRegion(RegionKind.Good, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1)));
                }
            }
        }

        var defects = new Dictionary<string, List<LineRegion>>(StringComparer.Ordinal);
        foreach (var group in g2b.GroupBy(m => m.Group))
        {
            if (group.All(m => bad.TryGetValue(m.Key, out var badText) && badText == m.Text))
            {
                foreach (var method in group)
                {
                    (defects.TryGetValue(method.File, out var list) ? list : defects[method.File] = []).Add(method.Region);
                }
            }
        }

        return defects.ToImmutableDictionary(d => d.Key, d => d.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary><c>bad</c> for <c>Bad*</c>, the G2B group (<c>g2b</c>, <c>g2b1</c>, …) for <c>GoodG2B*</c>, else null.</summary>
    private static string? RoleOf(string name) =>
        name.StartsWith("bad", StringComparison.OrdinalIgnoreCase) ? "bad"
        : name.StartsWith("goodG2B", StringComparison.OrdinalIgnoreCase) ? "g2b" + DigitsAfter(name, "goodG2B".Length)
        : null;

    /// <summary>The role of a variant-81 class (<c>…_bad</c>, <c>…_goodG2B</c>), else null.</summary>
    private static string? RoleOfClass(string name)
    {
        var suffix = name.LastIndexOf('_') is var i and >= 0 ? name[(i + 1)..] : "";
        return suffix == "bad" ? "bad" : suffix.StartsWith("goodG2B", StringComparison.Ordinal) ? "g2b" + DigitsAfter(suffix, "goodG2B".Length) : null;
    }

    private static string DigitsAfter(string name, int start) =>
        new([.. name.Skip(start).TakeWhile(char.IsAsciiDigit)]);

    /// <summary>An identifier with its role taken out: <c>BadSink</c> and <c>GoodG2BSink</c> both become <c>ROLESink</c>.</summary>
    private static string Normalize(string identifier)
    {
        foreach (var prefix in (string[])["goodG2B", "bad"])
        {
            if (identifier.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = identifier[prefix.Length..].TrimStart("0123456789".ToCharArray());
                return Role + rest;
            }
        }

        foreach (var suffix in (string[])["_goodG2B", "_bad"])
        {
            var at = identifier.LastIndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0 && identifier[(at + suffix.Length)..].All(char.IsAsciiDigit))
            {
                return identifier[..at] + "_" + Role;
            }
        }

        return identifier;
    }

    /// <summary>
    /// The tokens of the method's parameters and body (not its modifiers: <c>Bad</c> is a public
    /// override, <c>GoodG2B</c> a private method; no trivia, so comments and layout do not count),
    /// identifiers normalised.
    /// </summary>
    private static string Tokens(MethodDeclarationSyntax method)
    {
        var text = new StringBuilder();
        var parts = new SyntaxNode?[] { method.ParameterList, method.Body, method.ExpressionBody };
        foreach (var token in parts.OfType<SyntaxNode>().SelectMany(p => p.DescendantTokens()))
        {
            text.Append(token.IsKind(SyntaxKind.IdentifierToken) ? Normalize(token.ValueText) : token.Text).Append(' ');
        }

        return text.ToString();
    }
}
