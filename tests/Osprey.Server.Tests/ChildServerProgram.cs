using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests;

/// <summary>
/// The test assembly's entry point, used only by the durability test: <c>dotnet
/// Osprey.Server.Tests.dll serve &lt;data-folder&gt; &lt;url&gt;</c> runs a real server (with the test
/// engine) in a child process that the test can kill with SIGKILL. The test runner never calls it.
/// </summary>
public static class ChildServerProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["serve", var dataDirectory, var url, ..])
        {
            await Console.Error.WriteLineAsync("usage: serve <data-folder> <url> [postgres-connection-string]");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        await OspreyServer.RunAsync(new ServerOptions { DataDirectory = dataDirectory, Url = url, Database = args.Length > 3 ? args[3] : null }, ExecLineEngine.Pipeline, stop.Token);
        return 0;
    }
}
