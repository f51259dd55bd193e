// Compiled into harnesses of ASP.NET Core apps: the request model binding turns into a handler's
// arguments. Each parameter's binding source comes from the app itself (the action descriptor's
// binding info, which [ApiController] conventions have filled in, or the parameter's [From*]
// attributes), else from the rules ASP.NET Core infers by: services, special types, files, route
// parameters, simple types from the query, complex types from the body. The payload goes where
// the source parameter (or the request value the source reads) comes from; every other value is
// harmless ("osprey", 1, true).
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

internal sealed class __OspreyHttpRequest
{
    private const string Boundary = "----OspreyFormBoundary";
    private const string Inert = "osprey";

    public string Method = "GET";
    public string RouteTemplate = "/";
    public readonly List<KeyValuePair<string, string>> RouteValues = new List<KeyValuePair<string, string>>();
    public string Path = "/";
    public readonly List<KeyValuePair<string, string>> Query = new List<KeyValuePair<string, string>>();
    public readonly List<KeyValuePair<string, string>> Headers = new List<KeyValuePair<string, string>>();
    public readonly List<KeyValuePair<string, string>> Cookies = new List<KeyValuePair<string, string>>();
    public readonly List<KeyValuePair<string, string>> Form = new List<KeyValuePair<string, string>>();
    public readonly List<(string Field, string FileName, byte[] Content)> Files = new List<(string, string, byte[])>();
    public string Json;
    public int Status;
    public readonly List<KeyValuePair<string, string>> ResponseHeaders = new List<KeyValuePair<string, string>>();
    public string ResponseBody;
    internal MemoryStream ResponseStream;

