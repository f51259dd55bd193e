namespace Osprey.Bench.Cli;

/// <summary>The command line is wrong; the message says how.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
