using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Osprey.Server.Api;

/// <summary>
/// Errors as RFC 9457 problem details with a stable <c>code</c> and a <c>hint</c>, in the manner
/// of Npgsql's PostgresException (SqlState, Hint). Never a stack trace.
/// </summary>
internal static class ApiProblem
{
    public const string TypeBase = "https://osprey.dev/problems/";

    public static ProblemDetails Create(int status, string code, string title, string hint, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Type = TypeBase + code, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        problem.Extensions["hint"] = hint;
        return problem;
    }

    public static IResult Result(int status, string code, string title, string hint, string? detail = null) =>
        TypedResults.Problem(Create(status, code, title, hint, detail));

    public static Task WriteAsync(HttpContext context, int status, string code, string title, string hint, string? detail = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(status, code, title, hint, detail), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    /// <summary>A value the client sent, quoted back in a problem: cut at 40 characters so a request cannot fill the response.</summary>
    public static string Echo(string value) => value.Length <= MaxEchoedLength ? value : value[..MaxEchoedLength] + "…";

    private const int MaxEchoedLength = 40;

    public static IResult NotFound(string what) =>
        Result(404, "not-found", $"No such {what}.", $"Check the {what} id; ids of other organisations are never visible.");

    public static IResult Forbidden(string hint) =>
        Result(403, "forbidden", "This key may not do that.", hint);
}
