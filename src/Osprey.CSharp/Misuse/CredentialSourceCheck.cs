using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Where a password a library logs in with comes from: read from a file without decryption
/// (CWE-256, or CWE-261 when it is only base64-decoded), or received over a plain network
/// connection without decryption (CWE-319).
/// </summary>
internal sealed class CredentialSourceCheck : IMisuseCheck
{
    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.UnprotectedCredentials, MisuseRules.CleartextSecretTransmission];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.Argument, OperationKind.SimpleAssignment];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => token.ValueText is "NetworkCredential" or "ConnectionString" || SensitiveNames.IsCredential(token.ValueText),
        SyntaxKind.StringLiteralToken => token.ValueText.Contains("password=", StringComparison.OrdinalIgnoreCase) || token.ValueText.Contains("pwd=", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        if (CredentialSinks.Of(operation) is not { IsKey: false } sink || sink.Value.ConstantValue.HasValue)
        {
            return;
        }

        foreach (var origin in context.Origins.Of(sink.Value))
        {
            if (origin.Kind != OriginKind.Input)
            {
                continue;
            }

            switch (InputChannels.Of(origin.Operation))
            {
                case InputChannel.File:
                    context.Report(MisuseRules.UnprotectedCredentials, sink.Value, origin.Decoded
                        ? $"{Capitalized(sink.Use)} is read from a file where it is only base64-encoded (CWE-261), not encrypted."
                        : $"{Capitalized(sink.Use)} is read from a file where it is kept in clear text (CWE-256).");
                    return;
                case InputChannel.Network:
                    context.Report(MisuseRules.CleartextSecretTransmission, sink.Value,
                        $"{Capitalized(sink.Use)} is received over an unencrypted network connection and used without decryption.");
                    return;
            }
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
