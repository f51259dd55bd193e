using Microsoft.Extensions.DependencyInjection;
using Osprey.Cli.Commands.Audit;
using Osprey.Cli.Commands.Fingerprint;
using Osprey.Cli.Commands.Rules;
using Osprey.Cli.Commands.Scan;
using Osprey.Cli.Commands.Serve;
using Osprey.Core.Scanning;
using Spectre.Console.Cli;

namespace Osprey.Cli;

/// <summary>The osprey command line: verbs, their settings, and the mapping of failures to exit codes.</summary>
public static class OspreyApp
{
    /// <summary>Runs the command line and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, OspreyServices services, CancellationToken cancellationToken = default)
    {
        var container = new ServiceCollection();
        container.AddSingleton(environment);
        container.AddSingleton(services);
        var app = new CommandApp(new TypeRegistrar(container));
        app.Configure(config =>
        {
            config.SetApplicationName("osprey");
            config.SetApplicationVersion(ToolInfo.Osprey.Version);
            config.ConfigureConsole(environment.Terminal);
            config.Settings.StrictParsing = true;
            config.Settings.CancellationExitCode = ExitCodes.Cancelled;
            config.SetExceptionHandler((exception, _) => HandleException(exception, environment));

            config.AddCommand<ScanCommand>("scan")
                .WithDescription("Scan a folder, solution, project or file for exploitable vulnerabilities.")
                .WithExample("scan", "samples/ShopApp")
                .WithExample("scan", ".", "--format", "sarif", "--output", "osprey.sarif", "--fail-on", "high");
            config.AddCommand<RulesCommand>("rules")
                .WithDescription("List the rules Osprey reports.");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Run the gated service (API and dashboard). SQLite in ./osprey-data unless --database is given.")
                .WithExample("serve")
                .WithExample("serve", "--database", "Host=127.0.0.1;Database=osprey;Username=osprey;Password=…");
            config.AddBranch("audit", audit =>
            {
                audit.SetDescription("Check or export the service's tamper-evident audit log.");
                audit.AddCommand<AuditVerifyCommand>("verify")
                    .WithDescription("Verify every audit record and checkpoint; name each record modified, removed or reordered.");
                audit.AddCommand<AuditExportCommand>("export")
                    .WithDescription("Export the signed checkpoints for an outside witness.");
            });
            config.AddBranch("fingerprint", fingerprint =>
            {
                fingerprint.SetDescription("Attribute leaked Osprey output to the organisation it was served to.");
                fingerprint.AddCommand<FingerprintIdentifyCommand>("identify")
                    .WithDescription("Name the organisation whose output fingerprint a text carries.");
            });
        });

        return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
    }

    private static int HandleException(Exception exception, CliEnvironment environment)
    {
        switch (exception)
        {
            case CommandAppException usage:
                environment.StandardError.WriteLine($"osprey: {usage.Message}");
                environment.StandardError.WriteLine("Run 'osprey --help' for usage.");
                return ExitCodes.UsageError;
            case OperationCanceledException:
                environment.StandardError.WriteLine("osprey: cancelled.");
                return ExitCodes.Cancelled;
            default:
                environment.StandardError.WriteLine($"osprey: the command failed: {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.ScanFailed;
        }
    }
}
