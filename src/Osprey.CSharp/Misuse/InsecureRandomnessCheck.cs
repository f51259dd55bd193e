using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Weak randomness for security (CWE-338): a value from <see cref="System.Random"/> that flows
/// into something named like a token, password, key, salt, nonce or one-time code — a variable,
/// field, property, parameter, or the return value of a member so named. Random values used for
/// anything else (shuffling, sampling, jitter) are not reported.
/// </summary>
internal sealed class InsecureRandomnessCheck : IMisuseCheck
{
    private static readonly HashSet<string> RandomMethods = new(StringComparer.Ordinal)
        { "Next", "NextBytes", "NextDouble", "NextInt64", "NextSingle", "GetItems", "Shuffle" };

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.InsecureRandomness];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.Invocation];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) => token.IsKind(SyntaxKind.IdentifierToken) && (token.ValueText == "Random" || RandomMethods.Contains(token.ValueText));

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        if (operation is not IInvocationOperation { TargetMethod: { IsStatic: false } method } call
            || !RandomMethods.Contains(method.Name)
            || !IsSystemRandom(method.ContainingType))
        {
            return;
        }

        // NextBytes(buffer) fills its argument: the buffer is the random value.
        var start = method.Name == "NextBytes" && call.Arguments.Length == 1 ? call.Arguments[0].Value : call;
        if (MisuseContext.NameOf(start) is { } bufferName && SensitiveNames.NeedsUnpredictability(bufferName))
        {
            Report(call, bufferName, context);
            return;
        }

        IEnumerable<IOperation> uses = ValueFlow.Uses(start);
        if (start is ILocalReferenceOperation buffer)
        {
            uses = ValueFlow.Root(call).Descendants().OfType<ILocalReferenceOperation>()
                .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, buffer.Local) && r != buffer)
                .SelectMany(r => ValueFlow.Uses(r));
        }

        foreach (var use in uses)
        {
            var destination = use switch
            {
                ISimpleAssignmentOperation assignment => MisuseContext.NameOf(assignment.Target),
                IVariableDeclaratorOperation declarator => declarator.Symbol.Name,
                IArgumentOperation { Parameter: { } parameter } => parameter.Name,
                IReturnOperation => context.ContainingMember(use)?.Name,
                _ => null,
            };
            if (destination is not null && SensitiveNames.NeedsUnpredictability(destination))
            {
                Report(call, destination, context);
                return;
            }
        }
    }

    private static void Report(IOperation call, string destination, MisuseContext context) =>
        context.Report(MisuseRules.InsecureRandomness, call, $"A value from System.Random, which is predictable, is used for '{destination}'. Use RandomNumberGenerator.");

    private static bool IsSystemRandom(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Random" && current.ContainingNamespace?.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }
}
