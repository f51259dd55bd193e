using System.Collections.Immutable;
using Osprey.Native.Toolchain;

namespace Osprey.Native.Sandbox;

/// <summary>
/// Runs scanned code (fuzzers, crash reproducers, Juliet programs): its own session and process
/// group (<c>setsid</c>), no network (<c>unshare -n</c> when available), no core files, bounded
/// file size and CPU time, a throw-away working directory, and sanitizer options that make every
/// report complete and fatal. Address-space limits (<c>ulimit -v</c>) are not used: AddressSanitizer
/// reserves terabytes of shadow memory and would not start; memory is bounded by the sanitizers'
/// RSS limits instead.
/// </summary>
internal sealed class NativeSandbox
{
    private readonly NativeToolchain _toolchain;
    private readonly string? _setsid;
    private readonly int _rssLimitMb;
    private readonly bool _haltOnUndefinedBehavior;

    /// <param name="toolchain">The detected toolchain (symbolizer, network isolation).</param>
    /// <param name="rssLimitMb">The memory limit ASan enforces.</param>
    /// <param name="setsid">The <c>setsid</c> program, or null.</param>
    /// <param name="haltOnUndefinedBehavior">
    /// Whether a UBSan report ends the program (the default). Off for a target whose start-up code
    /// has benign undefined behaviour on every input (nginx passes null with length 0 to
    /// <c>memcpy</c>): its UBSan reports are then printed and only AddressSanitizer errors and
    /// signals stop it.
    /// </param>
    public NativeSandbox(NativeToolchain toolchain, int rssLimitMb, string? setsid, bool haltOnUndefinedBehavior = true)
    {
        _toolchain = toolchain;
        _rssLimitMb = rssLimitMb;
        _setsid = setsid;
        _haltOnUndefinedBehavior = haltOnUndefinedBehavior;
    }

    /// <summary>Whether children run without network.</summary>
    public bool Isolated => !_toolchain.NetworkIsolation.IsEmpty;

    /// <summary>The sanitizer options every sandboxed run uses.</summary>
    public ImmutableDictionary<string, string> SanitizerEnvironment
    {
        get
        {
            var symbolizer = _toolchain.Symbolizer is { } s ? $":external_symbolizer_path={s}" : "";
            return ImmutableDictionary<string, string>.Empty
                .Add("ASAN_OPTIONS", $"dedup_token_length=3:print_scariness=1:symbolize=1:detect_leaks=0:abort_on_error=0:handle_abort=1:allocator_may_return_null=1:hard_rss_limit_mb={_rssLimitMb}{symbolizer}")
                .Add("UBSAN_OPTIONS", $"print_stacktrace=1:halt_on_error={(_haltOnUndefinedBehavior ? 1 : 0)}:dedup_token_length=3:symbolize=1{symbolizer}")
                .Add("LSAN_OPTIONS", "detect_leaks=0");
        }
    }

    /// <summary>
    /// Wraps <paramref name="program"/> and <paramref name="arguments"/> in the sandbox. CPU time is
    /// limited to the wall-clock limit plus a margin so that a child spinning in a loop still dies.
    /// </summary>
    public ProcessSpec Wrap(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var cpuSeconds = (int)Math.Ceiling(timeout.TotalSeconds * Math.Max(1, Environment.ProcessorCount)) + 10;
        var limits = $"ulimit -c 0; ulimit -f 4194304; ulimit -t {cpuSeconds}; exec \"$0\" \"$@\"";
        var command = ImmutableArray.CreateBuilder<string>();
        if (_setsid is not null)
        {
            command.Add(_setsid);
        }

        command.AddRange(_toolchain.NetworkIsolation);
        command.AddRange("/bin/sh", "-c", limits, program);
        command.AddRange(arguments);
        return new ProcessSpec(command[0], command.ToImmutable().RemoveAt(0))
        {
            WorkingDirectory = workingDirectory,
            Environment = SanitizerEnvironment,
            Timeout = timeout + TimeSpan.FromSeconds(5),
        };
    }
}
