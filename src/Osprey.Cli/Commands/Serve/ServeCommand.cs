using Osprey.Server;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Serve;

/// <summary><c>osprey serve</c>: runs the gated service with the default engines.</summary>
internal sealed class ServeCommand(CliEnvironment environment, OspreyServices services) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var output = new StreamWriter(environment.StandardOutput, leaveOpen: true) { AutoFlush = true };
        var options = settings.ToOptions(output);
        options = options with { Url = settings.Url ?? options.Url, Workers = settings.Workers ?? options.Workers };
        try
        {
            if (settings.OidcConfig is { } oidcConfig)
            {
                options = options with { Oidc = OidcConfigFile.Load(oidcConfig, Environment.GetEnvironmentVariable) };
            }

            if (settings.CreateOperatorKey is { } name)
            {
                var key = await OspreyServer.CreateOperatorKeyAsync(options, name, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"Operator key '{name}' (shown once; store it now):").ConfigureAwait(false);
                await output.WriteLineAsync("  " + key).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await OspreyServer.RunAsync(options, services.CreatePipeline, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (ArgumentException ex)
        {
            await environment.StandardError.WriteLineAsync($"osprey: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }
}
