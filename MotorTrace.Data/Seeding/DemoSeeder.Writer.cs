using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Seeding;

/// <summary>
/// How seeded rows reach the database, in batches of <see cref="BatchSize"/>.
/// <para>
/// PostgreSQL (and any other provider): <c>AddRange</c>, <c>SaveChanges</c>, <c>ChangeTracker.Clear()</c>; the
/// provider batches many INSERTs per round trip and the auditing interceptor stamps the rows.
/// </para>
/// <para>
/// SQLite: EF Core's SQLite provider sends one command per row (there is no round trip to save, so it does not
/// batch), and its per-command work dominated the seed: about 5,000 rows a second, so the 10-dealer benchmark
/// would have taken most of an hour. Here each table gets one prepared INSERT, built from the EF model (same
/// tables, columns and value conversions, parameters made by EF's own type mappings), executed once per row
/// inside one transaction per batch. While loading, foreign keys are checked once for the whole database at
/// the end (<c>PRAGMA foreign_key_check</c>, a fraction of a second) instead of row by row, and the rollback
/// journal stays in memory; a dangling reference still fails the seed.
/// </para>
/// </summary>
public sealed partial class DemoSeeder
{
    private const int BatchSize = 5000;

    private readonly List<object> _rows = [];
    private readonly Dictionary<Type, TableWriter> _tables = [];
    private (long Synchronous, long CacheSize, long TempStore, long ForeignKeys, string JournalMode, long MmapSize)? _sqliteDefaults;

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);

    private sealed record TableWriter(DbCommand Command, Column[] Columns);

    private bool FastSqlite => _sqliteDefaults is not null;

    private int _pending;

    private T Add<T>(T entity) where T : class
    {
        if (FastSqlite) _rows.Add(entity);
        else db.Add(entity);
        _pending++;
        return entity;
    }

    /// <summary>Hands a full batch to the writer and carries on drawing the next one meanwhile.</summary>
    private async Task FlushIfFullAsync()
    {
        if (_pending >= BatchSize) await FlushAsync(wait: false);
    }

    /// <summary>
    /// Writes what is pending. With <paramref name="wait"/> false the SQLite batch is written on a second
    /// thread while the seeder draws the next one (the seed is then limited by SQLite alone, not by both);
    /// the rows handed over are never touched again by the drawing thread, and the connection is used by
    /// one thread at a time because every flush first waits for the write before it.
    /// </summary>
    private async Task FlushAsync(bool wait = true)
    {
        await _writing;
        // Identity rows (users, roles, staff profiles) always go through EF Core: there are few, and the
        // bulk rows that refer to them come after.
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        _pending = 0;
        if (!FastSqlite || _rows.Count == 0) return;

        var rows = _rows.ToArray();
        _rows.Clear();
        _writing = Task.Run(() => WriteRows(rows));
        if (wait) await _writing;
    }

    private Task _writing = Task.CompletedTask;

    private void WriteRows(object[] rows)
    {
        var connection = db.Database.GetDbConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var row in rows)
        {
            if (row is IAuditable auditable)
            {
                // What the auditing interceptor does for a seed (SuppressAudit): keep back-dated stamps, fill missing ones.
                if (auditable.CreatedAt == default) auditable.CreatedAt = _now;
                if (auditable.UpdatedAt == default) auditable.UpdatedAt = auditable.CreatedAt;
            }
            var table = TableFor(row.GetType(), connection);
            var command = table.Command;
            command.Transaction = transaction;
            foreach (var column in table.Columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                column.Parameter.Value = value is null ? DBNull.Value : column.Converter?.ConvertToProvider(value) ?? value;
            }
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private TableWriter TableFor(Type type, DbConnection connection)
    {
        if (_tables.TryGetValue(type, out var writer)) return writer;
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var command = connection.CreateCommand();
        var columns = entityType.GetProperties().Select((p, i) =>
        {
            // EF's own type mapping makes the parameter (text GUIDs, dates and decimals as SQLite stores them);
            // it is made once per column from a sample value and then only its value changes from row to row.
            var mapping = (RelationalTypeMapping)p.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, $"@p{i}", SampleValue(p.ClrType), p.IsNullable);
            parameter.Size = -1; // no limit: sized to the sample otherwise, which would cut longer text
            command.Parameters.Add(parameter);
            return new Column(p, p.GetGetter(), mapping.Converter, parameter);
        }).ToArray();
        command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))});";
        return _tables[type] = new TableWriter(command, columns);
    }

    private static object SampleValue(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type == typeof(string)) return "";
        if (type.IsValueType) return Activator.CreateInstance(type)!;
        return Activator.CreateInstance(type) ?? throw new InvalidOperationException($"No sample value for {type.Name}.");
    }

    /// <summary>
    /// SQLite only: no fsync per batch, a large page cache, the rollback journal in memory and foreign keys
    /// checked once at the end. Pooled connections keep pragmas, so <see cref="EndBulkLoadAsync"/> puts the
    /// previous values back.
    /// </summary>
    private async Task BeginBulkLoadAsync()
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        _sqliteDefaults = (await PragmaAsync(connection, "synchronous"), await PragmaAsync(connection, "cache_size"),
            await PragmaAsync(connection, "temp_store"), await PragmaAsync(connection, "foreign_keys"),
            await JournalModeAsync(connection, null), await PragmaAsync(connection, "mmap_size"));
        await PragmaAsync(connection, "synchronous", 0);
        await PragmaAsync(connection, "cache_size", -262144); // 256 MB
        await PragmaAsync(connection, "temp_store", 2); // memory
        await PragmaAsync(connection, "foreign_keys", 0);
        await PragmaAsync(connection, "mmap_size", 1L << 31); // read the growing file through memory, not read() calls
        await JournalModeAsync(connection, "MEMORY");
    }

    private async Task EndBulkLoadAsync()
    {
        try
        {
            await _writing;
        }
        catch (Exception) when (_writing.IsFaulted)
        {
            // Already thrown to the seeding code by the flush that waited for it; here only the clean-up matters.
        }
        _writing = Task.CompletedTask;
        foreach (var table in _tables.Values) await table.Command.DisposeAsync();
        _tables.Clear();
        _rows.Clear();
        if (_sqliteDefaults is not { } defaults) return;
        _sqliteDefaults = null;
        var connection = db.Database.GetDbConnection();
        try
        {
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA foreign_key_check;";
            await using var reader = await check.ExecuteReaderAsync();
            if (await reader.ReadAsync())
                throw new InvalidOperationException(
                    $"The demo seed left a dangling reference: table {reader.GetString(0)} row {reader.GetValue(1)} refers to a missing {reader.GetString(2)}.");
        }
        finally
        {
            await JournalModeAsync(connection, defaults.JournalMode);
            await PragmaAsync(connection, "foreign_keys", defaults.ForeignKeys);
            await PragmaAsync(connection, "synchronous", defaults.Synchronous);
            await PragmaAsync(connection, "cache_size", defaults.CacheSize);
            await PragmaAsync(connection, "temp_store", defaults.TempStore);
            await PragmaAsync(connection, "mmap_size", defaults.MmapSize);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string> JournalModeAsync(DbConnection connection, string? mode)
    {
        await using var command = connection.CreateCommand();
        // A fixed word read back from SQLite itself or one of ours, never user input.
        command.CommandText = mode is null ? "PRAGMA journal_mode;" : $"PRAGMA journal_mode = {mode};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "delete";
    }

    /// <summary>Reads a pragma, or sets it when a value is given (pragmas take no parameters; the values are numbers we hold).</summary>
    private static async Task<long> PragmaAsync(DbConnection connection, string name, long? value = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = value is { } v ? $"PRAGMA {name} = {v};" : $"PRAGMA {name};";
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? 0 : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
