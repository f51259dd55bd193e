using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Hard-coded credentials (CWE-798/259/321): a non-empty string constant stored in or passed as
/// something named like a password or key, a connection string with a literal password, and
/// constant bytes used as a cryptographic key.
/// </summary>
internal sealed partial class HardcodedCredentialCheck : IMisuseCheck
{
    private static readonly HashSet<string> KeyParameters = new(StringComparer.OrdinalIgnoreCase) { "key", "rgbKey", "keyBytes", "secretKey", "secret", "password", "keyMaterial" };

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.HardcodedCredentials];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } =
        [OperationKind.SimpleAssignment, OperationKind.VariableDeclarator, OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.Argument, OperationKind.Literal];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => SensitiveNames.IsCredential(token.ValueText) || token.ValueText is "Key" or "NetworkCredential" or "CreateEncryptor" or "CreateDecryptor" or "ConnectionString" || token.ValueText.EndsWith("SecurityKey", StringComparison.Ordinal) || token.ValueText.StartsWith("HMAC", StringComparison.Ordinal),
        SyntaxKind.StringLiteralToken => ConnectionStringPassword().IsMatch(token.ValueText) || token.ValueText.Contains("password=", StringComparison.OrdinalIgnoreCase)
            || token.ValueText.Contains("pwd=", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        if (CredentialSinks.Of(operation) is { } sink)
        {
            FromLiteral(sink, context);
        }

        switch (operation)
        {
            case ISimpleAssignmentOperation assignment when MisuseContext.NameOf(assignment.Target) is { } name:
                CheckStore(name, assignment.Value, context);
                if (name == "Key" && assignment.Target is IPropertyReferenceOperation { Property.ContainingType: var type } && CredentialSinks.IsCrypto(type) && IsConstantBytes(assignment.Value))
                {
                    context.Report(MisuseRules.HardcodedCredentials, assignment.Value, $"The key of {type.Name} is a constant in the code.");
                }

                break;
            case IVariableDeclaratorOperation { Initializer.Value: var value } declarator:
                CheckStore(declarator.Symbol.Name, value, context);
                break;
            case IFieldInitializerOperation field:
                foreach (var symbol in field.InitializedFields)
                {
                    CheckStore(symbol.Name, field.Value, context);
                }

                break;
            case IPropertyInitializerOperation property:
                foreach (var symbol in property.InitializedProperties)
                {
                    CheckStore(symbol.Name, property.Value, context);
                }

                break;
            case IArgumentOperation { Parameter: { } parameter } argument:
                if (SensitiveNames.IsCredential(parameter.Name) && NonEmpty(argument.Value) is { })
                {
                    context.Report(MisuseRules.HardcodedCredentials, argument.Value, $"A literal is passed as '{parameter.Name}' of {parameter.ContainingSymbol.ContainingType?.Name}.{parameter.ContainingSymbol.Name}.");
                }
                else if (KeyParameters.Contains(parameter.Name) && CredentialSinks.IsCrypto(parameter.ContainingSymbol.ContainingType) && IsConstantBytes(argument.Value))
                {
                    context.Report(MisuseRules.HardcodedCredentials, argument.Value, $"A constant key is passed to {parameter.ContainingSymbol.ContainingType?.Name}.");
                }

                break;
            case ILiteralOperation literal when MisuseContext.ConstantString(literal) is { } text && ConnectionStringPassword().IsMatch(text) && !IsInAttribute(literal):
                context.Report(MisuseRules.HardcodedCredentials, literal, "A connection string with a literal password is written in the code.", confidence: Confidence.Medium);
                break;
        }
    }

    /// <summary>A secret a library uses that was written in the code somewhere the value comes from (another method, a field, a collection).</summary>
    private static void FromLiteral(CredentialSink sink, MisuseContext context)
    {
        if (sink.Value.ConstantValue.HasValue)
        {
            return;
        }

        foreach (var origin in context.Origins.Of(sink.Value))
        {
            if (origin.Kind == OriginKind.Literal && !IsInAttribute(origin.Operation))
            {
                var line = origin.Operation.Syntax.GetLocation().GetLineSpan();
                context.Report(MisuseRules.HardcodedCredentials, sink.Value,
                    $"{char.ToUpperInvariant(sink.Use[0])}{sink.Use[1..]} is a {(sink.IsKey ? "key" : "password")} written in the code ({Path.GetFileName(line.Path)} line {line.StartLinePosition.Line + 1}).");
                return;
            }
        }
    }

    private static void CheckStore(string name, IOperation value, MisuseContext context)
    {
        if (SensitiveNames.IsCredential(name) && NonEmpty(value) is { } text && !text.Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            context.Report(MisuseRules.HardcodedCredentials, value, $"'{name}' is set to a literal in the code.");
        }
    }

    private static string? NonEmpty(IOperation value) =>
        MisuseContext.ConstantString(value) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool IsInAttribute(IOperation operation) =>
        operation.Syntax.Ancestors().Any(a => a.IsKind(SyntaxKind.Attribute));

    /// <summary>Bytes fixed at compile time: an array of constants, or the encoding of a string constant.</summary>
    internal static bool IsConstantBytes(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } init } => init.ElementValues.All(e => e.ConstantValue.HasValue),
            IInvocationOperation { TargetMethod.Name: "GetBytes" or "FromBase64String" or "FromHexString" } call =>
                call.Arguments.Length > 0 && MisuseContext.ConstantString(call.Arguments[0].Value) is { Length: > 0 },
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="text"/> is a connection string with a password in it.</summary>
    internal static bool HasLiteralPassword(string text) => ConnectionStringPassword().IsMatch(text);

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:password|pwd)\s*=\s*[^;\s'""{]+")]
    private static partial Regex ConnectionStringPassword();
}
