using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// An interface method the code declares but never implements is assumed to keep its arguments in
/// the object only when it returns no data (a setter, an <c>Add</c>, a <c>SaveAsync</c>, a <c>bool Put</c>);
/// a method that returns data (a query) turns them into that value and leaves the object as it was.
/// </summary>
public sealed class UnimplementedInterfaceTests
{
    private const string Repository = """
        using System; using System.Collections.Generic; using System.Diagnostics; using System.Threading.Tasks;
        public interface IRepository
        {
            List<string> Find(string name);
            Task SaveAsync(string name);
            bool Put(string name);
            string DefaultCommand();
        }
        """;

    [Fact]
    public void ReadLine_PassedToQueryMethod_LaterGetter_NoDiagnostic()
    {
        const string source = Repository + """
            public static class Use
            {
                public static void Run(IRepository repository)
                {
                    Console.WriteLine(repository.Find(Console.ReadLine()!).Count);
                    Process.Start(repository.DefaultCommand());
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_PassedToQueryMethod_ItsResult_Diagnostic()
    {
        const string source = Repository + """
            public static class Use
            {
                public static void Run(IRepository repository)
                {
                    var found = repository.Find(Console.ReadLine()!); // source
                    Process.Start(found[0]); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_PassedToTaskReturningCommand_LaterGetter_Diagnostic()
    {
        const string source = Repository + """
            public static class Use
            {
                public static async Task Run(IRepository repository)
                {
                    await repository.SaveAsync(Console.ReadLine()!); // source
                    Process.Start(repository.DefaultCommand()); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_PassedToBooleanCommand_LaterGetter_Diagnostic()
    {
        const string source = Repository + """
            public static class Use
            {
                public static void Run(IRepository repository)
                {
                    if (repository.Put(Console.ReadLine()!)) // source
                    {
                        Process.Start(repository.DefaultCommand()); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }
}
