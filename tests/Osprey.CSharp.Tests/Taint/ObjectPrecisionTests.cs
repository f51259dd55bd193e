using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>Fields of different objects stay apart, including fields a method writes through <c>this</c>.</summary>
public sealed class ObjectPrecisionTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.Diagnostics;\n";

    private const string Bag = """
        public sealed class Item { public string Name { get; set; } = ""; }
        public sealed class Bag
        {
            private readonly List<Item> _items;
            public Bag() { _items = new List<Item>(); }
            public void Put(Item item) { _items.Add(item); }
            public Item First() => _items[0];
        }
        """;

    [Fact]
    public void ReadLine_ThisFieldOfOtherObject_NoDiagnostic()
    {
        const string source = Usings + Bag + """
            public static class Use
            {
                public static void Run()
                {
                    var tainted = new Bag();
                    tainted.Put(new Item { Name = Console.ReadLine()! });
                    var clean = new Bag();
                    clean.Put(new Item { Name = "ls" });
                    Process.Start(clean.First().Name);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_ThisFieldOfSameObject_ProcessStart_Diagnostic()
    {
        const string source = Usings + Bag + """
            public static class Use
            {
                public static void Run()
                {
                    var tainted = new Bag();
                    tainted.Put(new Item { Name = Console.ReadLine()! }); // source
                    var clean = new Bag();
                    clean.Put(new Item { Name = "ls" });
                    Process.Start(tainted.First().Name); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_FieldOverwrittenByMethod_NoDiagnostic()
    {
        const string source = Usings + """
            public sealed class Box { public string Value = ""; }
            public sealed class Holder
            {
                private Box _box;
                public Holder(Box box) { _box = box; }
                public void Reset(Box box) { _box = box; }
                public Box Get() => _box;
            }
            public static class Use
            {
                public static void Run()
                {
                    var tainted = new Box { Value = Console.ReadLine()! };
                    var holder = new Holder(tainted);
                    holder.Reset(new Box());
                    Process.Start(holder.Get().Value);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_ConstructorStoresInField_GetterReturnsIt_Diagnostic()
    {
        const string source = Usings + """
            public sealed class Holder
            {
                private readonly string _value;
                public Holder(string value) { _value = value; }
                public string Get() => _value;
            }
            public static class Use
            {
                public static void Run()
                {
                    var holder = new Holder(Console.ReadLine()!); // source
                    var other = new Holder("ls");
                    Process.Start(other.Get());
                    Process.Start(holder.Get()); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_FieldWrittenThroughCopiedReference_Diagnostic()
    {
        const string source = Usings + """
            public sealed class Box { public string Value = ""; }
            public static class Use
            {
                public static void Run()
                {
                    var first = new Box();
                    var second = first;
                    first.Value = Console.ReadLine()!; // source
                    Process.Start(second.Value); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_InterfaceWithoutImplementationKeepsArgument_Diagnostic()
    {
        const string source = Usings + """
            public interface IItem { void SetName(string name); string GetName(); }
            public static class Use
            {
                public static void Run(IItem item)
                {
                    item.SetName(Console.ReadLine()!); // source
                    Process.Start(item.GetName()); // sink
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal(Osprey.Core.Findings.Confidence.Medium, finding.Confidence);
    }

    [Fact]
    public void ReadLine_ThreadStartRunsItsDelegate_Diagnostic()
    {
        const string source = Usings + """
            public sealed class Worker
            {
                public void Consume(object input) { Process.Start((string)input); } // sink
            }
            public static class Use
            {
                public static void Run()
                {
                    var thread = new System.Threading.Thread(new Worker().Consume);
                    thread.Start(Console.ReadLine()); // source
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }
}
