// Compiled into every harness (not into Osprey): the input provider, the sink recorder and the
// driver loop. The host fills in __OspreyPlan.
using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

internal static class __Osprey
{
    private static readonly List<Dictionary<string, object>> Observations = new List<Dictionary<string, object>>();

    internal static string Current = "";

    // What a web driver learned while sending one payload (the request, the route, the status): reported beside the observations.
    internal static readonly Dictionary<string, object> RunFacts = new Dictionary<string, object>();

    internal static int ObservationCount => Observations.Count;

    // A shared harness instruments the sources and sinks of many findings; one run proves one of
    // them: only its source site yields the payload and only its sink site records. -1: any site.
    internal static int ActiveSource = -1;

    internal static int ActiveSink = -1;

    // Another finding's source in a shared harness yields this harmless text instead of doing I/O.
    private const string Inert = "osprey";

    internal static string Input() => Current;

    internal static T Input<T>() => (T)Convert(Current, typeof(T));

    internal static string Input(int site) => site == ActiveSource || ActiveSource == -1 ? Current : Inert;

    internal static T Input<T>(int site) => (T)Convert(Input(site), typeof(T));

    internal static object Convert(string payload, Type type)
    {
        if (type == typeof(string) || type == typeof(object)) return payload;
        if (type == typeof(string[])) return new[] { payload, payload, payload, payload };
        if (type == typeof(char[])) return payload.ToCharArray();
        if (type == typeof(byte[])) return Encoding.UTF8.GetBytes(payload);
        if (type == typeof(Stream)) return new MemoryStream(Encoding.UTF8.GetBytes(payload));
        if (type == typeof(TextReader) || type == typeof(StreamReader)) return new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        if (typeof(System.Collections.Specialized.NameValueCollection).IsAssignableFrom(type) && type.IsAssignableFrom(typeof(__OspreyPayloadValues))) return new __OspreyPayloadValues(payload);
        if (type == typeof(Uri)) return Uri.TryCreate(payload, UriKind.RelativeOrAbsolute, out var uri) ? uri : null;
        var implicitFromString = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "op_Implicit" && m.ReturnType == type && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType == typeof(string));
        if (implicitFromString != null) return implicitFromString.Invoke(null, new object[] { payload });
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        try
        {
            return System.Convert.ChangeType(payload, Nullable.GetUnderlyingType(type) ?? type, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            return Fill(type, payload);
        }
    }

