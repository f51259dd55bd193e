// Compiled into harnesses of ASP.NET Core apps: drives one case through the app's pipeline. It
// finds the endpoint that runs the case's handler (a controller action by its method, a minimal-API
// lambda by the marker attribute Osprey put on it), crafts the request model binding turns into
// the handler's arguments with the payload at the source, sends it, and records the request for
// the replay. When the app cannot be booted or no endpoint runs the handler, an action is called
// directly instead.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[AttributeUsage(AttributeTargets.Method)]
internal sealed class __OspreyEndpointAttribute : Attribute
{
    public __OspreyEndpointAttribute(int id) { Id = id; }

    public int Id { get; }
}

// What the driver knows of a web case, from the host's analysis.
internal sealed class __OspreyWebCase
{
    public string AppType;
    public string AppMethod;
    public string HandlerType;
    public string HandlerMethod;
    public string[] HandlerParameters;
    public int Marker = -1;
    public int PayloadParameter = -1;
    public string PayloadPart;
    public string PayloadName;
    public string[] Encodings = new string[0];
    public string FileShape = "text";
    public bool Probe;
}

internal static class __OspreyWebDriver
{
    private const int MaxSetupRequests = 6;
    private static bool _setupDone;

    // The setup requests that made the sink reachable: the app keeps their state, so every later payload's replay needs them too.
    private static List<object> _setup = new List<object>();

    internal static object Send(__OspreyWebCase spec, Func<object> direct)
    {
        var problem = __OspreyWebHost.EnsureStarted(spec.AppType, spec.AppMethod).GetAwaiter().GetResult();
        var endpoint = problem == null ? Find(spec) : null;
        if (endpoint == null)
        {
            __Osprey.RunFacts["problem"] = problem ?? "no endpoint of the app runs the handler";
            if (direct == null) throw new InvalidOperationException("Osprey could not drive the endpoint: " + __Osprey.RunFacts["problem"]);
            __Osprey.RunFacts["mode"] = "direct";
            return direct();
        }

        var services = __OspreyWebHost.Host.Services;
        var value = Encode(__Osprey.Current, spec.Encodings);
        var request = __OspreyHttpRequest.For(endpoint, spec, value, services);
        __Osprey.RunFacts["mode"] = "http";
        __Osprey.RunFacts["route"] = request.RouteTemplate;
        __Osprey.RunFacts["auth"] = AuthOf(endpoint);
        var before = __Osprey.ObservationCount;
        var error = Exchange(request);
        if (__Osprey.ObservationCount == before && !_setupDone && !spec.Probe && endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() != null)
        {
            // The sink was not reached: the action may need state its controller's other actions create
            // (an account to sign in to). Send each once with the same harmless values, then try again.
            _setupDone = true;
            var setup = new List<object>();
            foreach (var sibling in Siblings(endpoint, services).Take(MaxSetupRequests))
            {
                var warmUp = __OspreyHttpRequest.For(sibling, null, null, services);
                Exchange(warmUp);
                setup.Add(warmUp.Describe());
                request = __OspreyHttpRequest.For(endpoint, spec, value, services);
                error = Exchange(request);
                if (__Osprey.ObservationCount > before) break;
            }

            // Only the setup requests sent before the sink was reached belong to the replay.
            _setup = setup;
        }

        if (_setup.Count > 0) __Osprey.RunFacts["setup"] = _setup;

        __Osprey.RunFacts["request"] = request.Describe();
        __Osprey.RunFacts["status"] = request.Status;
        if (error != null) throw error;
        return null;
    }

    private static Exception Exchange(__OspreyHttpRequest request)
    {
        var features = request.ToFeatures(Host());
        var error = __OspreyWebHost.Application(features).GetAwaiter().GetResult();
        request.Answered(features);
        return error;
    }

    // The host name the app accepts: the first of AllowedHosts that is not a wildcard, else localhost.
    private static string Host()
    {
        var configuration = __OspreyWebHost.Host.Services.GetService<IConfiguration>();
        var allowed = configuration?["AllowedHosts"] ?? "";
        return allowed.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(h => !h.Contains('*')) ?? "localhost";
    }

    private static Endpoint Find(__OspreyWebCase spec)
    {
        var source = __OspreyWebHost.Host.Services.GetService<EndpointDataSource>();
        if (source == null) return null;
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (spec.Marker >= 0)
            {
                if (endpoint.Metadata.GetMetadata<__OspreyEndpointAttribute>() is { } marker && marker.Id == spec.Marker) return endpoint;
                continue;
            }

            var method = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.MethodInfo ?? endpoint.Metadata.GetMetadata<MethodInfo>();
            if (method != null && method.Name == spec.HandlerMethod && method.DeclaringType?.FullName == spec.HandlerType
                && method.GetParameters().Select(p => p.ParameterType.Name).SequenceEqual(spec.HandlerParameters))
            {
                return endpoint;
            }
        }

        return null;
    }

    private static IEnumerable<Endpoint> Siblings(Endpoint endpoint, IServiceProvider services)
    {
        var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
        var source = services.GetService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>().Where(e =>
            e.Metadata.GetMetadata<ControllerActionDescriptor>() is { } other && other.ControllerTypeInfo == action.ControllerTypeInfo && other.MethodInfo != action.MethodInfo
            && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? new string[0]).Any(m => m == "POST" || m == "PUT"));
    }

    // What the endpoint requires, in the words of the replay's note.
    private static string AuthOf(Endpoint endpoint)
    {
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0 || endpoint.Metadata.GetMetadata<IAllowAnonymous>() != null) return "anonymous";
        var roles = authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).SelectMany(a => a.Roles.Split(',')).Select(r => r.Trim()).Distinct().ToList();
        var policies = authorize.Where(a => !string.IsNullOrEmpty(a.Policy)).Select(a => a.Policy).Distinct().ToList();
        var text = "a signed-in user";
        if (roles.Count > 0) text += " in role " + string.Join(" or ", roles);
        if (policies.Count > 0) text += " meeting policy " + string.Join(", ", policies);
        return text;
    }

    // The trace decodes the value before the sink (Convert.FromBase64String): the request carries it encoded.
    private static string Encode(string payload, string[] encodings)
    {
        var value = payload;
        foreach (var encoding in encodings.Reverse())
        {
            if (encoding == "base64") value = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        }

        return value;
    }
}
