using System.Collections.Immutable;
using System.Text.Json;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>One request the harness sent to the app, as the replay needs it.</summary>
internal sealed record SentRequest
{
    public required string Method { get; init; }

    /// <summary>The endpoint's route template with its verb: <c>POST /api/orders/{id}</c>.</summary>
    public required string Route { get; init; }

    /// <summary>The path with route values filled in and escaped.</summary>
    public required string Path { get; init; }

    public ImmutableArray<KeyValuePair<string, string>> Query { get; init; } = [];

    public ImmutableArray<KeyValuePair<string, string>> Headers { get; init; } = [];

    public ImmutableArray<KeyValuePair<string, string>> Cookies { get; init; } = [];

    public ImmutableArray<KeyValuePair<string, string>> Form { get; init; } = [];

    /// <summary>Uploaded files: form field, file name, content.</summary>
    public ImmutableArray<(string Field, string FileName, byte[] Content)> Files { get; init; } = [];

    /// <summary>The JSON body, or null.</summary>
    public string? Json { get; init; }

    /// <summary>The response status the app gave.</summary>
    public int Status { get; init; }

    /// <summary>The response's headers (<c>Set-Cookie</c> among them).</summary>
    public ImmutableArray<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    /// <summary>The start of the response body, as text.</summary>
    public string? ResponseBody { get; init; }

    public static SentRequest Read(JsonElement request)
    {
        static ImmutableArray<KeyValuePair<string, string>> Pairs(JsonElement e) =>
            [.. e.EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString() ?? "", p[1].GetString() ?? ""))];
        return new SentRequest
        {
            Method = request.GetProperty("method").GetString() ?? "GET",
            Route = request.GetProperty("route").GetString() ?? "",
            Path = request.GetProperty("path").GetString() ?? "/",
            Query = Pairs(request.GetProperty("query")),
            Headers = Pairs(request.GetProperty("headers")),
            Cookies = Pairs(request.GetProperty("cookies")),
            Form = Pairs(request.GetProperty("form")),
            Files = [.. request.GetProperty("files").EnumerateArray().Select(f => (f[0].GetString() ?? "", f[1].GetString() ?? "", Convert.FromBase64String(f[2].GetString() ?? "")))],
            Json = request.GetProperty("json").ValueKind == JsonValueKind.String ? request.GetProperty("json").GetString() : null,
            Status = request.GetProperty("status").GetInt32(),
            ResponseHeaders = request.TryGetProperty("responseHeaders", out var headers) ? Pairs(headers) : [],
            ResponseBody = request.TryGetProperty("responseBody", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() : null,
        };
    }
}

/// <summary>How the harness drove one payload of a web case: over HTTP (with the request and any setup requests before it) or, when it could not, directly.</summary>
internal sealed record WebRun
{
    /// <summary><c>http</c> or <c>direct</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>What the endpoint requires: <c>anonymous</c>, <c>a signed-in user in role Admin</c>.</summary>
    public string? Auth { get; init; }

    /// <summary>Why the case could not be driven over HTTP, when it was driven directly.</summary>
    public string? Problem { get; init; }

    public SentRequest? Request { get; init; }

    /// <summary>Requests sent first, which create the state the proof request needs (an account to sign in to).</summary>
    public ImmutableArray<SentRequest> Setup { get; init; } = [];

    public static WebRun Read(JsonElement web)
    {
        string? Text(string name) => web.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new WebRun
        {
            Mode = Text("mode") ?? "direct",
            Auth = Text("auth"),
            Problem = Text("problem"),
            Request = web.TryGetProperty("request", out var request) ? SentRequest.Read(request) : null,
            Setup = web.TryGetProperty("setup", out var setup) ? [.. setup.EnumerateArray().Select(SentRequest.Read)] : [],
        };
    }
}
