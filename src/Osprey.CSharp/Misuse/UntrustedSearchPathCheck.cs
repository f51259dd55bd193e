using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.CSharp.Analysis;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// A process started by a bare program name (CWE-426): <c>Process.Start("ls")</c>,
/// <c>new ProcessStartInfo("cmd.exe")</c> or <c>info.FileName = "ls"</c>, where the name is a
/// constant, or a local whose stores in the member include such a constant. The operating system
/// resolves the name through the search path, so the program that runs is decided by whoever
/// controls <c>PATH</c> and its folders. Names with a folder, URLs and documents opened by file
/// association are not programs looked up on the search path and are not reported.
/// </summary>
internal sealed class UntrustedSearchPathCheck : IMisuseCheck
{
    private static readonly HashSet<string> ProgramExtensions = new(StringComparer.OrdinalIgnoreCase) { ".exe", ".com", ".bat", ".cmd", ".ps1", ".sh" };

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.UntrustedSearchPath];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText is "ProcessStartInfo" or "Process" or "FileName";

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        var name = operation switch
        {
            IObjectCreationOperation { Constructor: { ContainingType: var type } constructor } creation when IsProcessStartInfo(type) =>
                FileNameArgument(constructor, creation.Arguments),
            IInvocationOperation { TargetMethod: { Name: "Start", IsStatic: true, ContainingType: var type } method } invocation when IsProcess(type) =>
                FileNameArgument(method, invocation.Arguments),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "FileName", ContainingType: var type } } } assignment
                when IsProcessStartInfo(type) => assignment.Value,
            _ => null,
        };
        if (name is not null && SearchedNames(name).FirstOrDefault() is { } program)
        {
            context.Report(MisuseRules.UntrustedSearchPath, operation,
                $"The program `{program}` is started by name: the operating system finds it through the search path, so whoever controls `PATH` or one of its folders chooses what runs.");
        }
    }

    /// <summary>Whether the operating system would look <paramref name="name"/> up on the search path: a program name without any folder.</summary>
    public static bool IsSearchedName(string name)
    {
        var trimmed = name.Trim().Trim('"');
        if (trimmed.Length == 0 || trimmed.IndexOfAny(['/', '\\', ':', '%', '$', '~']) >= 0)
        {
            return false;
        }

        var extension = Path.GetExtension(trimmed);
        return extension.Length == 0 || ProgramExtensions.Contains(extension);
    }

    private static IOperation? FileNameArgument(IMethodSymbol method, IEnumerable<IArgumentOperation> arguments) =>
        method.Parameters.FirstOrDefault() is { Name: "fileName", Type.SpecialType: SpecialType.System_String } first
            ? arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter, first))?.Value
            : null;

    /// <summary>The constant program names <paramref name="value"/> can hold that are looked up on the search path.</summary>
    private static IEnumerable<string> SearchedNames(IOperation value) => ConstantsOf(value).Where(IsSearchedName);

    /// <summary>The constant strings <paramref name="value"/> can hold: itself, both arms of a conditional, or the constants stored in the local it reads.</summary>
    public static IEnumerable<string> ConstantsOf(IOperation value)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return ConstantsOf(conversion.Operand);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return ConstantsOf(conditional.WhenTrue).Concat(ConstantsOf(whenFalse));
            case ILocalReferenceOperation local:
                return LocalStores.Of(local.Local, ValueFlow.Root(value)).SelectMany(v => MisuseContext.ConstantString(v) is { } s ? [s] : Array.Empty<string>());
            default:
                return MisuseContext.ConstantString(value) is { } constant ? [constant] : [];
        }
    }

    private static bool IsProcess(INamedTypeSymbol type) =>
        type is { Name: "Process", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool IsProcessStartInfo(INamedTypeSymbol type) =>
        type is { Name: "ProcessStartInfo", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
