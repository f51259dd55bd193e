using System.Text;
using Osprey.Core.Pipeline;
using Spectre.Console.Testing;

namespace Osprey.Cli.Tests.Support;

/// <summary>Runs the osprey command in-process with captured stdout, stderr and terminal.</summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError, string Terminal)
{
    public static async Task<CliRun> RunAsync(IEnumerable<IDiscoveryEngine> engines, params string[] args)
    {
        var engineList = engines.ToArray();
        return await RunAsync(new OspreyServices { CreatePipeline = () => new ScanPipeline(engineList) }, outputIsTerminal: false, args);
    }

    public static async Task<CliRun> RunAsync(OspreyServices services, bool outputIsTerminal, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var terminal = new TestConsole();
        var environment = new CliEnvironment
        {
            StandardOutput = stdout,
            StandardError = stderr,
            Terminal = terminal,
            OutputIsTerminal = outputIsTerminal,
            UseColor = false,
        };

        var exitCode = await OspreyApp.RunAsync(args, environment, services);
        return new CliRun(exitCode, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString(), terminal.Output);
    }
}