    internal static __OspreyHttpRequest For(Endpoint endpoint, __OspreyWebCase spec, string payload, IServiceProvider services)
    {
        var route = (RouteEndpoint)endpoint;
        var request = new __OspreyHttpRequest { Method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET" };
        var routeNames = route.RoutePattern.Parameters.Select(p => p.Name).ToList();
        var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
        var handler = action?.MethodInfo ?? endpoint.Metadata.GetMetadata<MethodInfo>();
        var isService = services.GetService<IServiceProviderIsService>();
        var jsonBodies = action == null || action.ControllerTypeInfo.GetCustomAttributes(true).Any(a => a.GetType().Name == "ApiControllerAttribute");
        var parameters = handler?.GetParameters() ?? new ParameterInfo[0];
        foreach (var parameter in parameters)
        {
            var descriptor = action?.Parameters.FirstOrDefault(p => p is ControllerParameterDescriptor c && c.ParameterInfo.Position == parameter.Position);
            var name = descriptor?.BindingInfo?.BinderModelName ?? NameFromAttributes(parameter) ?? parameter.Name;
            var bindingSource = SourceOf(parameter, descriptor?.BindingInfo?.BindingSource?.Id, routeNames, isService, jsonBodies, request.Method);
            var carriesPayload = spec != null && payload != null && spec.PayloadParameter == parameter.Position && spec.PayloadPart == null;
            request.Bind(bindingSource, name, parameter.ParameterType, carriesPayload ? payload : null, spec?.FileShape ?? "text");
        }

        if (spec != null && payload != null && spec.PayloadPart != null)
        {
            request.Bind(spec.PayloadPart, spec.PayloadName, typeof(string), payload, spec.FileShape);
        }

        request.RouteTemplate = request.Method + " /" + route.RoutePattern.RawText?.TrimStart('/');
        request.Path = PathOf(route.RoutePattern, request.RouteValues);
        return request;
    }

    private static string NameFromAttributes(ParameterInfo parameter)
    {
        foreach (var attribute in parameter.GetCustomAttributes(true))
        {
            switch (attribute)
            {
                case IFromQueryMetadata q when !string.IsNullOrEmpty(q.Name): return q.Name;
                case IFromRouteMetadata r when !string.IsNullOrEmpty(r.Name): return r.Name;
                case IFromHeaderMetadata h when !string.IsNullOrEmpty(h.Name): return h.Name;
                case IFromFormMetadata f when !string.IsNullOrEmpty(f.Name): return f.Name;
            }
        }

        return null;
    }

    // query, route, form, header, body, file, or none (services, special types).
    private static string SourceOf(ParameterInfo parameter, string bindingSourceId, List<string> routeNames, IServiceProviderIsService isService, bool jsonBodies, string method)
    {
        switch (bindingSourceId)
        {
            case "Query": return "query";
            case "Path": return "route";
            case "Form": return "form";
            case "FormFile": return "file";
            case "Header": return "header";
            case "Body": return "body";
            case "Services": case "Special": case "FromKeyedServices": return "none";
        }

        foreach (var attribute in parameter.GetCustomAttributes(true))
        {
            switch (attribute)
            {
                case IFromServiceMetadata: return "none";
                case IFromQueryMetadata: return "query";
                case IFromRouteMetadata: return "route";
                case IFromHeaderMetadata: return "header";
                case IFromFormMetadata: return IsFile(parameter.ParameterType) ? "file" : "form";
                case IFromBodyMetadata: return "body";
            }
        }

        var type = parameter.ParameterType;
        if (IsFile(type)) return "file";
        if (IsSpecial(type) || isService != null && isService.IsService(type)) return "none";
        if (routeNames.Any(n => string.Equals(n, parameter.Name, StringComparison.OrdinalIgnoreCase))) return "route";
        if (IsSimple(type) || type.IsArray && IsSimple(type.GetElementType())) return "query";
        return jsonBodies ? "body" : method == "GET" ? "query-fields" : "form-fields";
    }

    private void Bind(string source, string name, Type type, string payload, string fileShape)
    {
        var text = payload ?? InertFor(type);
        switch (source)
        {
            case "query": Query.Add(new KeyValuePair<string, string>(name, text)); break;
            case "route": RouteValues.Add(new KeyValuePair<string, string>(name, text)); break;
            case "form": Form.Add(new KeyValuePair<string, string>(name, text)); break;
            case "header":
                // No HTTP client or server lets a header value carry a line break: such a payload cannot be sent.
                if (text.IndexOfAny(new[] { '\r', '\n' }) >= 0) throw new InvalidOperationException("a request header cannot carry a payload with CR or LF");
                Headers.Add(new KeyValuePair<string, string>(name, text));
                break;
            case "cookie": Cookies.Add(new KeyValuePair<string, string>(name, text)); break;
            case "body": Json = type == typeof(string) ? JsonSerializer.Serialize(text) : JsonSerializer.Serialize(Sample(type, payload ?? Inert, 0)); break;
            case "file": Files.Add(File(name, fileShape, payload)); break;
            case "query-fields": Query.AddRange(Fields(type, payload)); break;
            case "form-fields": Form.AddRange(Fields(type, payload)); break;
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(Type type, string payload) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsSimple(p.PropertyType))
            .Select(p => new KeyValuePair<string, string>(p.Name, p.PropertyType == typeof(string) ? payload ?? Inert : InertFor(p.PropertyType)));

    // A form file shaped for the parser the path feeds it to; the payload is its entries' names (zip), its text and, when a header can carry it, its file name.
    private static (string, string, byte[]) File(string field, string shape, string payload)
    {
        var text = payload ?? Inert;
        var canName = payload != null && payload.IndexOfAny(new[] { '"', '\r', '\n' }) < 0;
        switch (shape)
        {
            case "zip":
                using (var buffer = new MemoryStream())
                {
                    using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
                    {
                        using var writer = new StreamWriter(zip.CreateEntry(payload ?? "osprey.txt").Open());
                        writer.Write(Inert);
                    }

                    return (field, canName ? payload : "osprey.zip", buffer.ToArray());
                }
            case "xml":
                return (field, canName ? payload : "osprey.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><osprey>" + System.Security.SecurityElement.Escape(text) + "</osprey>"));
            default:
                return (field, canName ? payload : "osprey.txt", Encoding.UTF8.GetBytes(text));
        }
    }

    private static object Sample(Type type, string text, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return text;
        if (underlying == typeof(bool)) return true;
        if (underlying.IsEnum) return Enum.GetNames(underlying).FirstOrDefault();
        if (underlying.IsPrimitive || underlying == typeof(decimal)) return 1;
        if (IsSimple(underlying)) return InertFor(underlying);
        if (underlying.IsArray || typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying) || depth > 2) return null;
        var sample = new Dictionary<string, object>();
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var value = Sample(property.PropertyType, text, depth + 1);
            if (value != null) sample[property.Name] = value;
        }

