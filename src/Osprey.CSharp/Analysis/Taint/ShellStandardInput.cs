using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Whether a text writer is the standard input of a shell (<c>bash</c>, <c>sh</c>, <c>cmd.exe</c>,
/// <c>powershell</c>, …) started in the same member: <c>p.StandardInput</c> (directly or through a
/// local) of a process whose program is given as a constant by <c>Process.Start</c>, a
/// <c>ProcessStartInfo</c> (constructor, initializer or <c>FileName</c> store) or
/// <c>p.StartInfo.FileName</c>. A shell runs each line it reads as a command, so what is written
/// there is a command line. A process whose program is not such a constant is not a shell here.
/// </summary>
internal static class ShellStandardInput
{
    private static readonly HashSet<string> Shells = new(StringComparer.OrdinalIgnoreCase)
    {
        "sh", "bash", "dash", "zsh", "ksh", "csh", "tcsh", "fish", "ash", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "pwsh.exe",
    };

    /// <summary>The shell whose standard input <paramref name="writer"/> is, or null; <paramref name="root"/> is the member's operation tree.</summary>
    public static string? ShellOf(IOperation writer, IOperation root)
    {
        foreach (var value in Values(writer, root))
        {
            if (value is IPropertyReferenceOperation { Property: { Name: "StandardInput", ContainingType.Name: "Process" }, Instance: { } process })
            {
                return ProgramNames(process, root).FirstOrDefault(IsShell);
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="program"/> (a name or a path) is a command shell.</summary>
    public static bool IsShell(string program) =>
        Shells.Contains(Path.GetFileName(program.Trim().Trim('"').Replace('\\', '/')));

    private static IEnumerable<string> ProgramNames(IOperation process, IOperation root)
    {
        foreach (var value in Values(process, root))
        {
            switch (value)
            {
                case IInvocationOperation { TargetMethod: { Name: "Start", IsStatic: true }, Arguments: [var first, ..] }:
                    foreach (var name in first.Value.Type?.Name == "ProcessStartInfo" ? StartInfoNames(first.Value, root) : Constants(first.Value, root))
                    {
                        yield return name;
                    }

                    break;
                case IObjectCreationOperation { Initializer: { } initializer }:
                    foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "StartInfo" })
                        {
                            foreach (var name in StartInfoNames(assignment.Value, root))
                            {
                                yield return name;
                            }
                        }
                    }

                    break;
            }
        }

        if (Unwrap(process) is not ILocalReferenceOperation local)
        {
            yield break;
        }

        foreach (var assignment in root.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>())
        {
            var names = assignment.Target switch
            {
                IPropertyReferenceOperation { Property.Name: "FileName", Instance: IPropertyReferenceOperation { Property.Name: "StartInfo", Instance: ILocalReferenceOperation owner } }
                    when SameLocal(owner, local) => Constants(assignment.Value, root),
                IPropertyReferenceOperation { Property.Name: "StartInfo", Instance: ILocalReferenceOperation owner } when SameLocal(owner, local) => StartInfoNames(assignment.Value, root),
                _ => [],
            };
            foreach (var name in names)
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<string> StartInfoNames(IOperation info, IOperation root)
    {
        foreach (var value in Values(info, root))
        {
            if (value is IObjectCreationOperation creation)
            {
                if (creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "fileName") is { } fileName)
                {
                    foreach (var name in Constants(fileName.Value, root))
                    {
                        yield return name;
                    }
                }

                foreach (var assignment in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? [])
                {
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: "FileName" })
                    {
                        foreach (var name in Constants(assignment.Value, root))
                        {
                            yield return name;
                        }
                    }
                }
            }
        }

        if (Unwrap(info) is ILocalReferenceOperation local)
        {
            foreach (var assignment in root.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "FileName", Instance: ILocalReferenceOperation owner } && SameLocal(owner, local))
                {
                    foreach (var name in Constants(assignment.Value, root))
                    {
                        yield return name;
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Constants(IOperation operation, IOperation root) =>
        Values(operation, root).Select(v => v.ConstantValue is { HasValue: true, Value: string s } ? s : null).OfType<string>();

    /// <summary>What an operation may hold: itself, or for a local every value stored into it in the member.</summary>
    private static IEnumerable<IOperation> Values(IOperation operation, IOperation root)
    {
        if (Unwrap(operation) is not ILocalReferenceOperation local)
        {
            return [Unwrap(operation)];
        }

        return LocalStores.Of(local.Local, root).Select(Unwrap);
    }

    private static bool SameLocal(ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local);

    private static IOperation Unwrap(IOperation operation) => operation switch
    {
        IConversionOperation conversion => Unwrap(conversion.Operand),
        IParenthesizedOperation parenthesized => Unwrap(parenthesized.Operand),
        _ => operation,
    };
}
