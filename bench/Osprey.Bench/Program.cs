using Osprey.Bench.Cli;
using Osprey.Bench.Commands;

// The benchmark runner: one subcommand per benchmark. Each prints a table and writes JSON whose
// shape stays stable so runs can be compared over time.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return await BenchCommands.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, cancel.Token);
}
catch (BenchUsageException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    await Console.Error.WriteLineAsync(BenchCommands.Usage);
    return 2;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("cancelled");
    return 130;
}
