using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Weak hashing and ciphers (CWE-327/328): MD5 anywhere; SHA-1 for passwords, signatures and key
/// derivation; DES, Triple DES and RC2; ECB mode.
/// </summary>
internal sealed class WeakCryptoCheck : IMisuseCheck
{
    private static readonly HashSet<string> Md5Types = new(StringComparer.Ordinal) { "MD5", "MD5CryptoServiceProvider", "MD5Cng", "HMACMD5" };
    private static readonly HashSet<string> Sha1Types = new(StringComparer.Ordinal) { "SHA1", "SHA1CryptoServiceProvider", "SHA1Managed", "SHA1Cng" };
    private static readonly HashSet<string> WeakCipherTypes = new(StringComparer.Ordinal)
        { "DES", "DESCryptoServiceProvider", "TripleDES", "TripleDESCryptoServiceProvider", "TripleDESCng", "RC2", "RC2CryptoServiceProvider" };

    private static readonly HashSet<string> Triggers = new(StringComparer.Ordinal) { "ECB", "EncryptEcb", "DecryptEcb", "Create", "CreateFromName", "HashPasswordForStoringInConfigFile" };

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.WeakHash, MisuseRules.WeakCipher];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.FieldReference, OperationKind.PropertyReference];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken) && (Md5Types.Contains(token.ValueText) || Sha1Types.Contains(token.ValueText) || WeakCipherTypes.Contains(token.ValueText) || Triggers.Contains(token.ValueText));

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } call when IsCrypto(method.ContainingType):
                Algorithm(method.ContainingType.Name, call, call.Arguments, context);
                if (method.Name is "Create" or "CreateFromName" && call.Arguments.Length > 0 && MisuseContext.ConstantString(call.Arguments[0].Value) is { } name)
                {
                    Algorithm(NameToType(name), call, call.Arguments, context);
                }

                break;
            case IInvocationOperation { TargetMethod.Name: "HashPasswordForStoringInConfigFile" } legacy when legacy.Arguments.Length > 1
                && MisuseContext.ConstantString(legacy.Arguments[1].Value)?.ToUpperInvariant() is "MD5" or "SHA1":
                context.Report(MisuseRules.WeakHash, legacy, "A password is hashed with a fast, broken algorithm (FormsAuthentication).", Severity.High);
                break;
            case IInvocationOperation { TargetMethod.Name: "EncryptEcb" or "DecryptEcb" } ecb:
                context.Report(MisuseRules.WeakCipher, ecb, "Data is encrypted in ECB mode, which leaks patterns of the plaintext.");
                break;
            case IObjectCreationOperation { Type: INamedTypeSymbol type } creation when IsCrypto(type):
                Algorithm(type.Name, creation, creation.Arguments, context);
                break;
            case IFieldReferenceOperation { Field: { Name: "ECB", ContainingType.Name: "CipherMode" } } ecbMode:
                context.Report(MisuseRules.WeakCipher, ecbMode, "The cipher is set to ECB mode, which leaks patterns of the plaintext.");
                break;
            case IPropertyReferenceOperation { Property: { Name: "MD5" or "SHA1", ContainingType.Name: "HashAlgorithmName" } } hashName
                when hashName.Parent is IArgumentOperation { Parent: { } consumer } && IsSignatureOrKdf(consumer):
                context.Report(MisuseRules.WeakHash, hashName, $"{hashName.Property.Name} is used for a signature or key derivation.", Severity.High);
                break;
        }
    }

    private static void Algorithm(string typeName, IOperation at, IEnumerable<IArgumentOperation> arguments, MisuseContext context)
    {
        var password = arguments.Any(a => MentionsPassword(a.Value)) || context.ContainingMember(at) is { } member && SensitiveNames.IsPassword(member.Name);
        if (Md5Types.Contains(typeName))
        {
            context.Report(MisuseRules.WeakHash, at, password ? "A password is hashed with MD5, which is broken and fast to brute-force." : "MD5 is broken; use SHA-256 or better.",
                password ? Severity.High : null);
        }
        else if (Sha1Types.Contains(typeName) && password)
        {
            context.Report(MisuseRules.WeakHash, at, "A password is hashed with SHA-1, which is fast to brute-force.", Severity.High);
        }
        else if (WeakCipherTypes.Contains(typeName))
        {
            context.Report(MisuseRules.WeakCipher, at, $"{typeName} is a broken or deprecated cipher; use AES-GCM.");
        }
    }

    private static bool MentionsPassword(IOperation value) =>
        value.DescendantsAndSelf().Any(o => MisuseContext.NameOf(o) is { } name && SensitiveNames.IsPassword(name));

    private static bool IsSignatureOrKdf(IOperation consumer) => consumer switch
    {
        IInvocationOperation call => call.TargetMethod.Name.StartsWith("Sign", StringComparison.Ordinal) || call.TargetMethod.Name.StartsWith("Verify", StringComparison.Ordinal) || call.TargetMethod.Name == "Pbkdf2",
        IObjectCreationOperation creation => creation.Type?.Name == "Rfc2898DeriveBytes",
        _ => false,
    };

    private static bool IsCrypto(INamedTypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography" || type?.TypeKind == TypeKind.Error;

    private static string NameToType(string name) => name.ToUpperInvariant() switch
    {
        "MD5" or "SYSTEM.SECURITY.CRYPTOGRAPHY.MD5" => "MD5",
        "SHA1" or "SHA" or "SYSTEM.SECURITY.CRYPTOGRAPHY.SHA1" => "SHA1",
        "DES" => "DES",
        "3DES" or "TRIPLEDES" or "TRIPLE DES" => "TripleDES",
        "RC2" => "RC2",
        _ => name,
    };
}
