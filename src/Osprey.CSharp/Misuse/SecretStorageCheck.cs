using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// The contents of a <c>SecureString</c> — the type .NET has for secrets — written out in clear:
/// to a file (CWE-313), the registry (CWE-314), a cookie (CWE-315), or a plain network connection
/// (CWE-319); and those contents or a connection string with a literal password written to a log or
/// the console (CWE-532/535). What went into the <c>SecureString</c> decides whether it is a secret:
/// data read from outside or a password-named <c>SecureString</c> is; a constant or a hash is not.
/// </summary>
internal sealed class SecretStorageCheck : IMisuseCheck
{
    private static readonly HashSet<string> Triggers = new(StringComparer.Ordinal)
    {
        "SecureString", "SetValue", "WriteAllText", "AppendAllText", "WriteAllLines", "AppendAllLines", "WriteAllBytes", "HttpCookie", "Cookies", "AppendCookie",
        "Write", "WriteLine", "Send", "SendAsync", "WriteAsync", "WriteLineAsync",
    };

    /// <summary>Log method names that make a member worth binding (the literal-password trigger covers the connection string).</summary>
    private static readonly HashSet<string> LogTriggers = new(StringComparer.Ordinal) { "Log", "LogError", "LogWarning", "LogInformation", "Warn", "Error", "Info", "Debug", "Fatal" };

    private const int ShortWalk = 120;

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.CleartextStorage, MisuseRules.CleartextSecretTransmission, MisuseRules.SecretInOutput];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.Argument, OperationKind.SimpleAssignment];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) => token.IsKind(SyntaxKind.IdentifierToken) && (Triggers.Contains(token.ValueText) || LogTriggers.Contains(token.ValueText));

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        var (value, place) = operation switch
        {
            IArgumentOperation argument => (argument.Value, Place(argument)),
            ISimpleAssignmentOperation assignment when SinkCategories.AssignmentSink(assignment) == "cookie" => (assignment.Value, "cookie"),
            _ => (operation, null),
        };
        // Log and console calls are everywhere: their walk is kept short, and skipped in a program
        // that names nothing secure and has no literal password to carry.
        if (place is null || !MayHoldSecrets(context.Origins.Program) || SecretIn(value, context, place is "log" or "console" ? ShortWalk : 600) is not { } secret)
        {
            return;
        }

        if (place is "log" or "console")
        {
            context.Report(MisuseRules.SecretInOutput, value, $"{Capitalized(secret)} is written to the {place} ({(place == "log" ? "CWE-532" : "CWE-535")}).");
            return;
        }

        if (place == "network")
        {
            context.Report(MisuseRules.CleartextSecretTransmission, value, $"{Capitalized(secret)} is sent over an unencrypted network connection.");
            return;
        }

        var cwe = place switch { "file" => "CWE-313", "registry" => "CWE-314", "cookie" => "CWE-315", _ => "CWE-312" };
        context.Report(MisuseRules.CleartextStorage, value, $"{Capitalized(secret)} is written to a {place} in clear text ({cwe}).");
    }

    /// <summary>Where an argument is written: file, registry, cookie, network; null when it is not written out.</summary>
    private static string? Place(IArgumentOperation argument)
    {
        if (argument.Parent is IInvocationOperation { TargetMethod: { Name: "SetValue" } method } && method.ContainingType?.Name == "RegistryKey" && argument.Parameter?.Ordinal == 1)
        {
            return "registry";
        }

        if (argument.Parent is IInvocationOperation { TargetMethod: { Name: "Send" or "SendAsync" or "SendTo" or "Write" or "WriteAsync" } sender } && sender.ContainingType?.Name is "Socket" or "NetworkStream" or "UdpClient")
        {
            return "network";
        }

        if (argument.Parent is IInvocationOperation { TargetMethod.Name: "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync", Instance: { } writer } call
            && SinkCategories.DerivesFrom(call.TargetMethod.ContainingType, "TextWriter", "BinaryWriter"))
        {
            return InputChannels.Of(writer) switch
            {
                InputChannel.Network => "network",
                InputChannel.File => "file",
                _ => null,
            };
        }

        if (argument.Parent is IInvocationOperation { TargetMethod: { Name: "Write" or "WriteLine" } console } && console.ContainingType?.Name == "Console")
        {
            return "console";
        }

        return SinkCategories.Storage(argument) is ("file" or "cookie" or "log") and var kind ? kind : null;
    }

    // A SecureString is read out through an API or member that says so (SecureStringToBSTR, SecurePassword, a SecureString parameter).
    private static bool MayHoldSecrets(ProgramIndex program) => program.HasLiteralPassword || program.MentionsNameContaining("Secure");

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>What secret <paramref name="value"/> carries (a password-holding <c>SecureString</c>, a connection string with a password), or null.</summary>
    private static string? SecretIn(IOperation value, MisuseContext context, int budget)
    {
        foreach (var origin in context.Origins.Of(value, IsSecureString, budget))
        {
            if (origin.Kind == OriginKind.Literal && MisuseContext.ConstantString(origin.Operation) is { } text && HardcodedCredentialCheck.HasLiteralPassword(text))
            {
                return "a connection string with its password";
            }

            if (origin.Kind != OriginKind.Boundary)
            {
                continue;
            }

            var holder = origin.Operation is IInvocationOperation { Instance: { } instance } ? instance : origin.Operation;
            var name = MisuseContext.NameOf(holder) ?? "";
            if (SensitiveNames.IsPassword(name) || SensitiveNames.IsCredential(name)
                || context.Origins.Of(holder).Any(o => o.Kind is OriginKind.Input or OriginKind.Unknown))
            {
                // A password-named SecureString, or one holding anything but constants and hashes: data from outside, a caller's argument.
                return $"the contents of SecureString '{name}'";
            }
        }

        return null;
    }

    private static bool IsSecureString(IOperation operation) => operation switch
    {
        IInvocationOperation { Instance.Type.Name: "SecureString" } => true,
        ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation => operation.Type?.Name == "SecureString",
        _ => false,
    };
}
