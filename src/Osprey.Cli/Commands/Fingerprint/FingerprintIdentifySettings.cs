using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Fingerprint;

/// <summary>Settings of <c>osprey fingerprint identify</c>.</summary>
public sealed class FingerprintIdentifySettings : CommandSettings
{
    /// <summary>The leaked text to attribute.</summary>
    [CommandArgument(0, "<file>")]
    [Description("A text file suspected to contain Osprey output (explanations, reports).")]
    public string File { get; init; } = "";

    /// <summary>The organisations' fingerprint keys.</summary>
    [CommandOption("--keys <FILE>")]
    [Description("The organisations' fingerprint keys, one 'org-id base64-secret' per line.")]
    public string Keys { get; init; } = "";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (!System.IO.File.Exists(File))
        {
            return ValidationResult.Error($"the file '{File}' does not exist.");
        }

        return System.IO.File.Exists(Keys) ? ValidationResult.Success() : ValidationResult.Error($"--keys '{Keys}' does not exist: give the key list file.");
    }
}
