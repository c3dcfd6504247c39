using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Tenancy;
using Npgsql;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>
/// Databases for the schema tests: contexts on a connection string, throw-away PostgreSQL databases, and a
/// schema read back as sorted lines (tables, columns, types, nullability, indexes, foreign keys, checks) so two
/// databases can be compared.
/// </summary>
public static class SchemaDatabases
{
    public static MotorTraceDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<MotorTraceDbContext>();
        new DatabaseSettings(provider, connectionString).Apply(options);
        return new MotorTraceDbContext(options.Options, SystemUser.Instance);
    }

    /// <summary>A new, empty database on the server of <c>MOTORTRACE_TEST_POSTGRES</c>; drop it with <see cref="DropPostgres"/>.</summary>
    public static string CreatePostgres(string prefix)
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var name = $"{prefix}_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            admin.Open();
            Execute(admin, $"CREATE DATABASE \"{name}\"");
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public static void DropPostgres(string connectionString)
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        admin.Open();
        Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static SortedSet<string> Read(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => ReadSqlite(connectionString),
        DatabaseProvider.Postgres => ReadPostgres(connectionString),
        _ => throw new NotSupportedException($"No {provider} server to read a schema from."),
    };

    public static void AssertSameSchema(SortedSet<string> expected, SortedSet<string> actual, string what)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{what}\n"
            + $"Expected but missing:\n  {string.Join("\n  ", missing)}\n"
            + $"Present but not expected:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(expected, line => line.StartsWith("table Customers", StringComparison.Ordinal));
    }

    private static readonly string[] Bookkeeping = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    private static SortedSet<string> ReadSqlite(string connectionString)
    {
        var schema = new SortedSet<string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .Select(r => (string)r[0]!).Where(t => !Bookkeeping.Contains(t)).ToList();
        foreach (var table in tables)
        {
            schema.Add($"table {table}");
            foreach (var c in Query(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                schema.Add($"column {table}.{c[0]} {c[1]} {((long)c[2]! == 1 ? "NOT NULL" : "NULL")}{((long)c[3]! > 0 ? " PK" : "")}");
            foreach (var i in Query(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = Query(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno").Select(r => (string)r[0]!);
                schema.Add($"index {table}.{i[0]} ({string.Join(", ", columns)}){((long)i[1]! == 1 ? " UNIQUE" : "")}");
            }
            foreach (var f in Query(connection, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                schema.Add($"fk {table}.{f[0]} -> {f[1]}.{f[2]} ON DELETE {f[3]}");
            var sql = (string)Query(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'").Single()[0]!;
            foreach (var check in sql.Split('\n').Where(l => l.Contains("CHECK", StringComparison.Ordinal)))
                schema.Add($"check {table} {check.Trim().TrimEnd(',')}");
        }
        return schema;
    }

    private static SortedSet<string> ReadPostgres(string connectionString)
    {
        var schema = new SortedSet<string>(StringComparer.Ordinal);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var t in Query(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            if (!Bookkeeping.Contains((string)t[0]!)) schema.Add($"table {t[0]}");
        foreach (var c in Query(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable
            FROM information_schema.columns WHERE table_schema = 'public'
            """))
            if (!Bookkeeping.Contains((string)c[0]!))
                schema.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]},{c[4]},{c[5]}) {((string)c[6]! == "YES" ? "NULL" : "NOT NULL")}");
        foreach (var i in Query(connection, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
            if (!Bookkeeping.Contains((string)i[0]!)) schema.Add($"index {i[1]}");
        foreach (var k in Query(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """))
            if (!Bookkeeping.Any(b => ((string)k[0]!).Contains(b, StringComparison.Ordinal)))
                schema.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        return schema;
    }

    public static List<object?[]> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
