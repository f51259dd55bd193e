using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Library calls whose danger depends on how an object was configured rather than on the method
/// alone: <c>XmlReader.Create</c> with settings that parse DTDs or resolve external entities,
/// <c>XmlDocument.Load</c>/<c>LoadXml</c> on a document given an <c>XmlResolver</c> (its default
/// on .NET Core and since .NET Framework 4.5.2 is none), and <c>JavaScriptSerializer</c> built
/// with a type resolver. And one barrier that depends on an
/// argument's value: <c>string.Replace</c> of a line break neutralises log injection.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>Checks the XML or JSON text of a call made with unsafe parser settings as an XXE or unsafe-deserialization sink.</summary>
    private void CheckParserSettings(CallSite site)
    {
        var method = site.Method;
        var type = method.ContainingType;
        if (method.Name == "Create" && type is { Name: "XmlReader", ContainingNamespace: { Name: "Xml", ContainingNamespace.Name: "System" } } && site.Arguments.Length >= 2)
        {
            var settings = method.Parameters.FirstOrDefault(p => p.Type.Name == "XmlReaderSettings");
            if (settings is not null && site.ArgumentOperations[settings.Ordinal] is { } operation && Creation(operation) is { } creation && ResolvesEntities(creation))
            {
                CheckSink(site.Arguments[0], "xxe", site.Operation.Syntax.GetLocation(), $"reached `{TaintSession.ShortName(method)}` with DTD processing enabled (xxe)");
            }
        }
        else if (method.Name is "Load" or "LoadXml" && type is { Name: "XmlDocument", ContainingNamespace: { Name: "Xml", ContainingNamespace.Name: "System" } }
            && site.Instance is { } document && site.Arguments.Length == 1 && HasResolver(document))
        {
            CheckSink(site.Arguments[0], "xxe", site.Operation.Syntax.GetLocation(), $"reached `{TaintSession.ShortName(method)}` on a document with an XmlResolver (xxe)");
        }
        else if (method.Name is "Deserialize" or "DeserializeObject" && type is { Name: "JavaScriptSerializer" } && site.Instance is { } instance
            && Creation(instance) is { Arguments.Length: > 0 } serializer && serializer.Arguments.Any(a => a.Parameter?.Type.Name == "JavaScriptTypeResolver" && Unwrap(a.Value) is not ILiteralOperation))
        {
            CheckSink(site.Arguments[0], "unsafe-deserialization", site.Operation.Syntax.GetLocation(), $"reached `{TaintSession.ShortName(method)}` with a type resolver (unsafe-deserialization)");
        }
    }

    /// <summary><c>text.Replace("\n", …)</c> or <c>Replace('\r', …)</c>: the result can no longer forge log lines.</summary>
    private TaintValue LineBreakBarrier(CallSite site, TaintValue result)
    {
        if (site.Method is not { Name: "Replace", ContainingType.SpecialType: SpecialType.System_String } || site.ArgumentOperations.Length == 0 || result.IsBottom)
        {
            return result;
        }

        var removed = Unwrap(site.ArgumentOperations[0])?.ConstantValue;
        var isLineBreak = removed is { HasValue: true, Value: string s } ? s.Contains('\n', StringComparison.Ordinal) || s.Contains('\r', StringComparison.Ordinal)
            : removed is { HasValue: true, Value: char c } && c is '\n' or '\r';
        return isLineBreak ? Sanitize(result, _session.Catalog.Kinds.MaskOf("log-injection")) : result;
    }

    /// <summary>The object creation an operand denotes: itself, or the initializer of the local or field it reads.</summary>
    private IObjectCreationOperation? Creation(IOperation operand, int depth = 0)
    {
        switch (Unwrap(operand))
        {
            case IObjectCreationOperation creation:
                return creation;
            case IFieldReferenceOperation field when depth < 3:
                return InitializerOf(field.Field) is { } initializer ? Creation(initializer, depth + 1) : null;
            case ILocalReferenceOperation local when depth < 3:
                var declarator = _graph.OriginalOperation.DescendantsAndSelf().OfType<IVariableDeclaratorOperation>()
                    .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local));
                return declarator?.Initializer?.Value is { } value ? Creation(value, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>Whether the document was created with, or is assigned in this method, a non-null <c>XmlResolver</c>.</summary>
    private bool HasResolver(IOperation document)
    {
        if (Creation(document) is { } creation && IsResolverSet(creation.Initializer?.Initializers ?? []))
        {
            return true;
        }

        return LocalOf(document) is { } local && _graph.OriginalOperation.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>().Any(a =>
            a.Target is IPropertyReferenceOperation { Property.Name: "XmlResolver", Instance: { } instance }
            && SymbolEqualityComparer.Default.Equals(LocalOf(instance), local)
            && Unwrap(a.Value) is not (null or ILiteralOperation));
    }

    private static bool IsResolverSet(IEnumerable<IOperation> initializers) =>
        initializers.OfType<ISimpleAssignmentOperation>().Any(a => a.Target is IPropertyReferenceOperation { Property.Name: "XmlResolver" } && Unwrap(a.Value) is not (null or ILiteralOperation));

    private static bool ResolvesEntities(IObjectCreationOperation settings) =>
        settings.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Any(a => a.Target switch
        {
            IPropertyReferenceOperation { Property.Name: "DtdProcessing" } => Unwrap(a.Value) is IFieldReferenceOperation { Field.Name: "Parse" }
                || a.Value.ConstantValue is { HasValue: true, Value: 2 },
            IPropertyReferenceOperation { Property.Name: "XmlResolver" } => Unwrap(a.Value) is not (null or ILiteralOperation),
            _ => false,
        }) == true;
}
