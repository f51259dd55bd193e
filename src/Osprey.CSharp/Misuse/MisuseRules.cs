using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>The API-misuse rules.</summary>
internal static partial class MisuseRules
{
    public static readonly Rule HardcodedCredentials = new()
    {
        Id = "cs/hardcoded-credentials",
        Name = "HardcodedCredentials",
        Cwes = [798, 259, 321],
        DefaultSeverity = Severity.High,
        ShortDescription = "Hard-coded credential",
        FullDescription = "A password, API key, connection-string password or cryptographic key is written in the source code. Anyone with the code or the binary "
            + "(which keeps string literals readable) has the secret, it cannot be rotated without a release, and it is usually the same on every installation.",
        Help = """
            Load secrets from configuration that is not committed (environment variables, a secret store such as Azure Key Vault or AWS Secrets Manager, `dotnet user-secrets` in development).

            ```csharp
            // Bad
            client.Credentials = new NetworkCredential("mailer", "Sh0p-M4iler!2024");

            // Good
            var smtp = configuration.GetSection("Smtp").Get<SmtpSettings>()!;
            client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
            ```

            For keys, generate them with `RandomNumberGenerator` and keep them in a key store, not in a byte array literal. Rotate any secret that was committed.
            """,
        Tags = ["secrets"],
    };

    public static readonly Rule WeakHash = new()
    {
        Id = "cs/weak-hash",
        Name = "WeakHash",
        Cwes = [328, 327],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Broken or weak hash algorithm",
        FullDescription = "MD5 is broken (collisions are cheap) and SHA-1 is broken for signatures. Used for passwords, both are also far too fast: "
            + "stolen hashes are cracked by brute force in hours.",
        Help = """
            Hash passwords with a slow, salted key-derivation function; use SHA-256 or better for integrity and signatures.

            ```csharp
            // Bad
            var digest = MD5.HashData(Encoding.UTF8.GetBytes(password));

            // Good: PBKDF2 with a random salt (or ASP.NET Core Identity's PasswordHasher<TUser>)
            var salt = RandomNumberGenerator.GetBytes(16);
            var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
            ```
            """,
        Tags = ["crypto"],
    };

    public static readonly Rule WeakCipher = new()
    {
        Id = "cs/weak-cipher",
        Name = "WeakCipher",
        Cwes = [327],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Broken or weak cipher",
        FullDescription = "DES, Triple DES and RC2 have small keys or blocks and are broken or deprecated; ECB mode encrypts equal blocks to equal "
            + "ciphertext and leaks the structure of the data.",
        Help = """
            Use AES in an authenticated mode (`AesGcm`), or AES-CBC with a random IV and an HMAC.

            ```csharp
            // Bad
            using var des = DES.Create();
            aes.Mode = CipherMode.ECB;

            // Good
            using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
            ```
            """,
        Tags = ["crypto"],
    };

    public static readonly Rule InsecureRandomness = new()
    {
        Id = "cs/insecure-randomness",
        Name = "InsecureRandomness",
        Cwes = [338],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Predictable random value used for security",
        FullDescription = "System.Random is not a cryptographic generator: its output can be predicted from a few observed values or from its seed. "
            + "Tokens, passwords, keys, salts, nonces and one-time codes made from it can be guessed.",
        Help = """
            Use `RandomNumberGenerator` for anything an attacker must not guess.

            ```csharp
            // Bad
            var code = new Random().Next(100000, 1000000).ToString();

            // Good
            var code = RandomNumberGenerator.GetInt32(100000, 1000000).ToString();
            var token = RandomNumberGenerator.GetHexString(40, lowercase: true);
            ```
            """,
        Tags = ["crypto"],
    };

    public static readonly Rule CookieWithoutSecure = new()
    {
        Id = "cs/cookie-without-secure",
        Name = "CookieWithoutSecure",
        Cwes = [614],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Cookie without the Secure flag",
        FullDescription = "A cookie without the Secure attribute is also sent over plain HTTP, where anyone on the network path can read or change it.",
        Help = """
            Set `Secure = true` on every cookie (and serve the site over HTTPS only).

            ```csharp
            // Bad
            Response.Cookies.Append("cart", value, new CookieOptions { Secure = false });

            // Good
            Response.Cookies.Append("cart", value, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            ```

            In ASP.NET (System.Web) set `cookie.Secure = true`, or `<httpCookies requireSSL="true" />` in web.config.
            """,
        Tags = ["cookies"],
    };

    public static readonly Rule CookieWithoutHttpOnly = new()
    {
        Id = "cs/cookie-without-httponly",
        Name = "CookieWithoutHttpOnly",
        Cwes = [1004],
        DefaultSeverity = Severity.Low,
        ShortDescription = "Cookie without the HttpOnly flag",
        FullDescription = "A cookie without the HttpOnly attribute can be read by JavaScript, so any cross-site scripting flaw can steal it.",
        Help = """
            Set `HttpOnly = true` unless client script must read the cookie.

            ```csharp
            // Bad
            new CookieOptions { HttpOnly = false }

            // Good
            new CookieOptions { HttpOnly = true, Secure = true }
            ```
            """,
        Tags = ["cookies"],
    };