        return sample;
    }

    private static string InertFor(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray) underlying = underlying.GetElementType();
        if (underlying == typeof(bool)) return "true";
        if (underlying == typeof(Guid)) return "00000000-0000-0000-0000-000000000001";
        if (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(DateOnly)) return "2024-01-01";
        if (underlying == typeof(TimeSpan) || underlying == typeof(TimeOnly)) return "00:00:01";
        if (underlying.IsEnum) return Enum.GetNames(underlying).FirstOrDefault() ?? "0";
        if (underlying.IsPrimitive || underlying == typeof(decimal)) return underlying == typeof(char) ? "o" : "1";
        return Inert;
    }

    private static bool IsFile(Type type) => typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type);

    private static bool IsSpecial(Type type) =>
        type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(System.Threading.CancellationToken)
        || type == typeof(System.Security.Claims.ClaimsPrincipal) || type == typeof(Stream) || typeof(IFormCollection).IsAssignableFrom(type)
        || type.FullName == "System.IO.Pipelines.PipeReader";

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal) || underlying == typeof(Guid)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeSpan) || underlying == typeof(Uri)
            || underlying == typeof(DateOnly) || underlying == typeof(TimeOnly)
            || underlying.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "TryParse" && m.GetParameters().FirstOrDefault()?.ParameterType == typeof(string));
    }

    // The route template with each parameter's value (escaped: like Kestrel, the server decodes all but %2F) (or a default its constraint accepts).
    private static string PathOf(RoutePattern pattern, List<KeyValuePair<string, string>> values)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(values.Where(v => string.Equals(v.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Select(v => v.Value).FirstOrDefault()
                ?? pattern.Defaults.GetValueOrDefault(parameter.Name)?.ToString() ?? DefaultFor(parameter)),
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    private static string DefaultFor(RoutePatternParameterPart parameter)
    {
        var policies = string.Join(",", parameter.ParameterPolicies.Select(p => p.Content ?? ""));
        if (policies.Contains("int") || policies.Contains("long") || policies.Contains("decimal") || policies.Contains("double") || policies.Contains("float") || policies.Contains("min") || policies.Contains("range")) return "1";
        if (policies.Contains("guid")) return "00000000-0000-0000-0000-000000000001";
        if (policies.Contains("bool")) return "true";
        return Inert;
    }

    private const int MaxResponseText = 4096;

    // What the app answered: its headers and the start of its body.
    internal void Answered(IFeatureCollection features)
    {
        var response = features.Get<IHttpResponseFeature>();
        Status = response.StatusCode;
        foreach (var header in response.Headers)
        {
            foreach (var value in header.Value) ResponseHeaders.Add(new KeyValuePair<string, string>(header.Key, value));
        }

        var bytes = ResponseStream.ToArray();
        ResponseBody = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxResponseText));
    }

    internal IFeatureCollection ToFeatures(string host)
    {
        var headers = new HeaderDictionary { ["Host"] = host };
        byte[] body = new byte[0];
        if (Files.Count > 0)
        {
            body = Multipart();
            headers["Content-Type"] = "multipart/form-data; boundary=" + Boundary;
        }
        else if (Form.Count > 0)
        {
            body = Encoding.UTF8.GetBytes(Encoded(Form));
            headers["Content-Type"] = "application/x-www-form-urlencoded";
        }
        else if (Json != null)
        {
            body = Encoding.UTF8.GetBytes(Json);
            headers["Content-Type"] = "application/json";
        }

        if (body.Length > 0) headers["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var header in Headers) headers.Append(header.Key, header.Value);
        if (Cookies.Count > 0) headers["Cookie"] = string.Join("; ", Cookies.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)));
        var query = Query.Count == 0 ? "" : "?" + Encoded(Query);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = Method, Scheme = "http", Protocol = "HTTP/1.1", PathBase = "", Path = Uri.UnescapeDataString(Path.Replace("%2F", "%252F", StringComparison.OrdinalIgnoreCase)), QueryString = query,
            RawTarget = Path + query, Headers = headers, Body = new MemoryStream(body),
        });
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        ResponseStream = new MemoryStream();
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(ResponseStream));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature());
        features.Set<IHttpRequestBodyDetectionFeature>(new __OspreyBodyDetection(body.Length > 0));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { ConnectionId = "osprey", LocalIpAddress = IPAddress.Loopback, LocalPort = 5000, RemoteIpAddress = IPAddress.Loopback, RemotePort = 40000 });
        return features;
    }

    private static string Encoded(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private byte[] Multipart()
    {
        using var body = new MemoryStream();
        void Write(string text) { var bytes = Encoding.UTF8.GetBytes(text); body.Write(bytes, 0, bytes.Length); }
        foreach (var field in Form)
        {
            Write("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"" + field.Key + "\"\r\n\r\n" + field.Value + "\r\n");
        }

        foreach (var (field, fileName, content) in Files)
        {
            Write("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.Write(content, 0, content.Length);
            Write("\r\n");
        }

        Write("--" + Boundary + "--\r\n");
        return body.ToArray();
    }

    // The request as the replay needs it: every part that carried a value.
    internal Dictionary<string, object> Describe()
    {
        string[][] Pairs(IEnumerable<KeyValuePair<string, string>> pairs) => pairs.Select(p => new[] { p.Key, p.Value }).ToArray();
        return new Dictionary<string, object>
        {
            ["method"] = Method,
            ["route"] = RouteTemplate,
            ["path"] = Path,
            ["query"] = Pairs(Query),
            ["headers"] = Pairs(Headers),
            ["cookies"] = Pairs(Cookies),
            ["form"] = Pairs(Form),
            ["files"] = Files.Select(f => new[] { f.Field, f.FileName, Convert.ToBase64String(f.Content) }).ToArray(),
            ["json"] = Json,
            ["status"] = Status,
            ["responseHeaders"] = Pairs(ResponseHeaders),
            ["responseBody"] = ResponseBody,
        };
    }
}

internal sealed class __OspreyBodyDetection : IHttpRequestBodyDetectionFeature
{
    public __OspreyBodyDetection(bool canHaveBody) { CanHaveBody = canHaveBody; }

    public bool CanHaveBody { get; }
}
