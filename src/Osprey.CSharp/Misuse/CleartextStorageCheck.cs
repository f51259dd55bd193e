using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Cleartext storage of sensitive data (CWE-312/313/315): a value named like a password written
/// to a file (313), a cookie (315) or a log (312) without passing through a hash, encryption or
/// protection call on the way.
/// </summary>
internal sealed class CleartextStorageCheck : IMisuseCheck
{
    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.CleartextStorage];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } =
        [OperationKind.LocalReference, OperationKind.ParameterReference, OperationKind.FieldReference, OperationKind.PropertyReference, OperationKind.ObjectCreation];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) => token.IsKind(SyntaxKind.IdentifierToken) && SensitiveNames.IsPassword(token.ValueText);

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        if (operation is IObjectCreationOperation { Type.Name: "HttpCookie" } cookie)
        {
            // new HttpCookie("password", value): the cookie's name says what it holds.
            if (cookie.Arguments.Length > 1 && MisuseContext.ConstantString(cookie.Arguments[0].Value) is { } cookieName && SensitiveNames.IsPassword(cookieName))
            {
                context.Report(MisuseRules.CleartextStorage, cookie, $"A cookie named '{cookieName}' stores a secret in clear text.");
            }

            return;
        }

        if (MisuseContext.NameOf(operation) is not { } name || !SensitiveNames.IsPassword(name) || IsWrite(operation) || operation.Type?.SpecialType is SpecialType.System_Boolean)
        {
            return;
        }

        foreach (var use in ValueFlow.Uses(operation, IsProtection))
        {
            var kind = use switch
            {
                IArgumentOperation argument => SinkCategories.Storage(argument),
                ISimpleAssignmentOperation assignment => SinkCategories.AssignmentSink(assignment) is "cookie" ? "cookie" : null,
                _ => null,
            };
            if (kind is not null)
            {
                var cwe = kind switch { "file" => "CWE-313", "cookie" => "CWE-315", _ => "CWE-312" };
                context.Report(MisuseRules.CleartextStorage, use, $"'{name}' is written to a {kind} in clear text ({cwe}).");
                return;
            }
        }
    }

    private static bool IsProtection(IOperation operation) => operation is IInvocationOperation { TargetMethod.Name: var method }
        && (method.Contains("Hash", StringComparison.OrdinalIgnoreCase) || method.Contains("Encrypt", StringComparison.OrdinalIgnoreCase)
            || method.Contains("Protect", StringComparison.Ordinal) || method.Contains("Pbkdf2", StringComparison.Ordinal) || method.Contains("Mask", StringComparison.Ordinal)
            || method is "Length" or "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "Equals" or "GetHashCode");

    private static bool IsWrite(IOperation operation) =>
        operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation;
}
