using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Osprey.Server.Api;

/// <summary>
/// Strict JSON request bodies: a size cap, unknown fields refused, required fields enforced,
/// nullability respected. Each failure is a problem naming the field or the position.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http, int maxBytes) where T : class
    {
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblem.Result(415, "unsupported-media-type", "The body must be JSON.", "Send 'Content-Type: application/json'."));
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null
                ? (null, ApiProblem.Result(400, "invalid-json", "The body is empty or null.", "Send a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var unknown = ex.Message.Contains("could not be mapped", StringComparison.Ordinal);
            return (null, ApiProblem.Result(400, unknown ? "unknown-field" : "invalid-json",
                unknown ? "The body has a field this endpoint does not know." : "The body is not valid JSON for this endpoint.",
                unknown ? "Remove the field; see the OpenAPI document at /openapi/v1.json." : "Check the JSON syntax and the required fields.",
                $"{FirstSentence(ex.Message)} (at {ex.Path ?? "$"}, line {ex.LineNumber + 1})"));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        ApiProblem.Result(413, "body-too-large", "The request body is too large.", $"JSON bodies are limited to {maxBytes} bytes.");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
