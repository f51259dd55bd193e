using System.ComponentModel;
using Osprey.Server;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Serve;

/// <summary>Settings shared by the commands that open the server's store.</summary>
public class ServerSettings : CommandSettings
{
    /// <summary>The data folder.</summary>
    [CommandOption("--data <DIR>")]
    [Description("Folder for the SQLite database, the key-hash secret and the audit signing key. Default: ./osprey-data.")]
    public string? DataDirectory { get; init; }

    /// <summary>A PostgreSQL connection string.</summary>
    [CommandOption("--database <CONNECTION>")]
    [Description("PostgreSQL connection string (Host=…;Database=…). Default: SQLite in the data folder.")]
    public string? Database { get; init; }

    /// <summary>The server options these settings describe.</summary>
    internal ServerOptions ToOptions(TextWriter output)
    {
        var options = new ServerOptions { Output = output, Database = Database };
        return DataDirectory is null ? options : options with { DataDirectory = Path.GetFullPath(DataDirectory) };
    }
}

/// <summary>Settings of <c>osprey serve</c>.</summary>
public sealed class ServeSettings : ServerSettings
{
    /// <summary>The listening URL.</summary>
    [CommandOption("--url <URL>")]
    [Description("Where to listen. Default: http://127.0.0.1:5080.")]
    public string? Url { get; init; }

    /// <summary>Scans run at once.</summary>
    [CommandOption("--workers <N>")]
    [Description("Scans this process runs at once. Default: 1.")]
    public int? Workers { get; init; }

    /// <summary>Creates another operator key and exits.</summary>
    [CommandOption("--create-operator-key <NAME>")]
    [Description("Create an operator key with this name, print it once, and exit.")]
    public string? CreateOperatorKey { get; init; }

    /// <summary>A JSON file with the dashboard's OpenID Connect sign-in settings.</summary>
    [CommandOption("--oidc-config <FILE>")]
    [Description("JSON file with the dashboard's OpenID Connect sign-in settings (authority, clientId, mappings; see docs/server.md). The client secret may come from OSPREY_OIDC_CLIENT_SECRET.")]
    public string? OidcConfig { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Url is not null && !Uri.TryCreate(Url, UriKind.Absolute, out _))
        {
            return ValidationResult.Error($"'{Url}' is not an absolute URL (e.g. http://127.0.0.1:5080).");
        }

        return Workers is < 1 ? ValidationResult.Error("--workers must be at least 1.") : ValidationResult.Success();
    }
}
