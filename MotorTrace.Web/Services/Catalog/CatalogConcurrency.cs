using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Web.Services.Catalog;

/// <summary>
/// Optimistic concurrency for the catalogue without a Version column.
/// <para>
/// CannedService and LaborCatalog are not <see cref="IConcurrencyVersioned"/>, and the data model stays as it
/// is, but their UpdatedAt is renewed by the auditing interceptor on every save, so it tells just as well
/// whether a record changed since a form was loaded. The form carries it as ticks (a DateTime round-trips
/// exactly that way, whatever the culture or time zone of the server).
/// </para>
/// <para>
/// Comparing in memory and then saving would leave a gap in which another save could slip in unseen. So the
/// save first claims the row inside its transaction: a no-op UPDATE guarded by the original UpdatedAt. No row
/// claimed means someone saved (or deleted) it meanwhile: nothing is changed and the user is told. A claimed
/// row stays locked until the transaction commits (a row lock on PostgreSQL, the database write lock on
/// SQLite), so a concurrent save waits and then finds the stamp changed.
/// </para>
/// </summary>
public static class CatalogConcurrency
{
    /// <summary>
    /// Starts the transaction of a save and claims the record; returns null (and leaves no transaction open)
    /// when the record is no longer as the form saw it.
    /// </summary>
    public static async Task<IDbContextTransaction?> ClaimAsync<T>(MotorTraceDbContext db, Guid id, long updatedAtTicks)
        where T : AuditableEntity
    {
        var original = new DateTime(updatedAtTicks, DateTimeKind.Utc);
        var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await db.Set<T>()
            .Where(e => e.Id == id && e.UpdatedAt == original)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, e => e.UpdatedAt));
        if (claimed == 1) return transaction;
        await transaction.DisposeAsync();
        return null;
    }

    /// <summary>The stamp a form carries for a record loaded now.</summary>
    public static long Stamp(DateTime updatedAt) => updatedAt.Ticks;
}
