using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Json.NET deserialization is a sink only when its settings let the data name types.</summary>
public sealed class JsonTypeNameHandlingTests
{
    // Json.NET's surface, declared without bodies so that the calls are library calls as with the real package.
    private const string JsonNet = """
        namespace Newtonsoft.Json
        {
            public enum TypeNameHandling { None = 0, Objects = 1, All = 3 }
            public sealed class JsonSerializerSettings { public TypeNameHandling TypeNameHandling { get; set; } }
            public static class JsonConvert
            {
                public static extern T DeserializeObject<T>(string value, JsonSerializerSettings settings);
            }
        }
        """;

    private static string Program(string settings) => JsonNet + $$"""

        public sealed class Cart { }
        public static class Store
        {
            private static readonly Newtonsoft.Json.JsonSerializerSettings Settings = {{settings}};
            public static Cart Load()
            {
                string json = System.Console.ReadLine()!; // source
                return Newtonsoft.Json.JsonConvert.DeserializeObject<Cart>(json, Settings); // sink
            }
        }
        """;

    [Fact]
    public void ReadLine_SettingsFieldWithTypeNameHandlingAll_Diagnostic()
    {
        var source = Program("new() { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All }");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/unsafe-deserialization");
    }

    [Fact]
    public void ReadLine_SettingsFieldWithTypeNameHandlingNone_NoDiagnostic()
    {
        var source = Program("new() { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None }");

        FindingAssert.None(TaintRun.Library(source), "cs/unsafe-deserialization");
    }
}
