using System.Globalization;
using Osprey.Native.Sandbox;

namespace Osprey.Native.Triage;

/// <summary>
/// Replays a saved crashing input in fresh sandboxed processes (<c>./fuzzer crash-file</c>) and
/// minimises it with libFuzzer's <c>-minimize_crash</c>. A crash that depends on state outside the
/// input (a counter in a file, the time, a race) does not reproduce every time and is not confirmed.
/// </summary>
internal sealed class CrashReproducer
{
    private readonly NativeSandbox _sandbox;
    private readonly TimeSpan _timeout;

    public CrashReproducer(NativeSandbox sandbox, TimeSpan timeout)
    {
        _sandbox = sandbox;
        _timeout = timeout;
    }

    public async Task<CrashReproduction> ReproduceAsync(string fuzzer, string input, int attempts, string workDirectory, CancellationToken cancellationToken)
    {
        SanitizerReport? first = null;
        var same = 0;
        for (var i = 0; i < attempts; i++)
        {
            var result = await ProcessRunner.RunAsync(_sandbox.Wrap(fuzzer, [input], workDirectory, _timeout), cancellationToken).ConfigureAwait(false);
            var report = result.ExitCode == 0 ? null : SanitizerReportParser.Parse(result.StandardError);
            first ??= report;
            if (report is not null && report.Signature == first!.Signature)
            {
                same++;
            }
        }

        return new CrashReproduction(input, attempts, same, first);
    }

    /// <summary>Minimises <paramref name="input"/>; returns the smaller file, or null when minimisation failed.</summary>
    public async Task<string?> MinimizeAsync(string fuzzer, string input, TimeSpan time, string workDirectory, CancellationToken cancellationToken)
    {
        var output = input + ".min";
        var args = new[]
        {
            "-minimize_crash=1",
            "-runs=10000",
            $"-max_total_time={Math.Max(1, (int)time.TotalSeconds).ToString(CultureInfo.InvariantCulture)}",
            $"-exact_artifact_path={output}",
            input,
        };
        await ProcessRunner.RunAsync(_sandbox.Wrap(fuzzer, args, workDirectory, time + _timeout), cancellationToken).ConfigureAwait(false);
        return File.Exists(output) && new FileInfo(output).Length > 0 ? output : null;
    }
}
