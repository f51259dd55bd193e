using Osprey.CSharp.Models;

namespace Osprey.CSharp.Tests.Models;

public sealed class ModelFileParserTests
{
    [Fact]
    public void Parse_ValidRows_ReadsEveryRelation()
    {
        const string text = """
            sourceModel:
              - ["Acme.Web", "Request", false, "get_Body", "", "ReturnValue", "remote:http-body", "manual"]
            sinkModel:
              - ["Acme.Data", "Db", false, "Run", "(System.String)", "Argument[0]", "sql-injection", "manual"]
            summaryModel:
              - ["Acme.Text", "Pipe", true, "Push", "", "Argument[0..2]", "Argument[this].Element", "value", "manual"]
            barrierModel:
              - ["Acme.Text", "Clean", false, "Sql", "", "ReturnValue", "sql-injection", "manual"]
            barrierGuardModel:
              - ["Acme.Text", "Check", false, "IsSafe", "", "Argument[0]", "true", "injection", "manual"]
            neutralModel:
              - ["Acme.Text", "Check", "Length", "", "summary", "manual"]
            """;

        var set = ModelFileParser.Parse("acme.model.yml", text);

        Assert.Empty(set.Errors);
        Assert.Equal(6, set.RowCount);
        Assert.Equal("remote", set.Sources[0].ThreatModel);
        Assert.Equal("http-body", set.Sources[0].Label);
        Assert.Equal("(System.String)", set.Sinks[0].Api.Signature);
        Assert.Equal(new AccessPath(AccessPathRoot.Argument, 0, 2, false, false), set.Summaries[0].Input);
        Assert.True(set.Summaries[0].Output.Element);
        Assert.True(set.Summaries[0].PreservesValue);
        Assert.True(set.BarrierGuards[0].Branch);
    }

    [Fact]
    public void Parse_BadRows_NameFileAndLineAndKeepGoodRows()
    {
        const string text = """
            sinkModel:
              - ["Acme", "Db", false, "Run", "", "Argument[0]", "sql-injection", "manual"]
              - ["Acme", "Db", false, "Run", "", "Argument[zero]", "sql-injection", "manual"]
              - ["Acme", "Db", maybe, "Run", "", "Argument[0]", "sql-injection", "manual"]
              - ["Acme", "Db", false, "Run", "", "Argument[0]", "SQL", "manual"]
              - ["Acme", "Db", false, "Run"]
            sourceModel:
              - ["Acme", "Req", false, "Get", "", "ReturnValue", "internet", "manual"]
            summaryModel:
              - ["Acme", "Req", false, "Get", "", "Argument[0]", "ReturnValue", "flow", "manual"]
            madeUpModel:
              - ["x"]
            """;

        var set = ModelFileParser.Parse("bad.model.yml", text);

        Assert.Single(set.Sinks);
        Assert.Equal(new[] { 3, 4, 5, 6, 8, 10, 11 }, set.Errors.Select(e => e.Origin.Line).Order());
        Assert.All(set.Errors, e => Assert.Equal("bad.model.yml", e.Origin.File));
        Assert.Contains(set.Errors, e => e.Message.Contains("Argument[zero]", StringComparison.Ordinal));
        Assert.Contains(set.Errors, e => e.Message.Contains("expected 8 columns", StringComparison.Ordinal));
        Assert.Contains(set.Errors, e => e.Message.Contains("remote:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotYaml_ReportsOneError()
    {
        var set = ModelFileParser.Parse("broken.model.yml", "sinkModel: [\"a\", ");

        var error = Assert.Single(set.Errors);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ReturnValue", "ReturnValue", -1, -1, false, false)]
    [InlineData("Argument[this].Element", "This", -1, -1, true, false)]
    [InlineData("Argument[1..9]", "Argument", 1, 9, false, false)]
    [InlineData("Argument[2].Parameter", "Argument", 2, 2, false, true)]
    public void TryParse_AccessPaths_Parse(string text, string root, int first, int last, bool element, bool lambda)
    {
        var path = AccessPath.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal(new AccessPath(Enum.Parse<AccessPathRoot>(root), first, last, element, lambda), path);
        Assert.Equal(text, path!.ToString());
    }
}
