using Microsoft.EntityFrameworkCore;

namespace Osprey.Server.Storage;

/// <summary>Keys and indexes of the disclosure and abuse tables (migration <c>DisclosureAndAbuse</c>).</summary>
internal static class DisclosureAndAbuseModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DisclosureCaseEntity>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(32);
            e.HasIndex(c => new { c.AssetId, c.Fingerprint }).IsUnique();
            e.HasIndex(c => new { c.Active, c.OpenedAt });
            e.HasIndex(c => c.OrganisationId);
            e.HasIndex(c => c.MaintainerId);
        });
        modelBuilder.Entity<DisclosureRevisionEntity>().HasKey(r => new { r.CaseId, r.Number });
        modelBuilder.Entity<DisclosureEventEntity>().HasKey(r => new { r.CaseId, r.Sequence });
        modelBuilder.Entity<DisclosureOutboxEntity>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.DeliveredAt, o.Id });
        });
        modelBuilder.Entity<SubmissionFeatureEntity>(e =>
        {
            e.HasKey(s => s.ScanId);
            e.HasIndex(s => s.At);
            e.HasIndex(s => new { s.AssetId, s.At });
        });
        modelBuilder.Entity<AbuseAssessmentEntity>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.SubjectId, a.At });
        });
        modelBuilder.Entity<AbuseCaseEntity>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.SubjectKind, c.SubjectId });
            e.HasIndex(c => new { c.Status, c.UpdatedAt });
        });
    }
}
