using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Tests.Support;

/// <summary>
/// Scan reports built by hand: a flow finding with a three-step trace, a confirmed finding with a
/// proof whose payload is an attack string, a finding without a trace, a refuted finding whose
/// snippet and message are hostile, a parse diagnostic and an engine failure.
/// </summary>
internal static class SampleReports
{
    public const string ScriptPayload = "\"><script>alert('xss')</script>";
    public const string HostileSnippet = "var s = \"<img src=x onerror=alert(1)>\"; // ``` </details> \u001b[31mred";
    public const string HostileMessage = "Path from **query** reaches [click](javascript:alert(1)) | @octocat #1 <b>bold</b>";

    public static readonly DateTimeOffset StartedAt = new(2026, 11, 29, 2, 30, 0, TimeSpan.Zero);

    public static Rule SqlRule { get; } = new()
    {
        Id = "cs/sql-injection",
        Name = "SqlInjection",
        Cwes = [89],
        DefaultSeverity = Severity.High,
        ShortDescription = "User input reaches a SQL command",
        FullDescription = "Building SQL from user input lets an attacker change the query.",
        Help = "Use parameters: `cmd.Parameters.AddWithValue(\"@q\", q)`.",
        Tags = ["injection"],
        CvssVector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N",
    };

    public static Rule CommandRule { get; } = new()
    {
        Id = "cs/command-injection",
        Name = "CommandInjection",
        Cwes = [78],
        DefaultSeverity = Severity.Critical,
        ShortDescription = "User input reaches a process command line",
        FullDescription = "Passing user input to a shell lets an attacker run commands.",
        Help = "Pass arguments through `ProcessStartInfo.ArgumentList`.",
        Tags = ["injection", "security"],
    };

    public static Rule WeakHashRule { get; } = new()
    {
        Id = "cs/weak-hash",
        Name = "WeakHash",
        Cwes = [328],
        DefaultSeverity = Severity.Low,
        ShortDescription = "A broken hash algorithm is used",
        FullDescription = "MD5 and SHA-1 are broken for security purposes.",
        Help = "Use SHA-256.",
        Tags = ["crypto"],
    };

    public static Finding SqlInjection { get; } = new()
    {
        RuleId = "cs/sql-injection",
        Cwes = [89],
        Title = "SQL injection",
        Message = "The query string parameter 'q' reaches SqlCommand.CommandText.",
        Severity = Severity.High,
        Confidence = Confidence.High,
        CvssVector = SqlRule.CvssVector,
        Location = Loc("src/Data/ProductRepository.cs", 42, 13, "Shop.Data.ProductRepository.Search(string)", "cmd.CommandText = sql;"),
        Trace =
        [
            new TraceStep { Kind = TraceStepKind.Source, Description = "read from query string 'q'", Location = Loc("src/Controllers/ShopController.cs", 17, 9, "Shop.Controllers.ShopController.Search(string)", "var q = Request.Query[\"q\"];") },
            new TraceStep { Kind = TraceStepKind.Step, Description = "concatenated into sql", Location = Loc("src/Data/ProductRepository.cs", 40, 9, "Shop.Data.ProductRepository.Search(string)", "var sql = \"SELECT * FROM p WHERE n = '\" + q + \"'\";") },
            new TraceStep { Kind = TraceStepKind.Sink, Description = "reached SqlCommand.CommandText", Location = Loc("src/Data/ProductRepository.cs", 42, 13, "Shop.Data.ProductRepository.Search(string)", "cmd.CommandText = sql;") },
        ],
        RelatedLocations = [Loc("src/Data/ProductRepository.cs", 12, 5, "Shop.Data.ProductRepository", "private readonly SqlConnection _db;")],
        Verification = Verification.Unverified("no harness for this entry point", "csharp-proof"),
        SourceKind = "remote",
        SinkKind = "sql-injection",
        EntryPoint = new EntryPoint { Kind = EntryPointKind.Http, Name = "GET /shop/search", HttpMethod = "GET", Route = "/shop/search", Auth = AuthRequirement.Anonymous },
        Engine = "csharp",
        Fingerprint = "0123456789abcdef0123456789abcdef",
        Properties = ImmutableDictionary<string, string>.Empty.Add("csharp.callDepth", "2").Add("severity", "engine-said-so"),
    };

    public static Finding CommandInjection { get; } = new()
    {
        RuleId = "cs/command-injection",
        Cwes = [78],
        Title = "Command injection",
        Message = "The form field 'host' reaches Process.Start.",
        Severity = Severity.Critical,
        Confidence = Confidence.Medium,
        Location = Loc("src/Services/Diagnostics.cs", 30, 17, "Shop.Services.Diagnostics.Ping(string)", "Process.Start(\"sh\", \"-c ping \" + host);"),
        Trace =
        [
            new TraceStep { Kind = TraceStepKind.Source, Description = "read from form field 'host'", Location = Loc("src/Controllers/AdminController.cs", 55, 9, "Shop.Controllers.AdminController.Ping(string)", "var host = Request.Form[\"host\"];") },
            new TraceStep { Kind = TraceStepKind.Sink, Description = "reached Process.Start", Location = Loc("src/Services/Diagnostics.cs", 30, 17, "Shop.Services.Diagnostics.Ping(string)", "Process.Start(\"sh\", \"-c ping \" + host);") },
        ],
        Verification = Verification.Confirmed(
            new Proof
            {
                EntryPoint = "POST /admin/ping",
                Payload = ScriptPayload + "; id",
                Observed = "sh -c ping " + ScriptPayload + "; id",
                Explanation = "The payload's ';' ended the ping command and ran another.",
                Replay = new ReplayArtifact { Kind = "curl", Content = "curl -X POST http://127.0.0.1:5000/admin/ping -d 'host=x; id'" },
            },
            "csharp-proof",
            TimeSpan.FromMilliseconds(1234)),
        SourceKind = "remote",
        SinkKind = "command-injection",
        Engine = "csharp",
        Fingerprint = "fedcba9876543210fedcba9876543210",
    };

