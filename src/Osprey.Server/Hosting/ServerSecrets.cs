using System.Security.Cryptography;

namespace Osprey.Server.Hosting;

/// <summary>
/// The two secrets kept outside the database: the key-hash secret (HMAC-SHA256 key for API key
/// hashes) and the audit signing key (ECDSA P-256). Read from <c>OSPREY_KEY_HASH_SECRET</c>
/// (base64) and <c>OSPREY_AUDIT_SIGNING_KEY</c> (PKCS#8 PEM) when set, else from
/// <c>secrets/</c> in the data folder, created on first start with owner-only permissions.
/// </summary>
internal sealed class ServerSecrets : IDisposable
{
    public const string KeyHashSecretVariable = "OSPREY_KEY_HASH_SECRET";
    public const string SigningKeyVariable = "OSPREY_AUDIT_SIGNING_KEY";

    private ServerSecrets(byte[] keyHashSecret, ECDsa signingKey)
    {
        KeyHashSecret = keyHashSecret;
        SigningKey = signingKey;
    }

    public byte[] KeyHashSecret { get; }

    public ECDsa SigningKey { get; }

    public static ServerSecrets Load(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "secrets");
        var secret = Environment.GetEnvironmentVariable(KeyHashSecretVariable) is { Length: > 0 } fromEnv
            ? Convert.FromBase64String(fromEnv)
            : ReadOrCreate(Path.Combine(folder, "key-hash.secret"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.FromBase64String);
        if (secret.Length < 32)
        {
            throw new InvalidOperationException($"The key-hash secret must be at least 32 bytes (was {secret.Length}).");
        }

        var pem = Environment.GetEnvironmentVariable(SigningKeyVariable) is { Length: > 0 } pemFromEnv
            ? pemFromEnv
            : ReadOrCreate(Path.Combine(folder, "audit-signing-key.pem"), NewSigningKeyPem, text => text);
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new ServerSecrets(secret, key);
    }

    private static string NewSigningKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static T ReadOrCreate<T>(string path, Func<string> create, Func<string, T> parse)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(path, options);
                writer.Write(create());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        return parse(File.ReadAllText(path).Trim());
    }

    public void Dispose() => SigningKey.Dispose();
}
