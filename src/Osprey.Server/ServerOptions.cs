namespace Osprey.Server;

/// <summary>
/// Everything that shapes one server instance. Defaults make <c>osprey serve</c> work with no
/// options: SQLite in <see cref="DataDirectory"/>, loopback only.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>
    /// The folder for the SQLite database, the key-hash secret and the audit signing key. The
    /// secrets live here even with PostgreSQL, so that a database dump alone cannot forge audit
    /// checkpoints or test key guesses offline.
    /// </summary>
    /// <value><c>osprey-data</c> in the current directory.</value>
    public string DataDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, "osprey-data");

    /// <summary>A PostgreSQL connection string (<c>Host=…;Database=…</c>); null uses SQLite in <see cref="DataDirectory"/>.</summary>
    /// <value>Null.</value>
    public string? Database { get; init; }

    /// <summary>The URL to listen on.</summary>
    /// <value><c>http://127.0.0.1:5080</c>.</value>
    public string Url { get; init; } = "http://127.0.0.1:5080";

    /// <summary>How many scans this process runs at once.</summary>
    /// <value>1.</value>
    public int Workers { get; init; } = 1;

    /// <summary>How often a job may be started before a crash during it marks it failed.</summary>
    /// <value>2.</value>
    public int MaxScanAttempts { get; init; } = 2;

    /// <summary>How long usage records are kept.</summary>
    /// <value>90 days.</value>
    public TimeSpan UsageRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How often expired usage records are purged.</summary>
    /// <value>1 hour.</value>
    public TimeSpan UsagePurgeInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Default quota for new organisations: scans admitted per UTC day.</summary>
    /// <value>50.</value>
    public int DefaultScansPerDay { get; init; } = 50;

    /// <summary>Default quota: scans queued or running at once.</summary>
    /// <value>2.</value>
    public int DefaultConcurrentScans { get; init; } = 2;

    /// <summary>Default quota: largest accepted archive, in bytes.</summary>
    /// <value>20 MiB.</value>
    public long DefaultMaxArchiveBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Default quota: API requests per minute per organisation.</summary>
    /// <value>600.</value>
    public int DefaultRequestsPerMinute { get; init; } = 600;

    /// <summary>Default quota: model tokens the later agent stages may spend.</summary>
    /// <value>0 (no model use).</value>
    public long DefaultModelTokenBudget { get; init; }

    /// <summary>Largest total size of the files extracted from one archive, in bytes.</summary>
    /// <value>200 MiB.</value>
    public long MaxExtractedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Most files one archive may contain.</summary>
    /// <value>20,000.</value>
    public int MaxArchiveFiles { get; init; } = 20_000;

    /// <summary>Largest JSON request body, in bytes.</summary>
    /// <value>64 KiB.</value>
    public int MaxJsonBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Anonymous organisation applications per minute per client address.</summary>
    /// <value>10.</value>
    public int ApplicationsPerMinute { get; init; } = 10;

    /// <summary>
    /// Whether URL ownership verification may fetch from loopback addresses. Off in production
    /// (a loopback fetch would let a tenant probe the server's own host); tests turn it on, and
    /// then only loopback is fetched.
    /// </summary>
    /// <value>False.</value>
    public bool LoopbackUrlVerificationOnly { get; init; }

    /// <summary>
    /// Test only: repository fetches (scans of a registered asset without an archive) go only to
    /// loopback addresses, and may use <c>git://</c> and <c>file://</c> URLs as well as
    /// <c>https://</c>. Off in production, where only <c>https://</c> to public addresses is fetched.
    /// </summary>
    /// <value>False.</value>
    public bool LoopbackRepositoriesOnly { get; init; }

    /// <summary>How long fetching a repository and reading its tree may take before the scan fails.</summary>
    /// <value>2 minutes.</value>
    public TimeSpan RepositoryFetchTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most bytes a repository fetch may write (the shallow pack of one commit) before the scan fails.</summary>
    /// <value>200 MiB.</value>
    public long MaxRepositoryBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>The git executable used to fetch repositories.</summary>
    /// <value><c>git</c> (found on the PATH).</value>
    public string GitExecutable { get; init; } = "git";

    /// <summary>Dashboard sign-in through an OpenID Connect provider, or null for key sign-in only.</summary>
    /// <value>Null.</value>
    public OidcSignInOptions? Oidc { get; init; }

    /// <summary>Coordinated disclosure: timeline policy, scheduler interval, advisory publisher.</summary>
    /// <value>The defaults of <see cref="DisclosureOptions"/>.</value>
    public DisclosureOptions Disclosure { get; init; } = new();

    /// <summary>Abuse detection: monitor interval, windows, action bands, throttle rate.</summary>
    /// <value>The defaults of <see cref="AbuseMonitoringOptions"/>.</value>
    public AbuseMonitoringOptions Abuse { get; init; } = new();

    /// <summary>The clock; tests inject a fake one.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where start-up messages (data folder, URL, first operator key) are written.</summary>
    /// <value><see cref="Console.Out"/>.</value>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Returns every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory)) problems.Add("A data directory is required.");
        if (!Uri.TryCreate(Url, UriKind.Absolute, out _)) problems.Add($"'{Url}' is not an absolute URL.");
        if (Workers < 1) problems.Add($"Workers must be at least 1 (was {Workers}).");
        if (MaxScanAttempts < 1) problems.Add($"Max scan attempts must be at least 1 (was {MaxScanAttempts}).");
        if (UsageRetention <= TimeSpan.Zero) problems.Add("Usage retention must be positive.");
        if (UsagePurgeInterval <= TimeSpan.Zero) problems.Add("Usage purge interval must be positive.");
        if (DefaultScansPerDay < 0 || DefaultConcurrentScans < 0 || DefaultRequestsPerMinute < 1 || DefaultMaxArchiveBytes < 1)
            problems.Add("Default quotas must be non-negative, with at least one request per minute and one archive byte.");
        if (MaxExtractedBytes < 1 || MaxArchiveFiles < 1 || MaxJsonBodyBytes < 1) problems.Add("Archive and body limits must be positive.");
        if (RepositoryFetchTimeout <= TimeSpan.Zero || MaxRepositoryBytes < 1) problems.Add("The repository fetch timeout and size limit must be positive.");
        if (string.IsNullOrWhiteSpace(GitExecutable)) problems.Add("A git executable is required.");
        if (Oidc is not null) problems.AddRange(Oidc.Validate());
        problems.AddRange(Abuse.Validate());
        try
        {
            Disclosure.ToPolicy().Validate();
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
        }

        return problems;
    }
}
