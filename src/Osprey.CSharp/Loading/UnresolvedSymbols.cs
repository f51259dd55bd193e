using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Loading;

/// <summary>
/// Counts the distinct type and namespace names a compilation could not resolve (CS0246, CS0234,
/// CS0012, CS0400): the measure of how much of the code the analysis sees only by name.
/// </summary>
internal static class UnresolvedSymbols
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal) { "CS0246", "CS0234", "CS0012", "CS0400", "CS0518" };

    /// <summary>
    /// The distinct unresolved names. Declarations (usings, signatures, base types) are always
    /// checked; method bodies only when <paramref name="includeBodies"/> is set, since that binds everything.
    /// </summary>
    public static IReadOnlyCollection<string> Find(Compilation compilation, bool includeBodies, CancellationToken cancellationToken)
    {
        var diagnostics = includeBodies
            ? compilation.GetDiagnostics(cancellationToken)
            : compilation.GetDeclarationDiagnostics(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (Codes.Contains(diagnostic.Id))
            {
                names.Add(QuotedName(diagnostic) ?? diagnostic.Id);
            }
        }

        return names;
    }

    private static string? QuotedName(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message[(start + 1)..end] : null;
    }
}
