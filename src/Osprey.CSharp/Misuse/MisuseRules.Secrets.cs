using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>The rules about secrets kept or moved where others can read them.</summary>
internal static partial class MisuseRules
{
    public static readonly Rule UnprotectedCredentials = new()
    {
        Id = "cs/unprotected-credentials",
        Name = "UnprotectedCredentials",
        Cwes = [256, 261],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Password read from a file where it is kept in clear or only encoded",
        FullDescription = "A password used to log in (a connection string, a NetworkCredential) is read from a file that holds it in clear text or only "
            + "base64-encoded. Anyone who can read the file, a backup or the deployment package has the password.",
        Help = """
            Keep secrets in a secret store (Azure Key Vault, AWS Secrets Manager, the OS key store) or encrypt them at rest (DPAPI `ProtectedData`, `IDataProtector`)
            and decrypt them only when used. Base64 is an encoding, not encryption.

            ```csharp
            // Bad
            var password = File.ReadAllText("db.pwd");
            var connection = new SqlConnection($"Server=db;User ID=app;Password={password}");

            // Good
            var password = Encoding.UTF8.GetString(ProtectedData.Unprotect(File.ReadAllBytes("db.pwd"), entropy, DataProtectionScope.LocalMachine));
            ```
            """,
        Tags = ["secrets"],
    };

    public static readonly Rule CleartextSecretTransmission = new()
    {
        Id = "cs/cleartext-secret-transmission",
        Name = "CleartextSecretTransmission",
        Cwes = [319, 523],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Secret sent or received over an unencrypted connection",
        FullDescription = "A password or other secret travels over a plain socket or HTTP connection: it is written to one, or it is read from one and used "
            + "to log in without being decrypted. Anyone on the network path can read it.",
        Help = """
            Send secrets only over TLS (`SslStream`, https://) or encrypt them end to end, and decrypt what you receive before using it.

            ```csharp
            // Bad
            using var writer = new StreamWriter(tcpClient.GetStream());
            writer.WriteLine(password);

            // Good
            using var tls = new SslStream(tcpClient.GetStream());
            await tls.AuthenticateAsClientAsync(host);
            tls.Write(Encoding.UTF8.GetBytes(password));
            ```
            """,
        Tags = ["network", "secrets"],
    };

    public static readonly Rule SecretInOutput = new()
    {
        Id = "cs/secret-in-output",
        Name = "SecretInOutput",
        Cwes = [532, 535],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Secret written to a log or the console",
        FullDescription = "A password, a connection string with its password, or the contents of a SecureString is written to a log or to the console "
            + "(often in an error message). Logs and console output are collected, shipped and read by many more people and systems than the secret was meant for.",
        Help = """
            Log what failed, not the secret: leave the connection string out, or log it through `SqlConnectionStringBuilder` with the password removed.

            ```csharp
            // Bad
            logger.Warn("Cannot connect: " + connectionString, ex);

            // Good
            logger.Warn("Cannot connect to the database", ex);
            ```
            """,
        Tags = ["secrets", "information-disclosure"],
    };
}
