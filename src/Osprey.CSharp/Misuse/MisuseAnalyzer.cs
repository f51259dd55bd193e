using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Rules;
using Osprey.CSharp.Analysis;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Runs the API-misuse checks (hard-coded credentials, weak crypto, weak randomness, cookie flags,
/// cleartext transmission and storage, error details, programs found through the search path) over a compilation's operations in one pass.
/// A member is bound only when its tokens can interest some check, so large code bases with little
/// crypto or cookie code cost little beyond parsing.
/// </summary>
internal sealed class MisuseAnalyzer : ICompilationAnalyzer
{
    private readonly ImmutableArray<IMisuseCheck> _checks;
    // Per operation kind, the indexes of the checks that inspect it (bits of the trigger masks).
    private readonly ImmutableDictionary<OperationKind, ImmutableArray<int>> _byKind;
    private readonly ulong _allChecks;

    /// <summary>Creates the analyzer with every check.</summary>
    public MisuseAnalyzer()
        : this([new HardcodedCredentialCheck(), new WeakCryptoCheck(), new InsecureRandomnessCheck(), new CookieFlagsCheck(),
            new CleartextTransmissionCheck(), new CleartextStorageCheck(), new CredentialSourceCheck(), new SecretStorageCheck(), new ErrorDetailsExposureCheck(), new UntrustedSearchPathCheck(), new UntrustedLibraryPathCheck()])
    {
    }

    /// <summary>Creates the analyzer with the given checks.</summary>
    public MisuseAnalyzer(IEnumerable<IMisuseCheck> checks)
    {
        _checks = [.. checks];
        if (_checks.Length > 64)
        {
            throw new ArgumentException("The trigger masks hold at most 64 checks.", nameof(checks));
        }

        _allChecks = _checks.Length == 64 ? ulong.MaxValue : (1UL << _checks.Length) - 1;
        _byKind = _checks.SelectMany((c, i) => c.Kinds.Select(k => (Kind: k, Index: i)))
            .GroupBy(p => p.Kind)
            .ToImmutableDictionary(g => g.Key, g => g.Select(p => p.Index).ToImmutableArray());
        Rules = [.. _checks.SelectMany(c => c.Rules).DistinctBy(r => r.Id)];
    }

    /// <inheritdoc />
    public string Name => "misuse";

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; }

    /// <inheritdoc />
    public void Analyze(CSharpAnalysisContext context, CancellationToken cancellationToken)
    {
        var compilation = context.Project.Compilation;
        var reported = new ConcurrentDictionary<(string, string, int), byte>();
        var trees = compilation.SyntaxTrees.ToArray();
        var origins = new ValueOrigins(new ProgramIndex(context.SemanticModels, cancellationToken));
        Parallel.ForEach(trees, new ParallelOptions { MaxDegreeOfParallelism = context.Scan.Options.Threads, CancellationToken = cancellationToken }, tree =>
        {
            SemanticModel? model = null;
            MisuseContext? misuse = null;
            var identifierTriggers = new Dictionary<string, ulong>(StringComparer.Ordinal);
            foreach (var root in MemberRoots(tree.GetRoot(cancellationToken)))
            {
                // An initializer's or expression body's own name is part of what it means (a field named AdminPassword).
                var scope = root is EqualsValueClauseSyntax or ArrowExpressionClauseSyntax ? root.Parent! : root;
                var interested = InterestedChecks(scope, identifierTriggers);
                if (interested == 0)
                {
                    continue;
                }

                // The project's shared model: bodies the taint analysis bound are not bound again.
                model ??= context.SemanticModels.Get(tree);
                misuse ??= new MisuseContext(context, model, reported, origins);
                if (model.GetOperation(root is GlobalStatementSyntax global ? global.Statement : root, cancellationToken) is not { } operation)
                {
                    continue;
                }

                foreach (var op in operation.DescendantsAndSelf())
                {
                    if (_byKind.TryGetValue(op.Kind, out var checks))
                    {
                        foreach (var index in checks)
                        {
                            if ((interested & (1UL << index)) != 0)
                            {
                                _checks[index].Inspect(op, misuse);
                            }
                        }
                    }
                }
            }
        });
    }

    /// <summary>The checks a token of <paramref name="scope"/> triggers (bit i for check i), in one walk of its tokens; 0 when none does.</summary>
    private ulong InterestedChecks(SyntaxNode scope, Dictionary<string, ulong> identifierTriggers)
    {
        ulong found = 0;
        foreach (var token in scope.DescendantTokens())
        {
            // Identifiers are most tokens and repeat: their answer is looked up, not asked of every check again.
            found |= token.IsKind(SyntaxKind.IdentifierToken) ? IdentifierTriggers(token, identifierTriggers) : Triggers(token);
            if (found == _allChecks)
            {
                break;
            }
        }

        return found;
    }

    private ulong IdentifierTriggers(SyntaxToken token, Dictionary<string, ulong> known)
    {
        if (!known.TryGetValue(token.ValueText, out var mask))
        {
            known[token.ValueText] = mask = Triggers(token);
        }

        return mask;
    }

    private ulong Triggers(SyntaxToken token)
    {
        ulong mask = 0;
        for (var i = 0; i < _checks.Length; i++)
        {
            if (_checks[i].IsTrigger(token))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    /// <summary>The syntax nodes that have an operation tree of their own: member bodies, initializers, top-level statements.</summary>
    private static IEnumerable<SyntaxNode> MemberRoots(SyntaxNode root) =>
        root.DescendantNodes(n => !IsMemberRoot(n)).Where(IsMemberRoot);

    private static bool IsMemberRoot(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
        AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
        ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } } => true,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        GlobalStatementSyntax => true,
        _ => false,
    };
}
