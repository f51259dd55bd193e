using Microsoft.EntityFrameworkCore;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Disclosure;

/// <summary>
/// Cases in the server's database. Saving replaces the case row and appends the revisions and
/// events not yet stored, in one transaction; stored revisions and events are never rewritten.
/// </summary>
internal sealed class DbDisclosureCaseStore(ServerRuntime runtime) : IDisclosureCaseStore
{
    public async Task<IReadOnlyList<DisclosureCase>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        var rows = await db.DisclosureCases.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.CaseJson).ToListAsync(cancellationToken);
        return rows.Select(DisclosureCaseJson.Read).ToList();
    }

    public async Task<DisclosureCase?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        var json = await db.DisclosureCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.CaseJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : DisclosureCaseJson.Read(json);
    }

    /// <summary>Every case of a maintainer, for the maintainer's bundle.</summary>
    public async Task<IReadOnlyList<DisclosureCase>> ListByMaintainerAsync(string maintainerId, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        var rows = await db.DisclosureCases.AsNoTracking().Where(c => c.MaintainerId == maintainerId).OrderBy(c => c.Id).Select(c => c.CaseJson).ToListAsync(cancellationToken);
        return rows.Select(DisclosureCaseJson.Read).ToList();
    }

    public async Task SaveAsync(DisclosureCase @case, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.DisclosureCases.FirstOrDefaultAsync(c => c.Id == @case.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Disclosure case {@case.Id} does not exist; cases are opened by DisclosureIntake.");
        await SaveAsync(db, row, @case, runtime.Now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Writes the case into its row (new or tracked) and appends the missing revision and event rows.</summary>
    public static async Task SaveAsync(OspreyDbContext db, DisclosureCaseEntity row, DisclosureCase c, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.Status = c.Status.ToVexName();
        row.MaintainerId = c.Maintainer.Id;
        row.SignedOffBy = c.SignOff?.Reviewer;
        row.SignedOffAt = c.SignOff?.At;
        row.UpdatedAt = now;
        row.Active = c.Status != VexStatus.NotAffected && !c.Has(DisclosureEventKind.DetailsReleased);
        row.CaseJson = DisclosureCaseJson.Write(c);
        var revisions = await db.DisclosureRevisions.Where(r => r.CaseId == c.Id).CountAsync(cancellationToken);
        foreach (var r in c.Revisions.Skip(revisions))
        {
            db.DisclosureRevisions.Add(new DisclosureRevisionEntity
            {
                CaseId = c.Id, Number = r.Number, At = r.At, Actor = r.Actor, Status = r.Status.ToVexName(), Justification = r.Justification?.ToVexName(), Summary = r.Summary,
            });
        }

        var events = await db.DisclosureEvents.Where(e => e.CaseId == c.Id).CountAsync(cancellationToken);
        foreach (var (e, i) in c.Events.Select((e, i) => (e, i)).Skip(events))
        {
            db.DisclosureEvents.Add(new DisclosureEventEntity
            {
                CaseId = c.Id, Sequence = i + 1, Kind = e.Kind.ToString(), At = e.At, Actor = e.Actor, Note = e.Note, EventKey = e.Key,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
