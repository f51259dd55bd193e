using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Replaces the sink call with a call to the Osprey recorder, which captures the receiver and
/// arguments and does not perform the dangerous action: <c>Process.Start(x)</c> becomes
/// <c>__Osprey.Sink&lt;Process&gt;("command-injection", "System.Diagnostics.Process.Start", null, new object[] { x }, false)</c>.
/// A property assignment (<c>cmd.CommandText = q</c>) records and then assigns, so the program goes on.
/// </summary>
internal sealed class SinkRewrite
{
    private readonly string _kind;
    private readonly string _api;
    private readonly string? _resultType;
    private readonly bool _receiverIsThis;
    private readonly bool _hasReceiver;

    private SinkRewrite(SyntaxNode target, string kind, string api, string? resultType, bool hasReceiver, bool receiverIsThis)
    {
        Target = target;
        _kind = kind;
        _api = api;
        _resultType = resultType;
        _hasReceiver = hasReceiver;
        _receiverIsThis = receiverIsThis;
    }

    /// <summary>The sink node in the original tree.</summary>
    public SyntaxNode Target { get; }

    /// <summary>The API the sink would have called.</summary>
    public string Api => _api;

    /// <summary>The member that contains the sink.</summary>
    public ISymbol? Member { get; private init; }

    /// <summary>The sink's number in a shared harness (the recorder records only the active one); -1 in a harness of one finding.</summary>
    public int Site { get; private init; } = -1;

    /// <summary>This rewrite with <paramref name="site"/> as its number in a shared harness.</summary>
    public SinkRewrite WithSite(int site) => new(Target, _kind, _api, _resultType, _hasReceiver, _receiverIsThis) { Member = Member, Site = site };

    public static SinkRewrite? Create(SyntaxNode sink, SemanticModel model, string kind, out string? problem)
    {
        problem = null;
        var member = SourceRewrite.EnclosingMember(sink, model);
        switch (sink)
        {
            case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method:
            {
                if (method.ReturnsByRef || method.ReturnsByRefReadonly)
                {
                    problem = $"the sink {method.Name} returns by reference";
                    return null;
                }

                var resultType = method.ReturnsVoid ? null : TypeName(model.GetTypeInfo(invocation).Type ?? method.ReturnType);
                var explicitReceiver = invocation.Expression is MemberAccessExpressionSyntax access
                    && model.GetSymbolInfo(access.Expression).Symbol is not INamedTypeSymbol and not INamespaceSymbol;
                var hasReceiver = explicitReceiver || (!method.IsStatic && method.MethodKind != MethodKind.LocalFunction);
                return new SinkRewrite(sink, kind, ApiName(method), resultType, hasReceiver, !explicitReceiver && hasReceiver) { Member = member };
            }

            case BaseObjectCreationExpressionSyntax creation when model.GetSymbolInfo(creation).Symbol is IMethodSymbol constructor:
                return new SinkRewrite(sink, kind, ApiName(constructor), TypeName(model.GetTypeInfo(creation).Type ?? constructor.ContainingType), false, false) { Member = member };

            case AssignmentExpressionSyntax assignment when model.GetSymbolInfo(assignment.Left).Symbol is IPropertySymbol property:
                return new SinkRewrite(sink, kind, ApiName(property), TypeName(property.Type), assignment.Left is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax, false) { Member = member };
        }

        problem = "the sink call could not be bound to a method or property";
        return null;
    }

    /// <summary>Builds the replacement from the node as already rewritten inside (the source may sit in its arguments).</summary>
    public SyntaxNode Rewrite(SyntaxNode rewritten)
    {
        switch (rewritten)
        {
            case InvocationExpressionSyntax invocation:
            {
                var receiver = _receiverIsThis ? ThisExpression()
                    : _hasReceiver && invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression
                    : Null();
                var values = invocation.ArgumentList.Arguments
                    .Where(a => a.RefKindKeyword.IsKind(SyntaxKind.None) || a.RefKindKeyword.IsKind(SyntaxKind.InKeyword))
                    .Select(a => a.Expression);
                return Record(receiver, values, passThrough: false).WithTriviaFrom(rewritten);
            }

            case BaseObjectCreationExpressionSyntax creation:
            {
                var values = (creation.ArgumentList?.Arguments.Select(a => a.Expression) ?? [])
                    .Concat(creation.Initializer?.Expressions.Select(e => e is AssignmentExpressionSyntax a ? a.Right : e) ?? []);
                return Record(Null(), values, passThrough: false).WithTriviaFrom(rewritten);
            }

            case AssignmentExpressionSyntax assignment:
            {
                var (receiver, keys) = assignment.Left switch
                {
                    MemberAccessExpressionSyntax access => (access.Expression, Enumerable.Empty<ExpressionSyntax>()),
                    ElementAccessExpressionSyntax element => (element.Expression, element.ArgumentList.Arguments.Select(a => a.Expression)),
                    _ => (Null(), Enumerable.Empty<ExpressionSyntax>()),
                };
                if (assignment.IsKind(SyntaxKind.AddAssignmentExpression))
                {
                    // `cmd.CommandText += x` records the text the property ends up with.
                    var sum = BinaryExpression(SyntaxKind.AddExpression, ParenthesizedExpression(assignment.Left.WithoutTrivia()), ParenthesizedExpression(assignment.Right.WithoutTrivia()));
                    return AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, assignment.Left, Record(receiver, keys.Append(sum), passThrough: true)).WithTriviaFrom(assignment);
                }

                return assignment.WithRight(Record(receiver, keys.Append(assignment.Right), passThrough: true));
            }

            default:
                return rewritten;
        }
    }

    private ExpressionSyntax Record(ExpressionSyntax receiver, IEnumerable<ExpressionSyntax> values, bool passThrough)
    {
        var array = ArrayCreationExpression(
            ArrayType(PredefinedType(Token(SyntaxKind.ObjectKeyword)), SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
            InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(values.Select(v => (ExpressionSyntax)CastExpression(PredefinedType(Token(SyntaxKind.ObjectKeyword)), ParenthesizedExpression(v.WithoutTrivia()))))));
        var arguments = new List<ArgumentSyntax>
        {
            Argument(Literal(_kind)),
            Argument(Literal(_api)),
            Argument(CastExpression(PredefinedType(Token(SyntaxKind.ObjectKeyword)), ParenthesizedExpression(receiver.WithoutTrivia()))),
            Argument(array),
        };
        var provider = ParseExpression("global::__Osprey");
        var site = Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(Site)));
        if (_resultType is null)
        {
            if (Site >= 0)
            {
                arguments.Add(site);
            }

            return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, provider, IdentifierName("SinkVoid")), ArgumentList(SeparatedList(arguments)));
        }

        arguments.Add(Argument(LiteralExpression(passThrough ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression)));
        if (Site >= 0)
        {
            arguments.Add(site);
        }

        var sink = GenericName(Identifier("Sink"), TypeArgumentList(SingletonSeparatedList(ParseTypeName(_resultType))));
        return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, provider, sink), ArgumentList(SeparatedList(arguments)));
    }

    private static ExpressionSyntax Null() => LiteralExpression(SyntaxKind.NullLiteralExpression);

    private static LiteralExpressionSyntax Literal(string text) => LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private static string TypeName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static string ApiName(ISymbol symbol) =>
        symbol.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + symbol.Name;
}
