using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Json.NET deserializes attacker-chosen types only when its settings say so: a
/// <c>JsonSerializerSettings</c> (or <c>JsonSerializer</c>) whose <c>TypeNameHandling</c> is not
/// <c>None</c>. The settings are found where the argument comes from: an object creation with an
/// initializer, or the initializer of the field or local it names, and assignments to its
/// <c>TypeNameHandling</c> in the same method.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>For <c>JsonConvert.DeserializeObject(text, …, settings)</c> with unsafe settings, checks the text as an unsafe-deserialization sink.</summary>
    private void CheckJsonTypeNameHandling(CallSite site)
    {
        var method = site.Method;
        if (method.Name != "DeserializeObject" || method.ContainingType is not { Name: "JsonConvert", ContainingNamespace: { Name: "Json", ContainingNamespace.Name: "Newtonsoft" } } || site.Arguments.Length < 2)
        {
            return;
        }

        for (var i = 1; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Type.Name == "JsonSerializerSettings" && site.ArgumentOperations[i] is { } settings && AllowsTypeNames(settings))
            {
                CheckSink(site.Arguments[0], "unsafe-deserialization", site.Operation.Syntax.GetLocation(),
                    $"reached `{TaintSession.ShortName(method)}` with TypeNameHandling enabled (unsafe-deserialization)");
                return;
            }
        }
    }

    private bool AllowsTypeNames(IOperation settings, int depth = 0)
    {
        settings = Unwrap(settings)!;
        switch (settings)
        {
            case IObjectCreationOperation creation:
                return creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                    .Any(a => a.Target is IPropertyReferenceOperation { Property.Name: "TypeNameHandling" } && IsUnsafeHandling(a.Value)) == true;
            case IFieldReferenceOperation field when depth < 3:
                return InitializerOf(field.Field) is { } initializer && AllowsTypeNames(initializer, depth + 1);
            case ILocalReferenceOperation local when depth < 3:
                return _graph.OriginalOperation.DescendantsAndSelf().Any(o => o switch
                {
                    IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) =>
                        declarator.Initializer?.Value is { } value && AllowsTypeNames(value, depth + 1),
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "TypeNameHandling", Instance: ILocalReferenceOperation target } } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => IsUnsafeHandling(assignment.Value),
                    _ => false,
                });
            default:
                return false;
        }
    }

    private IOperation? InitializerOf(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } && _session.Compilation.ContainsSyntaxTree(value.SyntaxTree))
            {
                return _session.Compilation.GetSemanticModel(value.SyntaxTree).GetOperation(value);
            }
        }

        return null;
    }

    private static bool IsUnsafeHandling(IOperation value) =>
        Unwrap(value) is IFieldReferenceOperation { Field: { Name: not "None", ContainingType.Name: "TypeNameHandling" } }
        || (value.ConstantValue is { HasValue: true, Value: int handling } && handling != 0);
}
