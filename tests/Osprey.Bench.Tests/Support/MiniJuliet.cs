namespace Osprey.Bench.Tests.Support;

/// <summary>
/// A fake Juliet checkout with two CWE-78 cases: variant 01 (one file, Environment source) and
/// variant 22 (parts a and b, QueryString_Web source), written in Juliet's shape.
/// </summary>
public static class MiniJuliet
{
    public const string Folder = "src/testcases/CWE78_OS_Command_Injection";

    // Line numbers below are relied on by the tests: keep them in step with the text.
    public const string Variant01 = """
        using System;
        using System.Diagnostics;
        namespace testcases.CWE78_OS_Command_Injection
        {
        class CWE78_OS_Command_Injection__Environment_01 : AbstractTestCase
        {
        #if (!OMITBAD)
            public override void Bad()
            {
                string data = Environment.GetEnvironmentVariable("ADD");
                Process.Start("/bin/ls " + data);
            }
        #endif //omitbad
        #if (!OMITGOOD)
            public override void Good()
            {
                GoodG2B();
            }
            private void GoodG2B()
            {
                string data = "foo";
                Process.Start("/bin/ls " + data);
            }
        #endif //omitgood
            public static void Main(string[] args) { }
        }
        }
        """;

    public const string Variant22a = """
        namespace testcases.CWE78_OS_Command_Injection
        {
        class CWE78_OS_Command_Injection__QueryString_Web_22a : AbstractTestCaseWeb
        {
        #if (!OMITBAD)
            public override void Bad(System.Web.HttpRequest req, System.Web.HttpResponse resp)
            {
                string data = CWE78_OS_Command_Injection__QueryString_Web_22b.BadSource(req);
                System.Diagnostics.Process.Start(data);
            }
        #endif
        }
        }
        """;

    public const string Variant22b = """
        #if (!OMITBAD)
        namespace testcases.CWE78_OS_Command_Injection
        {
        class CWE78_OS_Command_Injection__QueryString_Web_22b
        {
            public static string BadSource(System.Web.HttpRequest req)
            {
                return req.QueryString["id"];
            }
            public static string GoodG2BSource()
            {
                return "safe";
            }
        }
        }
        #endif
        """;

    public static string Create(TempFolder temp)
    {
        temp.Write($"{Folder}/CWE78_OS_Command_Injection__Environment_01.cs", Variant01);
        temp.Write($"{Folder}/CWE78_OS_Command_Injection__QueryString_Web_22a.cs", Variant22a);
        temp.Write($"{Folder}/CWE78_OS_Command_Injection__QueryString_Web_22b.cs", Variant22b);
        temp.Write($"{Folder}/Program.cs", "class Program { }");
        temp.Write("src/testcasesupport/TestCaseSupport/AbstractTestCase.cs", "public abstract class AbstractTestCase { }");
        return temp.Path;
    }
}
