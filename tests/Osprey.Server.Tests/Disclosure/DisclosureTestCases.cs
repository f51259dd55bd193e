using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Server.Disclosure;

namespace Osprey.Server.Tests.Disclosure;

/// <summary>Real-shaped cases for the disclosure tests: a SQL injection in a third-party NuGet package.</summary>
internal static class DisclosureTestCases
{
    /// <summary>Monday 2 March 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly MaintainerContact Contoso = new() { Id = "security@contoso.example", Name = "Contoso Data team", Channel = "security@contoso.example" };

    public static Finding SqlInjection(string fingerprint = "a1b2c3d4e5f60718") => new()
    {
        RuleId = "cs/sql-injection",
        Cwes = [89],
        Title = "SQL injection",
        Message = "The 'name' query parameter reaches SqlCommand.CommandText in OrderRepository.Find without parameterisation.",
        Severity = Severity.High,
        CvssVector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N",
        Location = new SourceLocation { FilePath = "src/Contoso.Data/OrderRepository.cs", StartLine = 42 },
        Trace =
        [
            new TraceStep { Location = new SourceLocation { FilePath = "src/Contoso.Web/OrdersController.cs", StartLine = 17 }, Description = "query parameter 'name'", Kind = TraceStepKind.Source },
            new TraceStep { Location = new SourceLocation { FilePath = "src/Contoso.Data/OrderRepository.cs", StartLine = 42 }, Description = "concatenated into CommandText", Kind = TraceStepKind.Sink },
        ],
        Verification = Verification.Confirmed(
            new Proof
            {
                EntryPoint = "GET /orders?name=",
                Payload = "' OR 1=1 --",
                Observed = "all 3 orders returned",
                Replay = new ReplayArtifact { Kind = "http", Content = "GET /orders?name=%27%20OR%201%3D1%20-- HTTP/1.1\r\nHost: localhost\r\n\r\n", FileName = "replay.http" },
            },
            "sandbox", TimeSpan.FromSeconds(3)),
        Fingerprint = fingerprint,
    };

    public static DisclosureAsset ContosoData => new()
    {
        Name = "Contoso.Data",
        Vendor = "Contoso",
        RepositoryUrl = "https://git.contoso.example/data",
        Ecosystem = "NuGet",
        Purl = "pkg:nuget/Contoso.Data",
        AffectedVersions = ["2.3.0", "2.3.1"],
    };

    public static DisclosureCase Opened(string id = "OSP-2026-0001", DateTimeOffset? at = null, MaintainerContact? maintainer = null) =>
        DisclosureCase.Open(id, "org-1", SqlInjection("fp-" + id), ContosoData, maintainer ?? Contoso, at ?? Monday, "scanner");

    public static DisclosureCase SignedOff(string id = "OSP-2026-0001", DateTimeOffset? at = null, MaintainerContact? maintainer = null) =>
        Opened(id, at, maintainer).SignedOffBy("reviewer@osprey", at ?? Monday, "Proof replayed by hand; trace checked.");

    /// <summary>Signed off and reported at <paramref name="reportedAt"/>.</summary>
    public static DisclosureCase Reported(DateTimeOffset reportedAt, string id = "OSP-2026-0001") =>
        SignedOff(id, reportedAt).Record(new(DisclosureEventKind.Reported, reportedAt, "scheduler"));

    public static ImmutableArray<DisclosureCase> List(params DisclosureCase[] cases) => [.. cases];
}
