using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.CSharp.Loading;

namespace Osprey.CSharp.Recon;

/// <summary>
/// Finds the entry points of loaded C# projects and what each requires: controller actions
/// (ASP.NET Core, MVC 5, Web API 2), minimal APIs, Razor Pages handlers, SignalR hub methods, gRPC
/// service methods, WebForms page events and <c>Main</c> methods. Syntax is walked once per file;
/// only candidates are bound.
/// </summary>
internal static partial class EntryPointFinder
{
    /// <summary>The display form of handler names, matching <see cref="Osprey.Core.Findings.SourceLocation.Member"/>.</summary>
    public static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>Finds the entry points of every project of <paramref name="solution"/>.</summary>
    public static EntryPointIndex Find(ScanContext context, LoadedSolution solution, CancellationToken cancellationToken)
    {
        var entries = new ConcurrentBag<KeyValuePair<string, EntryPoint>>();
        foreach (var project in solution.Projects)
        {
            FindIn(context, project, entries, cancellationToken);
        }

        return new EntryPointIndex(entries.OrderBy(e => e.Value.Location?.FilePath, StringComparer.Ordinal).ThenBy(e => e.Value.Location?.StartLine));
    }

    private static void FindIn(ScanContext context, LoadedProject project, ConcurrentBag<KeyValuePair<string, EntryPoint>> entries, CancellationToken cancellationToken)
    {
        var compilation = project.Compilation;
        var trees = compilation.SyntaxTrees.ToArray();
        var indexes = new ReconSyntaxIndex[trees.Length];
        Parallel.For(0, trees.Length, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Threads, CancellationToken = cancellationToken },
            i => indexes[i] = ReconSyntaxIndex.Build(trees[i], cancellationToken));
        var defaults = AppSecurityDefaults.Find(indexes);
        var root = context.Target.RootDirectory;

        void Add(EntryPointKind kind, string name, IMethodSymbol handler, string? verb, string? route, AuthDecision auth)
        {
            if (EntryPointIndex.KeyOf(handler) is not { } key)
            {
                return;
            }

            var location = handler.Locations.FirstOrDefault(l => l.IsInSource);
            var display = HandlerName(handler, location);
            entries.Add(new(key, new EntryPoint
            {
                Kind = kind,
                Name = name,
                Handler = display,
                Location = location is null ? null : ToLocation(location, root, display),
                HttpMethod = verb,
                Route = route,
                Auth = auth.Auth,
                Roles = auth.Roles,
                AntiForgery = auth.AntiForgery,
            }));
        }

        Parallel.For(0, trees.Length, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Threads, CancellationToken = cancellationToken }, i =>
        {
            var index = indexes[i];
            if (index.Classes.Count == 0 && index.Mains.Count == 0 && index.Calls.Count == 0 && !index.HasTopLevelStatements)
            {
                return;
            }

            var model = Analysis.SemanticModelCache.Create(compilation, trees[i]);
            foreach (var declaration in index.Classes)
            {
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type)
                {
                    ClassifyType(type, trees[i].FilePath, defaults, Add);
                }
            }

            foreach (var main in index.Mains)
            {
                if (model.GetDeclaredSymbol(main, cancellationToken) is IMethodSymbol method)
                {
                    Add(EntryPointKind.CommandLine, $"{method.ContainingType.Name}.Main", method, null, null, new AuthDecision(AuthRequirement.Unknown, [], false));
                }
            }

            foreach (var call in index.Calls)
            {
                if (MinimalApiEndpoints.Read(call, model, defaults.Fallback, cancellationToken) is { Handler: IMethodSymbol handler } endpoint)
                {
                    Add(EntryPointKind.Http, $"{endpoint.Verb ?? "ANY"} {endpoint.Route}", handler, endpoint.Verb, endpoint.Route, endpoint.Auth);
                }
            }
        });

        if (indexes.Any(i => i.HasTopLevelStatements) && compilation.GetEntryPoint(cancellationToken) is { } entryPoint)
        {
            Add(EntryPointKind.CommandLine, "Program.Main (top-level statements)", entryPoint, null, null, new AuthDecision(AuthRequirement.Unknown, [], false));
        }
    }

    /// <summary>The handler as reports show it; lambdas and top-level statements get a readable name.</summary>
    private static string HandlerName(IMethodSymbol handler, Location? location) => handler.MethodKind switch
    {
        MethodKind.AnonymousFunction => $"{Outer(handler).ToDisplayString(MemberFormat)} lambda at line {(location?.GetLineSpan().StartLinePosition.Line ?? -1) + 1}",
        _ when handler.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName => $"{handler.ContainingType.Name}.Main (top-level statements)",
        _ => handler.ToDisplayString(MemberFormat),
    };

    private static ISymbol Outer(IMethodSymbol lambda)
    {
        ISymbol current = lambda;
        while (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && current.ContainingSymbol is { } outer)
        {
            current = outer;
        }

        return current is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } main ? main.ContainingType : current;
    }

    private static SourceLocation ToLocation(Location location, string root, string member)
    {
        var span = location.GetLineSpan();
        return new SourceLocation
        {
            FilePath = SourceLocation.NormalizePath(span.Path, root),
            StartLine = span.StartLinePosition.Line + 1,
            StartColumn = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            Member = member,
        };
    }
}