    // A bound model object: its string properties all carry the payload; a collection (cookies,
    // headers) gets one element made from the payload.
    internal static object Fill(Type type, string payload)
    {
        if (type.IsValueType) return Activator.CreateInstance(type);
        if (type.IsInterface || type.IsAbstract) return null;
        object instance = Construct(type);
        if (instance == null) return null;
        var add = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(m => m.Name == "Add" && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType != typeof(object));
        if (add != null && typeof(IEnumerable).IsAssignableFrom(type))
        {
            try { add.Invoke(instance, new[] { Convert(payload, add.GetParameters()[0].ParameterType) }); } catch (Exception) { }
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.CanWrite && property.GetIndexParameters().Length == 0)
            {
                try { property.SetValue(instance, payload); } catch (Exception) { }
            }
        }
        return instance;
    }

    // Receivers and dependencies with defaults: the constructor with the fewest parameters, its
    // parameters built the same way; interfaces get a proxy whose members return defaults.
    internal static object Construct(Type type, int depth = 0)
    {
        if (type == typeof(string)) return "osprey";
        if (type.IsValueType) return Activator.CreateInstance(type);
        if (type.IsArray) return Array.CreateInstance(type.GetElementType(), 0);
        if (type.IsInterface) return depth < 4 ? __OspreyNullProxy.For(type) : null;
        if (type.IsAbstract || type.ContainsGenericParameters) return null;
        var all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        foreach (var ctor in type.GetConstructors(all).OrderBy(c => c.IsPublic ? 0 : 1).ThenBy(c => c.GetParameters().Length))
        {
            if (depth >= 4 && ctor.GetParameters().Length > 0) continue;
            try { return ctor.Invoke(ctor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Construct(p.ParameterType, depth + 1)).ToArray()); }
            catch (Exception) { }
        }
        return RuntimeHelpers.GetUninitializedObject(type);
    }

    // Calls the entry point by reflection (it may be private), binding the payload to the
    // source parameter and defaults to the rest.
    internal static object InvokeEntry(string typeName, string methodName, string[] parameterTypes, int payloadParameter)
    {
        var type = typeof(__Osprey).Assembly.GetType(typeName, true);
        var all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var candidates = methodName == ".ctor" ? type.GetConstructors(all).Cast<MethodBase>() : type.GetMethods(all).Where(m => m.Name == methodName);
        var method = candidates.First(m => m.GetParameters().Select(p => p.ParameterType.Name).SequenceEqual(parameterTypes));
        var args = method.GetParameters().Select((p, i) =>
            i == payloadParameter ? Convert(Current, p.ParameterType)
            : p.ParameterType == typeof(string[]) ? Convert(Current, p.ParameterType)
            : p.HasDefaultValue ? p.DefaultValue
            : Construct(p.ParameterType)).ToArray();
        if (method is ConstructorInfo constructor) return constructor.Invoke(args);
        return method.Invoke(method.IsStatic ? null : Construct(type), args);
    }

    // An XML input file the program opens by a fixed name and the sandbox lacks: an empty document
    // stands in (the XPath oracle reads the query, never the document).
    internal static System.Xml.XPath.XPathDocument XPathDocument(string path) =>
        File.Exists(path) ? new System.Xml.XPath.XPathDocument(path) : new System.Xml.XPath.XPathDocument(new StringReader("<osprey/>"));

    internal static T Sink<T>(string kind, string api, object receiver, object[] arguments, bool passThrough)
    {
        Record(kind, api, receiver, arguments);
        if (passThrough && arguments.Length > 0 && arguments[arguments.Length - 1] is T value) return value;
        return default(T);
    }

    internal static void SinkVoid(string kind, string api, object receiver, object[] arguments) => Record(kind, api, receiver, arguments);

    internal static T Sink<T>(string kind, string api, object receiver, object[] arguments, bool passThrough, int site)
    {
        if (site == ActiveSink || ActiveSink == -1) Record(kind, api, receiver, arguments);
        if (passThrough && arguments.Length > 0 && arguments[arguments.Length - 1] is T value) return value;
        return default(T);
    }

    internal static void SinkVoid(string kind, string api, object receiver, object[] arguments, int site)
    {
        if (site == ActiveSink || ActiveSink == -1) Record(kind, api, receiver, arguments);
    }

    // The shared harness's Main calls this with the case it was asked to run.
    internal static int DriveCase(int sourceSite, int sinkSite, string[] payloads, Func<object> entry)
    {
        ActiveSource = sourceSite;
        ActiveSink = sinkSite;
        return Drive(payloads, entry);
    }

    private static void Record(string kind, string api, object receiver, object[] arguments)
    {
        var facts = new Dictionary<string, string>();
        var values = new List<string>();
        __OspreyObservers.Describe(kind, api, receiver, arguments ?? new object[0], values, facts);
        facts["cwd"] = Environment.CurrentDirectory;
        Observations.Add(new Dictionary<string, object> { ["kind"] = kind, ["api"] = api, ["values"] = values, ["facts"] = facts });
    }

    internal static int Drive(string[] payloads, Func<object> entry)
    {
        var results = new List<Dictionary<string, object>>();
        for (var i = 0; i < payloads.Length; i++)
        {
            Current = payloads[i];
            string error = null;
            // A program may choose its branch at random (Juliet's IO.StaticReturnsTrueOrFalse): a run
            // whose sink did not receive the payload is repeated a few times before it counts. A web
            // request is not repeated: the driver already tried the app's setup requests, and a second
            // round would register the same account again.
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                Observations.Clear();
                RunFacts.Clear();
                error = null;
                try
                {
                    var result = entry();
                    if (result is Task task) task.GetAwaiter().GetResult();
                }
                catch (TargetInvocationException e) { error = Describe(e.InnerException ?? e); }
                catch (Exception e) { error = Describe(e); }
                if (CarriesPayload() || RunFacts.ContainsKey("mode")) break;
            }
            var run = new Dictionary<string, object> { ["payload"] = i, ["observations"] = Observations.ToList(), ["error"] = error };
            if (RunFacts.Count > 0) run["web"] = new Dictionary<string, object>(RunFacts);
            results.Add(run);
        }
        Console.Out.Flush();
        Console.WriteLine("@@OSPREY@@" + JsonSerializer.Serialize(results));
        return 0;
    }

    private const int Attempts = 4;

    // Whether a recorded value holds the payload, or one of its '|'-separated parts (a program may split it).
    private static bool CarriesPayload()
    {
        var parts = new[] { Current }.Concat(Current.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 0).ToList();
        return Observations.Any(o => o["values"] is List<string> values && values.Any(v => v != null && parts.Any(p => v.Contains(p))));
    }

    private static string Describe(Exception e) => e.GetType().FullName + ": " + e.Message;
}

// Query strings, forms, headers: every name holds the payload.
internal sealed class __OspreyPayloadValues : System.Collections.Specialized.NameValueCollection
{
    private readonly string _payload;

    public __OspreyPayloadValues(string payload)
    {
        _payload = payload;
        base.Add("osprey", payload);
    }

    public override string Get(string name) => _payload;

    public override string[] GetValues(string name) => new[] { _payload };
}

public class __OspreyNullProxy : DispatchProxy
{
    internal static object For(Type type)
    {
        try
        {
            var create = typeof(DispatchProxy).GetMethods().First(m => m.Name == "Create" && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 2);
            return create.MakeGenericMethod(type, typeof(__OspreyNullProxy)).Invoke(null, null);
        }
        catch (Exception) { return null; }
    }

    protected override object Invoke(MethodInfo targetMethod, object[] args)
    {
        var type = targetMethod.ReturnType;
        if (type == typeof(void)) return null;
        if (type == typeof(Task)) return Task.CompletedTask;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var inner = type.GetGenericArguments()[0];
            var value = inner.IsValueType ? Activator.CreateInstance(inner) : null;
            return typeof(Task).GetMethod("FromResult").MakeGenericMethod(inner).Invoke(null, new[] { value });
        }
        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}
