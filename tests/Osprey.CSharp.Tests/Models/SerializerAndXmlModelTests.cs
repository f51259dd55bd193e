using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>Type-resolving deserializers, XPath and XML parsers.</summary>
public sealed class SerializerAndXmlModelTests
{
    private const string Formatters = """
        namespace System.Runtime.Serialization.Formatters.Binary
        {
            public sealed class BinaryFormatter { public extern object Deserialize(System.IO.Stream stream); }
        }
        namespace System.Runtime.Serialization
        {
            public sealed class NetDataContractSerializer { public extern object ReadObject(System.IO.Stream stream); }
        }
        namespace System.Web.Script.Serialization
        {
            public abstract class JavaScriptTypeResolver { }
            public sealed class SimpleTypeResolver : JavaScriptTypeResolver { }
            public sealed class JavaScriptSerializer
            {
                public extern JavaScriptSerializer();
                public extern JavaScriptSerializer(JavaScriptTypeResolver resolver);
                public extern object DeserializeObject(string input);
                public extern T Deserialize<T>(string input);
            }
        }

        """;

    [Fact]
    public void RequestBody_BinaryFormatter_UnsafeDeserialization_Diagnostic()
    {
        const string source = "using Microsoft.AspNetCore.Http;\n" + Formatters + """
            public static class Import
            {
                public static object Load(HttpRequest request)
                {
                    var body = request.Body; // source
                    return new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter().Deserialize(body); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/unsafe-deserialization");
        Assert.Equal(new[] { 502 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void RequestBody_NetDataContractSerializer_UnsafeDeserialization_Diagnostic()
    {
        const string source = "using Microsoft.AspNetCore.Http;\n" + Formatters + """
            public static class Import
            {
                public static object Load(HttpRequest request)
                {
                    var body = request.Body; // source
                    return new System.Runtime.Serialization.NetDataContractSerializer().ReadObject(body); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/unsafe-deserialization");
    }

    [Fact]
    public void RequestBody_SystemTextJsonToFixedType_NoDiagnostic()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            public sealed class Order { public string Item { get; set; } = ""; }
            public static class Import
            {
                public static Order? Load(HttpRequest request) => System.Text.Json.JsonSerializer.Deserialize<Order>(request.Body);
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/unsafe-deserialization");
    }

    [Fact]
    public void JavaScriptSerializerWithSimpleTypeResolver_UnsafeDeserialization_Diagnostic()
    {
        const string source = "using System.Web.Script.Serialization;\n" + Formatters + """
            public static class Import
            {
                public static object Load()
                {
                    var json = System.Console.ReadLine()!; // source
                    var serializer = new JavaScriptSerializer(new SimpleTypeResolver());
                    return serializer.DeserializeObject(json); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/unsafe-deserialization");
    }

    [Fact]
    public void JavaScriptSerializerWithoutResolver_NoDiagnostic()
    {
        const string source = "using System.Web.Script.Serialization;\n" + Formatters + """
            public static class Import
            {
                public static object Load()
                {
                    var json = System.Console.ReadLine()!;
                    return new JavaScriptSerializer().DeserializeObject(json);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/unsafe-deserialization");
    }

    [Fact]
    public void RequestQuery_XmlNodeSelectNodes_XPathInjection_Diagnostic_AndEscapedNot()
    {
        const string source = """
            using System.Xml; using Microsoft.AspNetCore.Http;
            public static class Users
            {
                public static object? Find(HttpRequest request, XmlDocument doc)
                {
                    var user = request.Query["user"].ToString(); // source
                    doc.SelectNodes("//user[name='" + System.Security.SecurityElement.Escape(user) + "']");
                    return doc.SelectSingleNode("//user[name='" + user + "']"); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xpath-injection");
    }

    [Fact]
    public void RequestBody_XmlReaderWithDtdParse_Xxe_Diagnostic()
    {
        const string source = """
            using System.IO; using System.Xml; using Microsoft.AspNetCore.Http;
            public static class Feed
            {
                public static void Read(HttpRequest request)
                {
                    var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() };
                    var body = request.Body; // source
                    using var reader = XmlReader.Create(body, settings); // sink
                    while (reader.Read()) { }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xxe");
    }

    [Fact]
    public void RequestBody_XmlReaderWithDefaultSettings_NoDiagnostic()
    {
        const string source = """
            using System.IO; using System.Xml; using Microsoft.AspNetCore.Http;
            public static class Feed
            {
                public static void Read(HttpRequest request)
                {
                    using var reader = XmlReader.Create(request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                    while (reader.Read()) { }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/xxe");
    }

    [Fact]
    public void RequestBody_XmlTextReader_Xxe_Diagnostic()
    {
        const string source = """
            using System.IO; using System.Xml; using Microsoft.AspNetCore.Http;
            public static class Feed
            {
                public static void Read(HttpRequest request)
                {
                    var body = request.Body; // source
                    using var reader = new XmlTextReader(body); // sink
                    while (reader.Read()) { }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xxe");
    }

    [Fact]
    public void RequestQuery_XmlDocumentWithResolver_Xxe_Diagnostic()
    {
        const string source = """
            using System.Xml; using Microsoft.AspNetCore.Http;
            public static class Feed
            {
                public static XmlDocument Read(HttpRequest request)
                {
                    var xml = request.Query["xml"].ToString(); // source
                    var document = new XmlDocument();
                    document.XmlResolver = new XmlUrlResolver();
                    document.LoadXml(xml); // sink
                    return document;
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/xxe");
    }

    [Fact]
    public void RequestQuery_XmlDocumentWithDefaultResolver_NoDiagnostic()
    {
        const string source = """
            using System.Xml; using Microsoft.AspNetCore.Http;
            public static class Feed
            {
                public static XmlDocument Read(HttpRequest request)
                {
                    var document = new XmlDocument { XmlResolver = null };
                    document.LoadXml(request.Query["xml"].ToString());
                    var other = new XmlDocument();
                    other.LoadXml(request.Query["other"].ToString());
                    return document;
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/xxe");
    }
}