    public static Finding WeakHash { get; } = new()
    {
        RuleId = "cs/weak-hash",
        Cwes = [328],
        Title = "Weak hash",
        Message = "MD5 is used to hash passwords.",
        Severity = Severity.Low,
        Confidence = Confidence.High,
        Location = new SourceLocation { FilePath = "src/Services/Tokens.cs", StartLine = 8 },
        Engine = "csharp",
        Fingerprint = "aaaabbbbccccddddaaaabbbbccccdddd",
    };

    /// <summary>A finding whose rule the report does not list, with attacker-controlled text everywhere.</summary>
    public static Finding HostilePathTraversal { get; } = new()
    {
        RuleId = "cs/path-traversal",
        Cwes = [22],
        Title = "Path traversal <in> `attachments`",
        Message = HostileMessage,
        Severity = Severity.Medium,
        Location = Loc("src/My Files/Attach#1.cs", 21, 5, "Shop.Attach.Get(string)", HostileSnippet),
        Trace =
        [
            new TraceStep { Kind = TraceStepKind.Source, Description = "read from route <name>", Location = Loc("src/My Files/Attach#1.cs", 19, 5, "Shop.Attach.Get(string)", HostileSnippet) },
            new TraceStep { Kind = TraceStepKind.Assumed, Description = "passed through Helper.Combine (no model)", Location = Loc("src/My Files/Attach#1.cs", 20, 5, "Shop.Attach.Get(string)", "var p = Helper.Combine(root, name);") },
            new TraceStep { Kind = TraceStepKind.Sink, Description = "reached File.ReadAllBytes", Location = Loc("src/My Files/Attach#1.cs", 21, 5, "Shop.Attach.Get(string)", HostileSnippet) },
        ],
        Verification = Verification.Refuted("every payload was neutralised by Path.GetFileName", "csharp-proof", TimeSpan.FromSeconds(2)),
        Engine = "csharp",
        Fingerprint = "99998888777766669999888877776666:1",
    };

    public static ScanReport Sample() => new()
    {
        Target = new ScanTarget { Path = "/work/samples/Shop App", Kind = ScanTargetKind.Folder },
        StartedAt = StartedAt,
        Duration = TimeSpan.FromSeconds(12.3),
        Findings = [CommandInjection, SqlInjection, HostilePathTraversal, WeakHash],
        Rules = [CommandRule, SqlRule, WeakHashRule],
        Diagnostics =
        [
            new ScanDiagnostic { Level = DiagnosticLevel.Warning, Code = "parse-error", Message = "src/Broken.cs did not parse: ';' expected at 3:14. The file was skipped.", FilePath = "src/Broken.cs", Source = "csharp" },
            new ScanDiagnostic { Level = DiagnosticLevel.Error, Code = "engine-failed", Message = "native failed: DllNotFoundException: libclang. Results of the other stages are kept.", Source = "native" },
        ],
        Engines =
        [
            new EngineRun { Name = "csharp", Outcome = EngineOutcome.Succeeded, Duration = TimeSpan.FromSeconds(9), Findings = 4 },
            new EngineRun { Name = "native", Outcome = EngineOutcome.Failed, Duration = TimeSpan.FromMilliseconds(40), Error = "DllNotFoundException: libclang" },
            new EngineRun { Name = "binary", Outcome = EngineOutcome.Failed, Duration = TimeSpan.FromMilliseconds(5), Error = "no assemblies could be read" },
        ],
        EntryPoints = [SqlInjection.EntryPoint!],
        FileCount = 42,
        Statistics = ImmutableSortedDictionary<string, long>.Empty.Add("csharp.methods", 310).Add("csharp.unresolved-symbols", 3),
    };

    public static ScanReport Empty() => new()
    {
        Target = new ScanTarget { Path = "/work/empty", Kind = ScanTargetKind.Folder },
        StartedAt = StartedAt,
        Duration = TimeSpan.FromMilliseconds(80),
    };

    /// <summary>A report with <paramref name="count"/> findings over a few rules and files, for size and speed tests.</summary>
    public static ScanReport Many(int count)
    {
        var prototypes = new[] { SqlInjection, CommandInjection, HostilePathTraversal, WeakHash };
        var findings = ImmutableArray.CreateBuilder<Finding>(count);
        for (var i = 0; i < count; i++)
        {
            var prototype = prototypes[i % prototypes.Length];
            findings.Add(prototype with
            {
                Location = prototype.Location with { FilePath = $"src/Module{i % 97}/File{i}.cs", StartLine = 10 + (i % 500) },
                Fingerprint = i.ToString("x32"),
            });
        }

        return Sample() with { Findings = findings.MoveToImmutable() };
    }

    private static SourceLocation Loc(string file, int line, int column, string? member, string snippet) => new()
    {
        FilePath = file,
        StartLine = line,
        StartColumn = column,
        EndLine = line,
        EndColumn = column + snippet.Length,
        Member = member,
        Snippet = snippet,
    };
}
