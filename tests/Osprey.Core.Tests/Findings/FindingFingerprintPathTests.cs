using Osprey.Core.Findings;

namespace Osprey.Core.Tests.Findings;

public sealed class FindingFingerprintPathTests
{
    [Fact]
    public void Compute_SameSourceAndSinkThroughDifferentMembers_Differs()
    {
        var viaCache = Flow("App.Cache.Put(string)");
        var viaQueue = Flow("App.Queue.Enqueue(string)");

        Assert.NotEqual(FindingFingerprint.Compute(viaCache), FindingFingerprint.Compute(viaQueue));
    }

    [Fact]
    public void Compute_IntermediateStepMovesWithinItsMember_Unchanged()
    {
        var before = Flow("App.Cache.Put(string)", line: 40);
        var after = Flow("App.Cache.Put(string)", line: 57);

        Assert.Equal(FindingFingerprint.Compute(before), FindingFingerprint.Compute(after));
    }

    private static Finding Flow(string throughMember, int line = 40) => new()
    {
        RuleId = "cs/sql-injection",
        Title = "SQL injection",
        Message = "m",
        Location = At("Data/Repo.cs", 12, "App.Repo.Run(string)", "cmd.CommandText = sql;"),
        Trace =
        [
            new TraceStep { Kind = TraceStepKind.Source, Description = "read", Location = At("Web/Api.cs", 5, "App.Api.Get(string)", "var q = Request.Query[\"q\"];") },
            new TraceStep { Description = "stored", Location = At("Infra/Through.cs", line, throughMember, "store(q);") },
            new TraceStep { Kind = TraceStepKind.Sink, Description = "sink", Location = At("Data/Repo.cs", 12, "App.Repo.Run(string)", "cmd.CommandText = sql;") },
        ],
    };

    private static SourceLocation At(string file, int line, string member, string snippet) =>
        new() { FilePath = file, StartLine = line, Member = member, Snippet = snippet };
}
