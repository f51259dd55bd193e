using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Misuse;

/// <summary>Recognises the places the storage and disclosure checks care about: files, cookies, logs, HTTP responses.</summary>
internal static class SinkCategories
{
    private static readonly HashSet<string> FileMethods = new(StringComparer.Ordinal)
        { "WriteAllText", "WriteAllTextAsync", "AppendAllText", "AppendAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "AppendAllLines", "AppendAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync" };

    private static readonly HashSet<string> LogTypes = new(StringComparer.Ordinal)
        { "ILogger", "LoggerExtensions", "ILog", "Logger", "ILogger`1", "Log", "Trace", "Debug", "EventLog", "TraceSource" };

    private static readonly HashSet<string> ResponseTypes = new(StringComparer.Ordinal)
    {
        "HttpResponse", "HttpResponseBase", "HttpResponseWritingExtensions", "ControllerBase", "Controller", "ApiController", "Results", "TypedResults",
        "ObjectResult", "ContentResult", "JsonResult", "OkObjectResult", "BadRequestObjectResult", "PageModel",
    };

    /// <summary>Whether <paramref name="argument"/> is written to a file: the kind ("file") or null.</summary>
    public static string? Storage(IArgumentOperation argument)
    {
        switch (argument.Parent)
        {
            case IInvocationOperation { TargetMethod: var method } when method.ContainingType?.Name == "File" && FileMethods.Contains(method.Name) && argument.Parameter?.Ordinal > 0:
                return "file";
            case IInvocationOperation { TargetMethod: var method } call when method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" && DerivesFrom(method.ContainingType, "TextWriter", "StreamWriter", "BinaryWriter"):
                // A writer over a socket sends rather than stores (CleartextTransmission's business).
                return call.Instance is { } writer && InputChannels.Of(writer) == InputChannel.Network ? null : "file";
            case IInvocationOperation { TargetMethod: { Name: "Append" } method } when method.ContainingType?.Name is "IResponseCookies" or "ResponseCookies" && argument.Parameter?.Name == "value":
                return "cookie";
            case IObjectCreationOperation { Type.Name: "HttpCookie" } when argument.Parameter?.Ordinal == 1:
                return "cookie";
            case IInvocationOperation { TargetMethod: var method } when IsLog(method):
                return "log";
            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="method"/> writes a log entry.</summary>
    public static bool IsLog(IMethodSymbol method) =>
        method.ContainingType is { } type && (LogTypes.Contains(type.Name) || type.AllInterfaces.Any(i => i.Name is "ILogger" or "ILog"))
        && (method.Name.StartsWith("Log", StringComparison.Ordinal) || method.Name is "Info" or "Debug" or "Warn" or "Error" or "Fatal" or "Trace" or "Information" or "Warning" or "Verbose" or "Write" or "WriteLine" or "TraceInformation" or "WriteEntry");

    /// <summary>Whether <paramref name="argument"/> ends up in an HTTP response body.</summary>
    public static bool IsResponse(IArgumentOperation argument) => argument.Parent switch
    {
        IInvocationOperation { TargetMethod: var method } when DerivesFrom(method.ContainingType, [.. ResponseTypes]) => method.Name switch
        {
            "Redirect" or "RedirectPermanent" or "RedirectToAction" or "RedirectToPage" or "LocalRedirect" or "View" or "PartialView" or "AppendHeader" or "AddHeader" => false,
            "StatusCode" => argument.Parameter?.Ordinal > 0,
            _ => argument.Parameter?.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object || argument.Parameter?.Type.Name is "ReadOnlySpan" or "StringBuilder",
        },
        IObjectCreationOperation { Type: INamedTypeSymbol type } => DerivesFrom(type, "ObjectResult", "ContentResult", "JsonResult"),
        _ => false,
    };

    /// <summary>Whether an assignment writes an HTTP response body (<c>new ContentResult { Content = … }</c>) or a cookie value.</summary>
    public static string? AssignmentSink(ISimpleAssignmentOperation assignment) => assignment.Target switch
    {
        IPropertyReferenceOperation { Property: { Name: "Content" or "Value", ContainingType.Name: "ContentResult" or "ObjectResult" or "JsonResult" } } => "response",
        IPropertyReferenceOperation { Property: { Name: "Value", ContainingType.Name: "HttpCookie" } } => "cookie",
        _ => null,
    };

    /// <summary>Whether <paramref name="type"/> or a base type has one of <paramref name="names"/>.</summary>
    public static bool DerivesFrom(INamedTypeSymbol? type, params string[] names)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (names.Contains(current.Name))
            {
                return true;
            }
        }

        return false;
    }
}
