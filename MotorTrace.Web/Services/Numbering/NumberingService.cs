using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Web.Services.Numbering;

/// <summary>
/// Per-dealer numbering (work orders now, invoices later) from <see cref="DealerSequence"/> rows. Taking a
/// number is one atomic <c>UPDATE … SET NextValue = NextValue + 1</c> followed by a re-read inside the same
/// transaction: the update holds the row (PostgreSQL) or the database's write lock (SQLite) until commit,
/// so two desks taking a number at the same moment always get different ones, and a rolled-back save
/// gives its number back.
/// </summary>
public sealed class NumberingService
{
    public const string WorkOrders = "WorkOrder";

    /// <summary>
    /// Takes the next number of <paramref name="series"/> at <paramref name="dealerId"/> on the caller's context
    /// (<paramref name="db"/>, a context per operation), inside the caller's
    /// transaction when there is one (the number is then only used if the caller commits), else in its own.
    /// Call it before adding the caller's own changes: creating a missing sequence row saves the context.
    /// <paramref name="firstValue"/> gives the first number of a new series (e.g. after imported records).
    /// </summary>
    public async Task<long> NextAsync(MotorTraceDbContext db, Guid dealerId, string series, Func<Task<long>>? firstValue = null)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        try
        {
            var number = await TakeAsync(db, dealerId, series, firstValue);
            if (own is not null) await own.CommitAsync();
            return number;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static async Task<long> TakeAsync(MotorTraceDbContext db, Guid dealerId, string series, Func<Task<long>>? firstValue)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var taken = await db.DealerSequences
                .Where(s => s.DealerId == dealerId && s.Name == series)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.NextValue, x => x.NextValue + 1)
                    .SetProperty(x => x.Version, Guid.NewGuid()));
            if (taken == 1)
                return await db.DealerSequences.Where(s => s.DealerId == dealerId && s.Name == series)
                    .Select(s => s.NextValue).SingleAsync() - 1;

            // The series' first number: create its row, already past that number.
            var first = firstValue is null ? 1 : await firstValue();
            var row = new DealerSequence { DealerId = dealerId, Name = series, NextValue = first + 1 };
            db.DealerSequences.Add(row);
            try
            {
                await db.SaveChangesAsync();
                return first;
            }
            catch (DbUpdateException)
            {
                // Another desk created the row at the same moment (unique DealerId + Name): take from it instead.
                db.Entry(row).State = EntityState.Detached;
            }
        }
        throw new InvalidOperationException($"Could not take a number of the series '{series}'.");
    }
}
