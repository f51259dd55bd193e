using System.Text.Json;
using Osprey.Core.Findings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Rules;

/// <summary><c>osprey rules</c>: lists every rule of every engine.</summary>
internal sealed class RulesCommand(CliEnvironment environment, OspreyServices services) : AsyncCommand<RulesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RulesSettings settings, CancellationToken cancellationToken)
    {
        var rules = services.CreatePipeline().Engines.SelectMany(e => e.Rules).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (settings.Format == "json")
        {
            var rows = rules.Select(r => new
            {
                id = r.Id,
                name = r.Name,
                cwes = r.Cwes.ToArray(),
                severity = r.DefaultSeverity.ToName(),
                description = r.ShortDescription,
            });
            await JsonSerializer.SerializeAsync(environment.StandardOutput, rows, new JsonSerializerOptions { WriteIndented = true }, cancellationToken).ConfigureAwait(false);
            await environment.StandardOutput.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Rule", "Severity", "CWE", "Description");
        foreach (var rule in rules)
        {
            table.AddRow(
                Markup.Escape(rule.Id),
                rule.DefaultSeverity.ToName(),
                string.Join(", ", rule.Cwes.Select(c => $"CWE-{c}")),
                Markup.Escape(rule.ShortDescription));
        }

        environment.Terminal.Write(table);
        environment.Terminal.WriteLine($"{rules.Count} rules.");
        return ExitCodes.Success;
    }
}
