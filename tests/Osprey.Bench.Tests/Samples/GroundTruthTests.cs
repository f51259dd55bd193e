using Osprey.Bench.Samples;
using Osprey.Bench.Scoring;
using Osprey.Bench.Tests.Support;

namespace Osprey.Bench.Tests.Samples;

public class GroundTruthTests
{
    private const string Table = """
        # Demo ground truth

        Some prose.

        ## Vulnerabilities

        | ID | CWE | File | Method | Line | Source | Sink |
        |----|-----|------|--------|------|--------|------|
        | V01 | 89 | Data/Repo.cs | Search | 6 | query `q` | CommandText |
        | V02 | 22 | Web/Files.cs | Download | 4 | query `f` | File.ReadAllBytes |

        ## Safe look-alikes

        | ID | CWE | File | Method | Line | Why it is safe |
        |----|-----|------|--------|------|----------------|
        | S01 | 89 | Data/Repo.cs | FindById | 11 | parameterised |
        """;

    private const string Repo = """
        class Repo
        {
            public void Search(string q)
            {
                var sql = "SELECT * FROM p WHERE n = '" + q + "'";

                Run(sql);
            }
            public void FindById(int id)
            {
                Run("SELECT * FROM p WHERE id = @id", id);
            }
        }
        """;

    [Fact]
    public void Parse_ShopAppStyleTables_ReadsVulnerabilitiesAndLookAlikes()
    {
        var entries = GroundTruthParser.Parse(Table);

        Assert.Equal(3, entries.Length);
        Assert.Equal(new GroundTruthEntry("V01", 89, "Data/Repo.cs", "Search", 6, true), entries[0]);
        Assert.Equal(new GroundTruthEntry("S01", 89, "Data/Repo.cs", "FindById", 11, false), entries[2]);
    }

    [Fact]
    public void Parse_RowWithTextForLine_NamesTheRow()
    {
        var error = Assert.Throws<InvalidDataException>(() => GroundTruthParser.Parse(Table.Replace("| Search | 6 |", "| Search | six |")));
        Assert.Contains("V01", error.Message);
    }

    [Fact]
    public void Parse_RepositoryGroundTruth_HasEighteenVulnerabilitiesAndTwelveLookAlikes()
    {
        var path = Path.Combine(RepoRoot(), "samples", "ShopApp", "GROUND_TRUTH.md");

        var entries = GroundTruthParser.Parse(File.ReadAllText(path));

        Assert.Equal((18, 12), (entries.Count(e => e.Vulnerable), entries.Count(e => !e.Vulnerable)));
    }

    [Fact]
    public void Score_FindingsNearLineOrInMethod_FoundMissedAndFalseAlarm()
    {
        using var temp = new TempFolder();
        var repo = temp.Write("Data/Repo.cs", Repo);
        var entries = GroundTruthParser.Parse(Table);
        ToolFinding At(int line, int cwe) => new("osprey", "r", [cwe], [new FileLine(repo, line)], []);

        var score = SamplesBenchmark.Score("Demo", temp.Path, entries, [At(8, 89), At(11, 89), At(5, 79)], 1, []);

        Assert.Equal(1, score.Found);            // line 8 is 2 away from 6 and inside Search
        Assert.Equal(["V02"], score.Missed);
        Assert.Equal(["S01"], score.FalseAlarms);
        Assert.Equal(1, score.OtherFindings);    // CWE-79 matches nothing
    }

    [Fact]
    public void Matches_SinkFarFromLineButInNamedMethod_Matches()
    {
        using var temp = new TempFolder();
        var repo = temp.Write("Data/Repo.cs", Repo);
        var entry = new GroundTruthEntry("V01", 89, "Data/Repo.cs", "Search", 3, true);
        var matcher = new GroundTruthMatcher(temp.Path);

        Assert.True(matcher.Matches(entry, new ToolFinding("o", "r", [89], [new FileLine(repo, 7)], [])));
        Assert.False(matcher.Matches(entry, new ToolFinding("o", "r", [89], [new FileLine(repo, 11)], [])));
    }

    private static string RepoRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Osprey.slnx")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
