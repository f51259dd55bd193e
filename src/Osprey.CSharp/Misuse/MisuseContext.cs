using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;
using Osprey.Core.Rules;
using Osprey.CSharp.Analysis;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp.Misuse;

/// <summary>What a misuse check sees while one tree is inspected, and how it reports.</summary>
internal sealed class MisuseContext(CSharpAnalysisContext analysis, SemanticModel model, ConcurrentDictionary<(string, string, int), byte> reported, ValueOrigins origins)
{
    /// <summary>Follows values backwards across the program (shared by the trees of one compilation).</summary>
    public ValueOrigins Origins { get; } = origins;

    /// <summary>The semantic model of the tree being inspected.</summary>
    public SemanticModel Model { get; } = model;

    /// <summary>The member (method, accessor, property) containing <paramref name="operation"/>, lambdas skipped.</summary>
    public ISymbol? ContainingMember(IOperation operation)
    {
        var symbol = Model.GetEnclosingSymbol(operation.Syntax.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : symbol;
    }

    /// <summary>Reports <paramref name="rule"/> at <paramref name="at"/>; a second report of the same rule at the same place is dropped.</summary>
    public void Report(Rule rule, IOperation at, string message, Severity? severity = null, Confidence confidence = Confidence.High)
    {
        var location = at.Syntax.GetLocation();
        if (!reported.TryAdd((rule.Id, location.SourceTree?.FilePath ?? "", location.SourceSpan.Start), 0))
        {
            return;
        }

        var member = ContainingMember(at);
        var method = Model.GetEnclosingSymbol(at.Syntax.SpanStart) as IMethodSymbol;
        while (method is { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && method.ContainingSymbol is IMethodSymbol outer)
        {
            method = outer;
        }

        var entryPoint = method is null ? null : analysis.EntryPoints.Find(method);
        analysis.Report(new Finding
        {
            RuleId = rule.Id,
            Cwes = rule.Cwes,
            Title = rule.ShortDescription,
            Message = message,
            Severity = severity ?? rule.DefaultSeverity,
            Confidence = confidence,
            Location = analysis.ToLocation(location, member?.ToDisplayString(EntryPointFinder.MemberFormat)),
            EntryPoint = entryPoint,
            SinkKind = rule.Id["cs/".Length..],
        });
    }

    /// <summary>The name of the variable, field, property or parameter an operation refers to, or null.</summary>
    public static string? NameOf(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        IConversionOperation conversion => NameOf(conversion.Operand),
        _ => null,
    };

    /// <summary>The field or property an operation refers to, or null.</summary>
    public static ISymbol? MemberOf(IOperation? operation) => operation switch
    {
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        IConversionOperation conversion => MemberOf(conversion.Operand),
        _ => null,
    };

    /// <summary>The string constant of <paramref name="operation"/> (literal, constant field, constant expression), or null.</summary>
    public static string? ConstantString(IOperation? operation) =>
        operation is not null && operation.ConstantValue.HasValue ? operation.ConstantValue.Value as string : null;
}
