using System.Diagnostics;
using System.Text;

namespace Osprey.Server.Repositories;

/// <summary>
/// Runs git for a repository fetch with nothing of the machine's or the repository's
/// configuration: an empty environment (no system or global config, no proxy variables, no
/// prompts, HOME in the work folder), hooks pointed at <c>/dev/null</c>, only the allowed
/// protocols (<c>GIT_ALLOW_PROTOCOL</c> and <c>protocol.allow</c>), no redirects, no submodules,
/// objects checked as they arrive (<c>transfer.fsckObjects</c>). Arguments go through
/// <see cref="ProcessStartInfo.ArgumentList"/>, never a shell.
/// </summary>
internal sealed class GitCommand(string executable, string gitDirectory, RepositoryLocation location, bool loopbackOnly)
{
    private const int KeptOutput = 4000;

    /// <summary>Starts git with <paramref name="arguments"/>; standard output is the caller's to read.</summary>
    public Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = gitDirectory,
        };
        start.Environment.Clear();
        var schemes = string.Join(':', RepositoryLocation.AllowedSchemes(loopbackOnly));
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = gitDirectory,
            ["LC_ALL"] = "C",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_ALLOW_PROTOCOL"] = schemes,
            ["GIT_PROTOCOL_FROM_USER"] = "0",
            ["GIT_LFS_SKIP_SMUDGE"] = "1",
            ["GIT_NO_REPLACE_OBJECTS"] = "1",
            ["GIT_OPTIONAL_LOCKS"] = "0",
        })
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add("--git-dir=" + gitDirectory);
        foreach (var setting in Settings(schemes)) { start.ArgumentList.Add("-c"); start.ArgumentList.Add(setting); }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"'{executable}' could not be started.");
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// Runs git to completion, killing it (and its children) when cancelled or when
    /// <paramref name="abort"/>, polled every 200 ms, says so. Returns the exit code and the
    /// (truncated) output.
    /// </summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, Func<bool>? abort = null)
    {
        using var process = Start(arguments);
        var output = ReadCappedAsync(process.StandardOutput);
        var error = ReadCappedAsync(process.StandardError);
        try
        {
            while (!process.HasExited)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                tick.CancelAfter(TimeSpan.FromMilliseconds(200));
                try
                {
                    await process.WaitForExitAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (abort?.Invoke() == true) break;
                }
            }
        }
        finally
        {
            Kill(process);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Ends the process and every process it started, if still running.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    /// <summary>Reads a stream to its end, keeping only the first few thousand characters.</summary>
    public static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            if (kept.Length < KeptOutput) kept.Append(buffer, 0, Math.Min(read, KeptOutput - kept.Length));
        }

        return kept.ToString().Trim();
    }

    private IEnumerable<string> Settings(string schemes)
    {
        yield return "core.hooksPath=/dev/null";
        yield return "core.fsmonitor=false";
        yield return "core.protectNTFS=true";
        yield return "core.protectHFS=true";
        yield return "core.askPass=";
        yield return "credential.helper=";
        yield return "protocol.allow=never";
        foreach (var scheme in schemes.Split(':')) yield return $"protocol.{scheme}.allow=always";
        yield return "http.followRedirects=false";
        yield return "http.proxy=";
        yield return "submodule.recurse=false";
        yield return "fetch.recurseSubmodules=false";
        yield return "transfer.fsckObjects=true";
        yield return "gc.auto=0";
        yield return "maintenance.auto=false";
        if (location.CurlResolve is { } resolve) yield return "http.curloptResolve=" + resolve;
    }
}
