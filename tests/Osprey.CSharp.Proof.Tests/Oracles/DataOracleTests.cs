using Osprey.CSharp.Proof.Oracles;
using static Osprey.CSharp.Proof.Tests.Oracles.OracleTestSupport;

namespace Osprey.CSharp.Proof.Tests.Oracles;

public sealed class DataOracleTests
{
    [Fact]
    public void Path_TraversalResolvesToCanary_IsExploitable()
    {
        var payload = Payload("path-injection");

        var verdict = Judge("path-injection", payload, Observe("path-injection", "/srv/uploads/" + payload.Value));

        Assert.True(verdict.Exploitable);
    }

    [Fact]
    public void Path_FileNameOnlyUnderBase_IsNeutralised()
    {
        var payload = Payload("path-injection");

        var verdict = Judge("path-injection", payload, Observe("path-injection", "/srv/uploads/" + Path.GetFileName(payload.Value)));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void Ldap_UnescapedFilterSyntax_IsExploitable()
    {
        var payload = Payload("ldap-injection");

        Assert.True(Judge("ldap-injection", payload, Observe("ldap-injection", "(&(uid=" + payload.Value + ")(objectClass=person))")).Exploitable);
    }

    [Fact]
    public void Ldap_Rfc4515Escaped_IsNeutralised()
    {
        var payload = Payload("ldap-injection");
        var escaped = payload.Value.Replace("*", "\\2a", StringComparison.Ordinal).Replace("(", "\\28", StringComparison.Ordinal).Replace(")", "\\29", StringComparison.Ordinal);

        var verdict = Judge("ldap-injection", payload, Observe("ldap-injection", "(uid=" + escaped + ")"));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void XPath_ClosesLiteralAndAddsPredicate_IsExploitable()
    {
        var payload = Payload("xpath-injection");

        Assert.True(Judge("xpath-injection", payload, Observe("xpath-injection", "//user[name/text()='" + payload.Value + "']")).Exploitable);
    }

    [Fact]
    public void XPath_PayloadInsideOtherQuoteKind_IsNeutralised()
    {
        var payload = Payload("xpath-injection");

        var verdict = Judge("xpath-injection", payload, Observe("xpath-injection", "//user[name/text()=\"" + payload.Value + "\"]"));

        Assert.False(verdict.Exploitable);
    }

    [Fact]
    public void Deserialization_TypeNameHandlingAllWithDollarType_IsExploitable()
    {
        var payload = Payload("unsafe-deserialization");
        var observation = Observe("unsafe-deserialization", payload.Value).WithFact("formatter", "JsonConvert.DeserializeObject").WithFact("TypeNameHandling", "All");

        Assert.True(Judge("unsafe-deserialization", payload, observation).Exploitable);
    }

    [Fact]
    public void Deserialization_TypeNameHandlingNone_IsNeutralised()
    {
        var payload = Payload("unsafe-deserialization");
        var observation = Observe("unsafe-deserialization", payload.Value).WithFact("formatter", "JsonConvert.DeserializeObject").WithFact("TypeNameHandling", "None");

        var verdict = Judge("unsafe-deserialization", payload, observation);

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void Deserialization_BinaryFormatterGivenAttackerData_IsExploitable()
    {
        var payload = Payload("unsafe-deserialization");
        var observation = Observe("unsafe-deserialization", payload.Value).WithFact("formatter", "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter.Deserialize");

        Assert.True(Judge("unsafe-deserialization", payload, observation).Exploitable);
    }

    [Fact]
    public void Log_NewlineIntact_IsExploitable()
    {
        var payload = Payload("log-injection");

        Assert.True(Judge("log-injection", payload, Observe("log-injection", "Login failed for " + payload.Value)).Exploitable);
    }

    [Fact]
    public void Log_NewlinesReplaced_IsNeutralised()
    {
        var payload = Payload("log-injection");
        var cleaned = payload.Value.Replace("\r", "_", StringComparison.Ordinal).Replace("\n", "_", StringComparison.Ordinal);

        var verdict = Judge("log-injection", payload, Observe("log-injection", "Login failed for " + cleaned));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void FormatString_PayloadIsTheFormat_IsExploitable()
    {
        var payload = Payload("format-string");

        Assert.True(Judge("format-string", payload, Observe("format-string", payload.Value, "secret")).Exploitable);
    }

    [Fact]
    public void FormatString_PayloadIsAnArgument_IsNeutralised()
    {
        var payload = Payload("format-string");

        var verdict = Judge("format-string", payload, Observe("format-string", "Hello {0}", payload.Value));

        Assert.False(verdict.Exploitable);
        Assert.True(verdict.Reached);
    }

    [Fact]
    public void Config_PayloadAddsCatalog_IsExploitable()
    {
        var payload = Payload("config-injection");

        var verdict = Judge("config-injection", payload, Observe("config-injection", "Data Source=db;User ID=" + payload.Value + ";Password=x"));

        Assert.True(verdict.Exploitable);
        Assert.Contains("Initial Catalog", verdict.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Config_HardcodedConnectionString_PayloadNotReached()
    {
        var verdict = Judge("config-injection", Payload("config-injection"), Observe("config-injection", "Data Source=db;User ID=foo"));

        Assert.False(verdict.Reached);
    }

    [Fact]
    public void Reflection_AttackerNamesType_IsExploitable()
    {
        var payload = Payload("unsafe-reflection");

        Assert.True(Judge("unsafe-reflection", payload, Observe("unsafe-reflection", payload.Value)).Exploitable);
    }

    [Fact]
    public void Reflection_TypeNameAfterNullAssemblyName_IsExploitable()
    {
        var payload = Payload("unsafe-reflection");
        var createInstance = new SinkObservation { SinkKind = "unsafe-reflection", Api = "System.Activator.CreateInstance", Values = [null, payload.Value] };

        Assert.True(Judge("unsafe-reflection", payload, createInstance).Exploitable);
    }

    [Fact]
    public void Reflection_NameUnderFixedNamespace_IsNeutralised()
    {
        var payload = Payload("unsafe-reflection");

        Assert.False(Judge("unsafe-reflection", payload, Observe("unsafe-reflection", "Shop.Plugins." + payload.Value)).Exploitable);
    }

    [Fact]
    public void For_EveryKindOfTheEngineContract_HasAnOracleWithPayloads()
    {
        string[] kinds = ["sql-injection", "command-injection", "path-injection", "xss", "ldap-injection", "xpath-injection", "open-redirect",
            "ssrf", "unsafe-deserialization", "log-injection", "header-injection", "format-string", "config-injection", "unsafe-reflection"];

        Assert.All(kinds, k => Assert.NotEmpty(PayloadsOf(k)));
    }
}
