using Osprey.Server.Audit;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Audit;

/// <summary>
/// <c>osprey audit verify</c>: checks the whole audit log and names every record that was
/// modified, removed or reordered. Exit 0 when intact, 1 when tampered.
/// </summary>
internal sealed class AuditVerifyCommand(CliEnvironment environment) : AsyncCommand<AuditSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        var report = await AuditVerifier.VerifyAsync(settings.ToOptions(TextWriter.Null), cancellationToken).ConfigureAwait(false);
        await using var output = new StreamWriter(environment.StandardOutput, leaveOpen: true);
        await output.WriteAsync(report.Render()).ConfigureAwait(false);
        return report.IsIntact ? ExitCodes.Success : ExitCodes.FindingsAtOrAboveThreshold;
    }
}

/// <summary><c>osprey audit export</c>: writes the signed checkpoints for an outside witness.</summary>
internal sealed class AuditExportCommand(CliEnvironment environment) : AsyncCommand<AuditSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        var text = await AuditVerifier.ExportCheckpointsAsync(settings.ToOptions(TextWriter.Null), cancellationToken).ConfigureAwait(false);
        if (settings.Output is { } path)
        {
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await using var output = new StreamWriter(environment.StandardOutput, leaveOpen: true);
        await output.WriteAsync(text).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
