using System.Net.Http.Json;
using System.Text.Json;

namespace Osprey.Server.Tests.Support;

/// <summary>Reads problem-details responses.</summary>
internal static class Problems
{
    /// <summary>Asserts the status and the stable code, that a hint is present and that no stack trace leaks; returns the problem.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("hint").GetString()));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }
}
