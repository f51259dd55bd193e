using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Cleartext transmission (CWE-319): an <c>http://</c> URL (not loopback) that reaches an HTTP
/// client — <c>HttpClient</c>, <c>WebClient</c>, <c>WebRequest</c>, <c>HttpRequestMessage</c> —
/// directly, through <c>new Uri(...)</c> or through a local variable.
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
            if (client is not null && IsClient(client))
            {
                context.Report(MisuseRules.CleartextTransmission, operation, $"A request to '{Shorten(url)}' is sent over unencrypted HTTP ({client.Name}).");
                return;
            }
        }
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
