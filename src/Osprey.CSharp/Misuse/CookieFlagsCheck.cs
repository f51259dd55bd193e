using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Cookies without <c>Secure</c> (CWE-614) or <c>HttpOnly</c> (CWE-1004): an ASP.NET Core
/// <c>CookieOptions</c> or a System.Web <c>HttpCookie</c> created with the flag false or never set
/// (both default to false), a flag set to false later, and <c>CookieSecurePolicy.None</c>.
/// </summary>
internal sealed class CookieFlagsCheck : IMisuseCheck
{
    private static readonly HashSet<string> CookieTypes = new(StringComparer.Ordinal) { "CookieOptions", "HttpCookie", "CookieBuilder" };

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.CookieWithoutSecure, MisuseRules.CookieWithoutHttpOnly];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.ObjectCreation, OperationKind.SimpleAssignment];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken) && (CookieTypes.Contains(token.ValueText) || token.ValueText is "Secure" or "HttpOnly" or "SecurePolicy");

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Type: INamedTypeSymbol { Name: "CookieOptions" or "HttpCookie" } type } creation:
                Flag(creation, type.Name, "Secure", MisuseRules.CookieWithoutSecure, context);
                Flag(creation, type.Name, "HttpOnly", MisuseRules.CookieWithoutHttpOnly, context);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Secure" or "HttpOnly" } property, Instance: var instance } } assignment
                when CookieTypes.Contains(property.ContainingType.Name) && instance is not (ILocalReferenceOperation or IInstanceReferenceOperation) && IsFalse(assignment.Value):
                var rule = property.Name == "Secure" ? MisuseRules.CookieWithoutSecure : MisuseRules.CookieWithoutHttpOnly;
                context.Report(rule, assignment, $"The cookie's {property.Name} flag is turned off.");
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SecurePolicy" } } policy
                when policy.Value is IFieldReferenceOperation { Field: { Name: "None", ContainingType.Name: "CookieSecurePolicy" } }:
                context.Report(MisuseRules.CookieWithoutSecure, policy, "The cookie policy never sets the Secure flag (CookieSecurePolicy.None).");
                break;
        }
    }

    private static void Flag(IObjectCreationOperation creation, string typeName, string flag, Rule rule, MisuseContext context)
    {
        var value = FromInitializer(creation, flag) ?? FromLaterAssignment(creation, flag);
        if (value is null)
        {
            context.Report(rule, creation, $"The {typeName} never sets {flag}, which defaults to false.", confidence: Confidence.Medium);
        }
        else if (IsFalse(value))
        {
            context.Report(rule, creation, $"The {typeName} sets {flag} = false.");
        }
    }

    private static IOperation? FromInitializer(IObjectCreationOperation creation, string flag) =>
        creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == flag)?.Value;

    /// <summary>For <c>var c = new HttpCookie(...); c.Secure = true;</c>, the value assigned later to the same local.</summary>
    private static IOperation? FromLaterAssignment(IObjectCreationOperation creation, string flag)
    {
        var local = creation.Parent switch
        {
            IConversionOperation { Parent: IVariableInitializerOperation { Parent: IVariableDeclaratorOperation d } } => d.Symbol,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation d } => d.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation l } => l.Local,
            _ => null,
        };
        if (local is null)
        {
            // Created and handed on directly: whoever receives it cannot set the flag on this object later
            // in this member, so what the initializer says is all there is.
            return null;
        }

        return ValueFlow.Root(creation).Descendants().OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: var name, Instance: ILocalReferenceOperation target }
                && name == flag && SymbolEqualityComparer.Default.Equals(target.Local, local))?.Value;
    }

    private static bool IsFalse(IOperation value) => value.ConstantValue is { HasValue: true, Value: false };
}
