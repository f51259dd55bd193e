using Microsoft.CodeAnalysis;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The methods that can run. In a library every method can: any public member is API that code
/// outside may call with anything. In an executable (a program with an entry point) code runs only
/// when something starts it: the entry point, a framework (the entry points recon found, members
/// that override or implement something — the runtime or a framework calls them through the base
/// type or interface —, members with attributes, constructors, accessors and operators, public members
/// of types derived from a framework type, and the <c>Invoke</c>/<c>Configure</c> conventions of
/// ASP.NET Core middleware and startup classes), or a method that can run and calls it.
/// A method of an executable that nothing calls or starts still has its own flows reported (it may be
/// wired up in a way the analysis does not see), but no caller hands it objects: the analysis does not
/// pick a subclass for its parameters.
/// </summary>
internal sealed class LiveMethods
{
    private static readonly HashSet<string> ConventionNames = new(StringComparer.Ordinal)
    {
        "Main", "Invoke", "InvokeAsync", "Configure", "ConfigureServices", "ConfigureContainer",
    };

    private readonly HashSet<IMethodSymbol>? _live;

    private LiveMethods(HashSet<IMethodSymbol>? live) => _live = live;

    /// <summary>Whether <paramref name="method"/> can run.</summary>
    public bool CanRun(IMethodSymbol method) => _live is null || _live.Contains(method.OriginalDefinition);

    /// <summary>Finds the methods of <paramref name="session"/> that can run.</summary>
    public static LiveMethods Find(TaintSession session, CallGraph graph, EntryPointIndex entries)
    {
        var methods = session.Bodies.Methods.ToList();
        if (session.Compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication)
            || session.EntryPoint is not { } main || !methods.Contains(main, SymbolEqualityComparer.Default))
        {
            return new LiveMethods(null);
        }

        var callees = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        foreach (var method in methods)
        {
            foreach (var caller in graph.CallersOf(method))
            {
                (callees.TryGetValue(caller, out var list) ? list : callees[caller] = []).Add(method);
            }
        }

        var implementations = new Dictionary<INamedTypeSymbol, HashSet<IMethodSymbol>>(SymbolEqualityComparer.Default);
        var assembly = session.Compilation.Assembly;
        var live = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var work = new Queue<IMethodSymbol>();
        foreach (var method in methods.Where(m => SymbolEqualityComparer.Default.Equals(m, main) || entries.Find(m) is not null || IsStartedFromOutside(m, assembly, implementations)))
        {
            if (live.Add(method))
            {
                work.Enqueue(method);
            }
        }

        while (work.Count > 0)
        {
            if (callees.TryGetValue(work.Dequeue(), out var next))
            {
                foreach (var callee in next.Where(live.Add))
                {
                    work.Enqueue(callee);
                }
            }
        }

        return new LiveMethods(live);
    }

    private static bool IsStartedFromOutside(IMethodSymbol method, IAssemblySymbol assembly, Dictionary<INamedTypeSymbol, HashSet<IMethodSymbol>> implementations)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsOverride || !method.GetAttributes().IsEmpty)
        {
            return true;
        }

        var type = method.ContainingType;
        var visible = method.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;
        if (visible && (ConventionNames.Contains(method.Name) || HasFrameworkBase(type, assembly)))
        {
            return true;
        }

        if (!implementations.TryGetValue(type, out var implementing))
        {
            implementing = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var member in type.AllInterfaces.SelectMany(i => i.GetMembers()))
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                {
                    implementing.Add(implementation.OriginalDefinition);
                }
            }

            implementations[type] = implementing;
        }

        return implementing.Contains(method.OriginalDefinition);
    }

    /// <summary>Whether a base type of <paramref name="type"/> comes from outside the program (a framework class such as <c>Controller</c> or <c>Form</c>).</summary>
    private static bool HasFrameworkBase(INamedTypeSymbol type, IAssemblySymbol assembly)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum or SpecialType.System_MulticastDelegate)
            {
                return false;
            }

            if (!SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, assembly))
            {
                return true;
            }
        }

        return false;
    }
}
