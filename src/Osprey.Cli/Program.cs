using Osprey.Cli;

// The osprey command. Ctrl+C cancels the scan in progress (exit code 130).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await OspreyApp.RunAsync(args, CliEnvironment.FromSystemConsole(), OspreyServices.Default, cancellation.Token);
