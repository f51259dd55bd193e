using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Rules;

/// <summary>Settings of <c>osprey rules</c>.</summary>
public sealed class RulesSettings : CommandSettings
{
    /// <summary>text or json.</summary>
    [CommandOption("-f|--format <FORMAT>")]
    [Description("text (a table) or json. Default: text.")]
    public string Format { get; init; } = "text";

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Format is "text" or "json" ? ValidationResult.Success() : ValidationResult.Error($"unknown format '{Format}' for rules (use text or json).");
}
