using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Cleartext transmission (CWE-319): an <c>http://</c> URL (not loopback) that reaches an HTTP
/// client — <c>HttpClient</c>, <c>WebClient</c>, <c>WebRequest</c>, <c>HttpRequestMessage</c> —
/// directly, through <c>new Uri(...)</c> or through a local variable, for a request that sends
/// something: a body, credentials, an authorization header or values in the URL (or a client's base address).
/// </summary>
internal sealed class CleartextTransmissionCheck : IMisuseCheck
{
    private static readonly HashSet<string> ClientTypes = new(StringComparer.Ordinal)
        { "HttpClient", "HttpMessageInvoker", "WebClient", "WebRequest", "HttpWebRequest", "HttpRequestMessage", "RestClient", "RestRequest", "FlurlClient" };

    private static readonly string[] LocalHosts = ["localhost", "127.", "[::1]", "0.0.0.0", "host.docker.internal"];

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.CleartextTransmission];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.Literal, OperationKind.InterpolatedString];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) =>
        token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken && token.ValueText.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        var url = operation switch
        {
            ILiteralOperation literal => MisuseContext.ConstantString(literal),
            IInterpolatedStringOperation interpolated => (interpolated.Parts.FirstOrDefault() as IInterpolatedStringTextOperation)?.Text is ILiteralOperation first
                ? MisuseContext.ConstantString(first)
                : null,
            _ => null,
        };
        if (url is null || !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || operation.Parent is IInterpolatedStringOperation)
        {
            return;
        }

        var host = url["http://".Length..];
        if (host.Length == 0 || LocalHosts.Any(h => host.StartsWith(h, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        foreach (var use in ValueFlow.Uses(operation))
        {
            var client = use switch
            {
                IArgumentOperation { Parent: IInvocationOperation call } => call.TargetMethod.ContainingType,
                IArgumentOperation { Parent: IObjectCreationOperation { Type: INamedTypeSymbol created } } when created.Name != "Uri" => created,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "BaseAddress" or "RequestUri" or "BaseUrl" } property } } => property.ContainingType,
                _ => null,
            };
            if (client is not null && IsClient(client) && (use is ISimpleAssignmentOperation || SendsData(use, operation)))
            {
                context.Report(MisuseRules.CleartextTransmission, operation, $"A request to '{Shorten(url)}' is sent over unencrypted HTTP ({client.Name}).");
                return;
            }
        }
    }

    /// <summary>
    /// Whether the request sends something that can be sensitive: a body (POST, PUT, upload), credentials or an
    /// authorization header set in the same member, or values put into the URL. A body-less read of a fixed
    /// URL carries nothing to protect; what it reads is reported where it is used as a secret
    /// (<see cref="CredentialSourceCheck"/>).
    /// </summary>
    private static bool SendsData(IOperation use, IOperation url)
    {
        var call = use.Parent switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.Name,
            IObjectCreationOperation creation => creation.Type?.Name ?? "",
            _ => "",
        };
        if (call.StartsWith("Post", StringComparison.Ordinal) || call.StartsWith("Put", StringComparison.Ordinal) || call.StartsWith("Patch", StringComparison.Ordinal)
            || call.StartsWith("Upload", StringComparison.Ordinal) || call.StartsWith("Send", StringComparison.Ordinal) || call == "HttpRequestMessage")
        {
            return true;
        }

        if (url is IInterpolatedStringOperation { Parts.Length: > 1 } || url.Parent is IBinaryOperation { ConstantValue.HasValue: false })
        {
            return true;
        }

        return ValueFlow.Root(use).Descendants().Any(o => o switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Credentials" or "Authorization" or "UseDefaultCredentials" or "PreAuthenticate" or "ClientCertificates" } } => true,
            IInvocationOperation { TargetMethod.Name: "Add" or "TryAddWithoutValidation" or "Set", Arguments: [{ } name, ..] } =>
                MisuseContext.ConstantString(name.Value) is { } header && (header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || SensitiveNames.IsCredential(header)),
            _ => false,
        });
    }

    private static bool IsClient(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (ClientTypes.Contains(current.Name) || current.Name == "HttpClientExtensions" || current.Name == "HttpClientJsonExtensions")
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string url) => url.Length > 80 ? url[..77] + "..." : url;
}
