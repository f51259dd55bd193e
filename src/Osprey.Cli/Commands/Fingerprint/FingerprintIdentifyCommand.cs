using Osprey.Server.Watermarking;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Fingerprint;

/// <summary>
/// <c>osprey fingerprint identify &lt;file&gt; --keys &lt;file&gt;</c>: names the organisation whose
/// output fingerprint the text carries. Exit 0 when attributed, 1 when not, 2 on a bad key list.
/// </summary>
internal sealed class FingerprintIdentifyCommand(CliEnvironment environment) : AsyncCommand<FingerprintIdentifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FingerprintIdentifySettings settings, CancellationToken cancellationToken)
    {
        var keyList = await File.ReadAllTextAsync(settings.Keys, cancellationToken).ConfigureAwait(false);
        if (!FingerprintIdentifyCommandCore.TryParseKeyList(keyList, out var keys, out var errors))
        {
            foreach (var error in errors)
            {
                await environment.StandardError.WriteLineAsync($"osprey: {error}").ConfigureAwait(false);
            }

            return ExitCodes.UsageError;
        }

        var text = await File.ReadAllTextAsync(settings.File, cancellationToken).ConfigureAwait(false);
        var (exitCode, _, lines) = FingerprintIdentifyCommandCore.Run(text, keys);
        await using var output = new StreamWriter(environment.StandardOutput, leaveOpen: true);
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return exitCode;
    }
}
