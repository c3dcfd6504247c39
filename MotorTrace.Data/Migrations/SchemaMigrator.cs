using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotorTrace.Data.Migrations;

/// <summary>
/// Brings a database to the latest migration, the one way start-up and the <c>migrate</c> command do it.
/// A database made before ADR-008 by the hand-written migrations (history rows
/// <see cref="HandWrittenMigrations"/>) is first moved onto the generated baseline: its schema is the baseline's
/// (the drift test of ADR-004 proved it equal to the model the baseline was generated from), so once its history
/// is found complete the old rows are replaced by the baseline's, no table is touched and no row is lost. A
/// database with an incomplete or unknown hand-written history is refused with what to do.
/// </summary>
public static class SchemaMigrator
{
    public const string HandWrittenInitial = "20261121000000_Initial";
    public const string HandWrittenFrontDesk = "20261122000000_FrontDesk";
    public static readonly IReadOnlyList<string> HandWrittenMigrations = [HandWrittenInitial, HandWrittenFrontDesk];

    /// <summary>Applies pending migrations; true when a hand-written history was moved onto the baseline first.</summary>
    public static async Task<bool> MigrateAsync(MotorTraceDbContext db, CancellationToken cancellationToken = default)
    {
        var adopted = await AdoptHandWrittenHistoryAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        return adopted;
    }

    /// <summary>Replaces a complete hand-written history by the baseline; false when there is none to replace.</summary>
    public static async Task<bool> AdoptHandWrittenHistoryAsync(MotorTraceDbContext db, CancellationToken cancellationToken = default)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken)) return false;
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToList();
        if (!applied.Any(HandWrittenMigrations.Contains)) return false;

        var baseline = db.Database.GetMigrations().First();
        var unknown = applied.Except(HandWrittenMigrations).ToList();
        var missing = HandWrittenMigrations.Except(applied).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
            throw new LegacySchemaException(
                $"This database was made by MotorTrace's hand-written migrations, but its history ({string.Join(", ", applied)}) is not "
                + $"the complete set ({string.Join(", ", HandWrittenMigrations)}), so it cannot be moved onto the generated baseline "
                + $"'{baseline}' safely. Nothing was changed. Bring it up to date with the last release before the generated "
                + "migrations (run its 'migrate' command), then start this version again; or move the data into a new database "
                + "that this version creates. See docs/decisions/ADR-008-generated-migrations-per-provider.md.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = 0;
        foreach (var id in HandWrittenMigrations)
            removed += await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), cancellationToken);
        if (removed != HandWrittenMigrations.Count)
        {
            // Another instance starting at the same moment has done it (it held the rows until it committed).
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>The database cannot be migrated without someone deciding what happens to it; the message says what to do.</summary>
public sealed class LegacySchemaException(string message) : InvalidOperationException(message);
