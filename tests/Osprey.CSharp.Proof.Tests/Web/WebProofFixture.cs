using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Tests.Verifying;
using Osprey.CSharp.Proof.Verifying;

namespace Osprey.CSharp.Proof.Tests.Web;

/// <summary>Proves every finding of <see cref="ShopSample"/> once, in one shared harness (each proof still boots the app in its own sandboxed process).</summary>
public sealed class WebProofFixture : IAsyncLifetime
{
    private static readonly ScannedWebApp App = ShopSample.App();

    private const string Program = "src/Shop/Program.cs";
    private const string Controllers = "src/Shop/Controllers.cs";
    private const string Services = "src/Shop/Services.cs";

    private static readonly (string Name, Finding Finding)[] Cases =
    [
        ("query", App.Finding("command-injection", Controllers, "// query source", Services, "// ping sink")),
        ("header", App.Finding("command-injection", Controllers, "// header source", Services, "// ping sink")),
        ("form", App.Finding("path-injection", Controllers, "// form source", Controllers, "// form sink")),
        ("route", App.Finding("xss", Controllers, "// route source", Controllers, "// route sink")),
        ("cookie", App.Finding("xss", Controllers, "// cookie source", Controllers, "// cookie sink")),
        ("body", App.Finding("xss", Controllers, "// body source", Controllers, "// body sink")),
        ("lambda", App.Finding("command-injection", Program, "// lambda source", Services, "// report sink")),
        ("safe", App.Finding("xss", Controllers, "// safe source", Controllers, "// safe sink")),
        ("insecure cookie", App.Probe("cs/cookie-without-secure", Controllers, "// insecure cookie")),
        ("secure cookie", App.Probe("cs/cookie-without-httponly", Controllers, "// secure cookie")),
        ("look header", App.Finding("header-injection", Controllers, "// look source", Controllers, "// look cookie")),
        ("look cookie", App.Probe("cs/cookie-without-secure", Controllers, "// look cookie")),
        ("error details", App.Probe("cs/error-details-exposure", Controllers, "// error details")),
    ];

    private readonly Dictionary<string, Verification> _results = [];

    public Verification this[string name] => _results[name];

    public async Task InitializeAsync()
    {
        var verifier = new CSharpProofVerifier(new ProofOptions { CompilationProvider = _ => App.Compilation });
        var context = ScannedProgram.Context(TimeSpan.FromSeconds(60));
        var verifications = await verifier.VerifyAllAsync(context, [.. Cases.Select(c => c.Finding)], CancellationToken.None);
        for (var i = 0; i < Cases.Length; i++)
        {
            _results[Cases[i].Name] = verifications[i];
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