    public static readonly Rule CleartextTransmission = new()
    {
        Id = "cs/cleartext-transmission",
        Name = "CleartextTransmission",
        Cwes = [319],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Data sent over unencrypted HTTP",
        FullDescription = "The program sends a request with a body, credentials or values in the URL to an http:// address. Anyone on the network path can read "
            + "and change what it sends and what comes back.",
        Help = """
            Use https:// URLs (and do not turn off certificate validation).

            ```csharp
            // Bad
            await http.PostAsJsonAsync("http://api.example.com/orders", order);

            // Good
            await http.PostAsJsonAsync("https://api.example.com/orders", order);
            ```
            """,
        Tags = ["network"],
    };

    public static readonly Rule CleartextStorage = new()
    {
        Id = "cs/cleartext-storage",
        Name = "CleartextStorage",
        Cwes = [312, 313, 315],
        DefaultSeverity = Severity.Medium,
        ShortDescription = "Password stored in clear text",
        FullDescription = "A password or secret is written unprotected to a file, a cookie or a log, where people and processes that should not see it can read it.",
        Help = """
            Do not store secrets; when you must, store a salted password hash or protect the value (`IDataProtector`, DPAPI), and never log it.

            ```csharp
            // Bad
            File.WriteAllText(path, password);
            logger.LogInformation("Login {User} with {Password}", user, password);

            // Good
            File.WriteAllBytes(path, protector.Protect(Encoding.UTF8.GetBytes(password)));
            logger.LogInformation("Login {User}", user);
            ```
            """,
        Tags = ["secrets"],
    };

    public static readonly Rule ErrorDetailsExposure = new()
    {
        Id = "cs/error-details-exposure",
        Name = "ErrorDetailsExposure",
        Cwes = [209],
        DefaultSeverity = Severity.Low,
        ShortDescription = "Exception details sent to the client",
        FullDescription = "An exception's text or stack trace is written to the HTTP response. It tells an attacker about the code, its libraries, "
            + "file paths, SQL and configuration, which helps build further attacks.",
        Help = """
            Log the exception on the server and return a generic message (with a correlation id).

            ```csharp
            // Bad
            catch (Exception ex) { return StatusCode(500, ex.ToString()); }

            // Good
            catch (Exception ex)
            {
                logger.LogError(ex, "Import failed");
                return Problem("The import failed.", statusCode: 500);
            }
            ```
            """,
        Tags = ["information-disclosure"],
    };

    public static readonly Rule UntrustedSearchPath = new()
    {
        Id = "cs/untrusted-search-path",
        Name = "UntrustedSearchPath",
        Cwes = [426],
        DefaultSeverity = Severity.Low,
        ShortDescription = "Program started by name, found through the search path",
        FullDescription = "A process is started with a bare program name such as `ls` or `cmd.exe`. The operating system looks the name up in "
            + "the folders of `PATH` (on Windows also the application folder and the working directory), so whoever can write to one of them, "
            + "or set `PATH` for the process, chooses the program that runs with this application's rights.",
        Help = """
            Start programs by their full path, or resolve the path once from trusted configuration and check that it is absolute.

            ```csharp
            // Bad
            var info = new ProcessStartInfo("ls", "-la");

            // Good
            var info = new ProcessStartInfo("/bin/ls", "-la");
            ```

            This matters most for services, installers and tools run with more rights than the users who can write to `PATH` folders or the working directory.
            """,
        Tags = ["process"],
    };

    public static readonly Rule UntrustedLibraryPath = new()
    {
        Id = "cs/untrusted-library-path",
        Name = "UntrustedLibraryPath",
        Cwes = [114, 427],
        DefaultSeverity = Severity.Low,
        ShortDescription = "Library loaded by file name, found through a search",
        FullDescription = "A managed or native library is loaded by a bare file name such as `plugin.dll`. The loader looks for it in the working "
            + "directory, the application folder or the library search path (`PATH`, `LD_LIBRARY_PATH`), so whoever can write a file of that name "
            + "to one of them runs code inside this process (DLL planting).",
        Help = """
            Load libraries from an absolute path built from a trusted location, such as the application's own folder.

            ```csharp
            // Bad
            var plugin = Assembly.LoadFrom("plugin.dll");

            // Good
            var plugin = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "plugins", "plugin.dll"));
            ```

            For native libraries prefer `NativeLibrary.Load(path)` with a full path, or `DllImportSearchPath.System32`/`AssemblyDirectory` on P/Invoke declarations.
            """,
        Tags = ["process"],
    };
}
