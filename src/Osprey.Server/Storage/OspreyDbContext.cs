using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Osprey.Server.Storage;

/// <summary>
/// The server's database. One model for both providers; each provider has its own subclass so
/// that it gets its own migration set (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>).
/// </summary>
internal abstract class OspreyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OrganisationEntity> Organisations => Set<OrganisationEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<KeyClientEntity> KeyClients => Set<KeyClientEntity>();
    public DbSet<AssetEntity> Assets => Set<AssetEntity>();
    public DbSet<ScanJobEntity> ScanJobs => Set<ScanJobEntity>();
    public DbSet<ScanArchiveEntity> ScanArchives => Set<ScanArchiveEntity>();
    public DbSet<DailyScanCounterEntity> DailyScanCounters => Set<DailyScanCounterEntity>();
    public DbSet<FindingEntity> Findings => Set<FindingEntity>();
    public DbSet<AuditRecordEntity> AuditRecords => Set<AuditRecordEntity>();
    public DbSet<AuditCheckpointEntity> AuditCheckpoints => Set<AuditCheckpointEntity>();
    public DbSet<UsageRecordEntity> UsageRecords => Set<UsageRecordEntity>();
    public DbSet<DisclosureCaseEntity> DisclosureCases => Set<DisclosureCaseEntity>();
    public DbSet<DisclosureRevisionEntity> DisclosureRevisions => Set<DisclosureRevisionEntity>();
    public DbSet<DisclosureEventEntity> DisclosureEvents => Set<DisclosureEventEntity>();
    public DbSet<DisclosureOutboxEntity> DisclosureOutbox => Set<DisclosureOutboxEntity>();
    public DbSet<SubmissionFeatureEntity> SubmissionFeatures => Set<SubmissionFeatureEntity>();
    public DbSet<AbuseAssessmentEntity> AbuseAssessments => Set<AbuseAssessmentEntity>();
    public DbSet<AbuseCaseEntity> AbuseCases => Set<AbuseCaseEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Unix milliseconds: ordered and comparable on SQLite too (which cannot compare DateTimeOffset text).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<OrganisationStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ApiKeyRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AssetKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ScanStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FindingTracking>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganisationEntity>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.Status);
        });
        modelBuilder.Entity<ApiKeyEntity>(e =>
        {
            e.HasKey(k => k.Id);
            e.HasIndex(k => k.Prefix).IsUnique();
            e.HasIndex(k => k.OrganisationId);
        });
        modelBuilder.Entity<KeyClientEntity>().HasKey(c => new { c.KeyId, c.ClientFingerprint, c.ClientAddress });
        modelBuilder.Entity<AssetEntity>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.OrganisationId);
        });
        modelBuilder.Entity<ScanJobEntity>(e =>
        {
            e.HasKey(j => j.Id);
            e.HasIndex(j => new { j.Status, j.SubmittedAt });
            e.HasIndex(j => new { j.OrganisationId, j.SubmittedAt });
        });
        modelBuilder.Entity<ScanArchiveEntity>().HasKey(a => a.ScanId);
        modelBuilder.Entity<DailyScanCounterEntity>().HasKey(c => new { c.OrganisationId, c.Day });
        modelBuilder.Entity<FindingEntity>(e =>
        {
            e.HasKey(f => f.Id);
            e.HasIndex(f => f.ScanId);
            e.HasIndex(f => new { f.OrganisationId, f.AssetId, f.Fingerprint });
        });
        modelBuilder.Entity<AuditRecordEntity>(e =>
        {
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).ValueGeneratedNever();
            e.HasIndex(r => new { r.OrganisationId, r.Sequence });
        });
        modelBuilder.Entity<AuditCheckpointEntity>(e =>
        {
            e.HasKey(c => c.TreeSize);
            e.Property(c => c.TreeSize).ValueGeneratedNever();
        });
        modelBuilder.Entity<UsageRecordEntity>(e =>
        {
            e.HasKey(u => u.Id);
            e.HasIndex(u => u.At);
            e.HasIndex(u => new { u.OrganisationId, u.At });
            e.HasIndex(u => new { u.KeyId, u.At });
        });
        DisclosureAndAbuseModel.Configure(modelBuilder);
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}

/// <summary>The SQLite flavour (embedded default).</summary>
internal sealed class SqliteOspreyDbContext(DbContextOptions<SqliteOspreyDbContext> options) : OspreyDbContext(options);

/// <summary>The PostgreSQL flavour (production).</summary>
internal sealed class PostgresOspreyDbContext(DbContextOptions<PostgresOspreyDbContext> options) : OspreyDbContext(options);
