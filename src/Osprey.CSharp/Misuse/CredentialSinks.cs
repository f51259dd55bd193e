using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Misuse;

/// <summary>A value a library uses as a secret: the password of a credential or connection, or a cipher key.</summary>
/// <param name="Value">The operation whose value is the secret.</param>
/// <param name="Use">What the library does with it, for messages ("the password of NetworkCredential").</param>
/// <param name="IsKey">Whether it is a cryptographic key rather than a password.</param>
internal readonly record struct CredentialSink(IOperation Value, string Use, bool IsKey);

/// <summary>
/// Finds the places where a library takes a secret: a parameter or property named like a password
/// of a library type (<c>NetworkCredential</c>, <c>PasswordDeriveBytes</c>, <c>SqlConnectionStringBuilder.Password</c>),
/// the part of a connection string after <c>Password=</c>, and the key of a cipher.
/// </summary>
internal static partial class CredentialSinks
{
    private static readonly HashSet<string> KeyParameters = new(StringComparer.OrdinalIgnoreCase) { "key", "rgbKey", "keyBytes", "secretKey", "keyMaterial" };

    /// <summary>The sink <paramref name="operation"/> (an argument or an assignment) is, if any.</summary>
    public static CredentialSink? Of(IOperation operation)
    {
        switch (operation)
        {
            case IArgumentOperation { Parameter: { } parameter, Value: var value } when !IsSource(parameter.ContainingSymbol):
                var owner = parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor ? ctor.ContainingType.Name
                    : $"{parameter.ContainingSymbol.ContainingType?.Name}.{parameter.ContainingSymbol.Name}";
                if (parameter.Name.Equals("connectionString", StringComparison.OrdinalIgnoreCase))
                {
                    return PasswordPart(value) is { } part ? new CredentialSink(part, $"the password in the connection string of {owner}", false) : null;
                }

                if (KeyParameters.Contains(parameter.Name) && IsCrypto(parameter.ContainingSymbol.ContainingType))
                {
                    return new CredentialSink(value, $"the key of {owner}", true);
                }

                return SensitiveNames.IsCredential(parameter.Name) && IsText(parameter.Type)
                    ? new CredentialSink(value, $"'{parameter.Name}' of {owner}", false)
                    : null;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property }, Value: var assigned } when !IsSource(property):
                if (property.Name == "ConnectionString")
                {
                    return PasswordPart(assigned) is { } part ? new CredentialSink(part, $"the password in {property.ContainingType.Name}.ConnectionString", false) : null;
                }

                if (property.Name == "Key" && IsCrypto(property.ContainingType))
                {
                    return new CredentialSink(assigned, $"the key of {property.ContainingType.Name}", true);
                }

                return SensitiveNames.IsCredential(property.Name) && IsText(property.Type)
                    ? new CredentialSink(assigned, $"{property.ContainingType.Name}.{property.Name}", false)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The operand that follows <c>Password=</c> (or <c>Pwd=</c>) in a connection string built by
    /// concatenation or interpolation; null when the password is not a separate operand.
    /// </summary>
    private static IOperation? PasswordPart(IOperation value)
    {
        var parts = new List<IOperation>();
        Flatten(value, parts);
        for (var i = 1; i < parts.Count; i++)
        {
            if (MisuseContext.ConstantString(parts[i - 1]) is { } text && PasswordKey().IsMatch(text) && !parts[i].ConstantValue.HasValue)
            {
                return parts[i];
            }
        }

        return null;
    }

    private static void Flatten(IOperation value, List<IOperation> parts)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                Flatten(conversion.Operand, parts);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when !binary.ConstantValue.HasValue:
                Flatten(binary.LeftOperand, parts);
                Flatten(binary.RightOperand, parts);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    parts.Add(part switch
                    {
                        IInterpolatedStringTextOperation text => text.Text,
                        IInterpolationOperation hole => hole.Expression,
                        _ => part,
                    });
                }

                break;
            default:
                parts.Add(value);
                break;
        }
    }

    private static bool IsText(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || type.Name is "SecureString" or "ReadOnlySpan" || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_Char };

    private static bool IsSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

    /// <summary>Whether <paramref name="type"/> is a cryptography type (System.Security.Cryptography, IdentityModel keys).</summary>
    public static bool IsCrypto(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var ns = current.ContainingNamespace?.ToDisplayString() ?? "";
            if (ns.StartsWith("System.Security.Cryptography", StringComparison.Ordinal) || ns.StartsWith("Microsoft.IdentityModel.Tokens", StringComparison.Ordinal)
                || current.Name.EndsWith("SecurityKey", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:password|pwd)\s*=\s*$")]
    private static partial Regex PasswordKey();
}
