using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Auditing;

/// <summary>
/// The one place that stamps created/updated fields, renews concurrency tokens and writes the audit
/// trail: an <see cref="AuditLog"/> row for every inserted, updated or deleted record, with the old and
/// new values as JSON. Secrets never reach the audit trail.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Logs of their own, or key material: not audited.</summary>
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditLog), typeof(LoginActivity), typeof(UserSession), typeof(DataProtectionKey),
        typeof(IdentityUserToken<Guid>), typeof(Notification),
    ];

    /// <summary>Property names whose values are secrets or noise; they never appear in old/new values.</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "Token", "Xml",
    };

    /// <summary>Enums as their names, so the audit trail reads "Cancelled", not 4.</summary>
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is not MotorTraceDbContext db) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = db.CurrentUser;
        var audits = new List<AuditLog>();

        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            // Marked modified but nothing changed (Update() of an unchanged copy): no stamp, no UPDATE, no audit row.
            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            {
                entry.State = EntityState.Unchanged;
                continue;
            }

            if (entry.Entity is IAuditable auditable)
            {
                // A bulk load of history (SuppressAudit) keeps the dates it set, so seeded records and
                // ledger rows sit where they happened instead of all at "now".
                var keepDates = db.SuppressAudit && entry.State == EntityState.Added;
                if (entry.State == EntityState.Added)
                {
                    if (!keepDates || auditable.CreatedAt == default) auditable.CreatedAt = now;
                    auditable.CreatedById ??= actor.UserId;
                }
                if (entry.State != EntityState.Deleted)
                {
                    if (!keepDates || auditable.UpdatedAt == default) auditable.UpdatedAt = keepDates ? auditable.CreatedAt : now;
                    auditable.UpdatedById = actor.UserId ?? auditable.UpdatedById;
                }
            }
            if (entry.Entity is IConcurrencyVersioned versioned && entry.State == EntityState.Modified)
                versioned.Version = Guid.NewGuid();
            if (entry.Entity is Entities.Identity.ApplicationUser user)
            {
                if (entry.State == EntityState.Added && user.CreatedAt == default) user.CreatedAt = now;
                if (entry.State != EntityState.Deleted) user.UpdatedAt = now;
            }

            if (db.SuppressAudit || NotAudited.Contains(entry.Metadata.ClrType)) continue;
            var audit = ToAudit(entry, now, actor);
            if (audit is not null) audits.Add(audit);
        }

        if (audits.Count > 0) db.AuditLogs.AddRange(audits);
    }

    private static AuditLog? ToAudit(EntityEntry entry, DateTime now, Tenancy.ICurrentUser actor)
    {
        var oldValues = new Dictionary<string, object?>();
        var newValues = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Secret.Contains(name)) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    newValues[name] = property.CurrentValue;
                    break;
                case EntityState.Deleted:
                    oldValues[name] = property.OriginalValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    oldValues[name] = property.OriginalValue;
                    newValues[name] = property.CurrentValue;
                    break;
            }
        }
        if (entry.State == EntityState.Modified && newValues.Count == 0) return null;

        var key = entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture));
        return new AuditLog
        {
            UserId = actor.UserId,
            DealerId = entry.Entity is IDealerOwned owned ? owned.DealerId : null,
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            },
            EntityType = entry.Metadata.ShortName(),
            EntityId = string.Join(",", key),
            OldValues = oldValues.Count == 0 ? null : JsonSerializer.Serialize(oldValues, Json),
            NewValues = newValues.Count == 0 ? null : JsonSerializer.Serialize(newValues, Json),
            IpAddress = actor.IpAddress,
            UserAgent = actor.UserAgent,
            CreatedAt = now,
        };
    }
}
