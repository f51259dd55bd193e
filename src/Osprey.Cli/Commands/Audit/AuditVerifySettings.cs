using System.ComponentModel;
using Osprey.Cli.Commands.Serve;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Audit;

/// <summary>Settings of <c>osprey audit verify</c> and <c>osprey audit export</c>.</summary>
public sealed class AuditSettings : ServerSettings
{
    /// <summary>Where to write exported checkpoints.</summary>
    [CommandOption("-o|--output <FILE>")]
    [Description("export: write the signed checkpoints to FILE instead of stdout.")]
    public string? Output { get; init; }
}
