using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Generates the harness's <c>Main</c>: its first argument names the case (0 when absent); the case
/// activates its source and sink sites, calls its entry point once per payload, and prints what its
/// sink recorded. Payload lists shared by cases are emitted once.
/// </summary>
internal static class DriverSource
{
    public const string MainTypeName = "__OspreyPlan";

    public static string Generate(IReadOnlyList<DriverCase> cases)
    {
        var payloadLists = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new StringBuilder();
        var switchCases = new StringBuilder();
        for (var i = 0; i < cases.Count; i++)
        {
            var (entry, payloadParameter, payloads, sourceSite, sinkSite) = cases[i];
            var web = cases[i].Web;
            var payloadArray = "new string[] { " + string.Join(", ", payloads.Select(p => Literal(p.Value))) + " }";
            if (!payloadLists.TryGetValue(payloadArray, out var list))
            {
                list = payloadLists.Count;
                payloadLists[payloadArray] = list;
                fields.Append(CultureInfo.InvariantCulture, $"    private static readonly string[] Payloads{list} = {payloadArray};\n");
            }

            var parameterTypes = string.Join(", ", entry.Parameters.Select(p => Literal(RuntimeName(p.Type) + (p.RefKind == RefKind.None ? "" : "&"))));
            var method = entry.MethodKind == MethodKind.Constructor ? ".ctor" : entry.MetadataName;
            var direct = entry.MethodKind == MethodKind.AnonymousFunction
                ? "(global::System.Func<object>)null"
                : $"() => global::__Osprey.InvokeEntry({Literal(MetadataTypeName(entry.ContainingType))}, {Literal(method)}, new string[] {{ {parameterTypes} }}, {payloadParameter})";
            var drive = web is null ? direct : $"() => global::__OspreyWebDriver.Send({WebCase(web, entry, parameterTypes, payloadParameter)}, {direct})";
            switchCases.Append(CultureInfo.InvariantCulture,
                $"            case {i}: return global::__Osprey.DriveCase({sourceSite}, {sinkSite}, Payloads{list}, {drive});\n");
        }

        return $$"""
            internal static class {{MainTypeName}}
            {
            {{fields}}
                public static int Main(string[] args)
                {
                    var index = args.Length == 0 ? 0 : int.Parse(args[0], global::System.Globalization.CultureInfo.InvariantCulture);
                    switch (index)
                    {
            {{switchCases}}
                        default:
                            global::System.Console.Error.WriteLine("Osprey harness: no case " + index);
                            return 2;
                    }
                }
            }
            """;
    }

    private static string WebCase(Web.WebDrive web, IMethodSymbol entry, string parameterTypes, int payloadParameter) =>
        "new global::__OspreyWebCase { "
        + $"AppType = {Literal(web.AppType)}, AppMethod = {Literal(web.AppMethod)}, "
        + $"HandlerType = {Literal(MetadataTypeName(entry.ContainingType))}, HandlerMethod = {Literal(entry.MetadataName)}, HandlerParameters = new string[] {{ {parameterTypes} }}, "
        + string.Create(CultureInfo.InvariantCulture, $"Marker = {web.Marker}, PayloadParameter = {payloadParameter}, ")
        + (web.PayloadPart is null ? "" : $"PayloadPart = {Literal(web.PayloadPart)}, PayloadName = {Literal(web.PayloadName ?? "")}, ")
        + $"Encodings = new string[] {{ {string.Join(", ", web.Encodings.Select(Literal))} }}, FileShape = {Literal(web.FileShape)}, Probe = {(web.Probe ? "true" : "false")} }}";

    /// <summary>The name reflection's <c>Assembly.GetType</c> expects: namespace, then nested types joined by <c>+</c>.</summary>
    public static string MetadataTypeName(INamedTypeSymbol type)
    {
        var nesting = new StringBuilder(type.MetadataName);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            nesting.Insert(0, outer.MetadataName + "+");
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + nesting : nesting.ToString();
    }

    // Type.Name as reflection reports it for a parameter: String, String[], List`1.
    private static string RuntimeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => RuntimeName(array.ElementType) + "[]",
        IPointerTypeSymbol pointer => RuntimeName(pointer.PointedAtType) + "*",
        _ => type.MetadataName,
    };

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}

/// <summary>What the driver needs of one case: the entry point, the parameter that receives the payload (-1: none), the payloads, and the sites to activate.</summary>
internal sealed record DriverCase(IMethodSymbol Entry, int PayloadParameter, IReadOnlyList<Payload> Payloads, int SourceSite, int SinkSite)
{
    /// <summary>How the case runs through its app's HTTP pipeline; null when the entry point is called directly.</summary>
    public Web.WebDrive? Web { get; init; }
}
