using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Error details exposed (CWE-209): an exception's <c>ToString()</c>, <c>StackTrace</c> or
/// <c>Message</c> (or the exception itself, formatted into a string) written to the HTTP response —
/// <c>Response.WriteAsync</c>, <c>Content</c>, <c>StatusCode(500, …)</c>, <c>Problem</c>,
/// <c>Results.*</c>, System.Web <c>Response.Write</c> — or returned from a controller action.
/// </summary>
internal sealed class ErrorDetailsExposureCheck : IMisuseCheck
{
    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.ErrorDetailsExposure];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.Invocation, OperationKind.PropertyReference, OperationKind.LocalReference];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) => token.IsKind(SyntaxKind.CatchKeyword) || token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText is "StackTrace" or "Exception";

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        var detail = operation switch
        {
            IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } when IsException(instance.Type) => "ToString()",
            IPropertyReferenceOperation { Property.Name: "StackTrace" or "Message" or "InnerException" or "Source", Instance: { } instance } property
                when IsException(instance.Type) && property.Parent is not IPropertyReferenceOperation => property.Property.Name,
            ILocalReferenceOperation local when IsException(local.Type) && local.Parent is IInterpolationOperation or IBinaryOperation or IConversionOperation { Type.SpecialType: SpecialType.System_String } => "text",
            _ => null,
        };
        if (detail is null)
        {
            return;
        }

        foreach (var use in ValueFlow.Uses(operation))
        {
            var exposed = use switch
            {
                IArgumentOperation argument => SinkCategories.IsResponse(argument),
                ISimpleAssignmentOperation assignment => SinkCategories.AssignmentSink(assignment) == "response",
                IReturnOperation => context.ContainingMember(use) is IMethodSymbol method && IsAction(method),
                _ => false,
            };
            if (exposed)
            {
                context.Report(MisuseRules.ErrorDetailsExposure, operation, $"The exception's {detail} is sent to the client in the HTTP response.");
                return;
            }
        }
    }

    private static bool IsAction(IMethodSymbol method) =>
        method.DeclaredAccessibility == Accessibility.Public && SinkCategories.DerivesFrom(method.ContainingType, "ControllerBase", "Controller", "ApiController", "PageModel");

    private static bool IsException(ITypeSymbol? type) => SinkCategories.DerivesFrom(type as INamedTypeSymbol, "Exception");
}
