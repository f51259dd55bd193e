using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Isolation;

/// <summary>Every API endpoint the server maps, read from its endpoint data source.</summary>
internal static class EndpointCatalog
{
    public static List<(string Method, string Pattern)> ApiEndpoints(OspreyTestServer server) =>
        server.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'))))
            .OrderBy(e => e.Item2).ThenBy(e => e.m).ToList();

    /// <summary>Replaces <c>{name:constraint}</c> parameters with the given ids (a <c>:long</c> parameter with 1).</summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, Guid> ids) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{(\\w+)(:[^}]*)?\\}", m =>
            m.Groups[2].Value == ":long" ? "1" : ids.TryGetValue(m.Groups[1].Value, out var id) ? id.ToString() : throw new Xunit.Sdk.XunitException($"no id for route parameter '{m.Groups[1].Value}' in {pattern}: add it to the test"));
}
