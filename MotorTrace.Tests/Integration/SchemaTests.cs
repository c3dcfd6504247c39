using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using MotorTrace.Data;
using MotorTrace.Data.Migrations;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

/// <summary>
/// The generated migrations of ADR-008: each provider's migrations match the model (a model change without a
/// migration fails here), migrating an empty SQLite or PostgreSQL database reaches the latest migration with the
/// model's exact schema, and the SQL Server script is generated and valid for SQL Server's rules, with no server.
/// </summary>
[Trait("Category", "Schema")]
public class SchemaTests
{
    public static TheoryData<DatabaseProvider> Providers => [.. Enum.GetValues<DatabaseProvider>()];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_model_change_has_a_migration(DatabaseProvider provider)
    {
        using var db = SchemaScripts.OfflineContext(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that {DatabaseSettings.MigrationsAssemblyOf(provider)} has no migration for. "
            + "Generate them for every provider: scripts/add-migration.sh <Name>.");
    }

    /// <summary>What <c>-- schema-script</c> writes for each provider.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void The_create_and_migrations_scripts_are_written_for_every_provider(DatabaseProvider provider)
    {
        Assert.Contains("Customers", SchemaScripts.Generate(provider), StringComparison.Ordinal);
        Assert.Contains("Customers", SchemaScripts.GenerateMigrations(provider), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_an_empty_sqlite_database_reaches_the_latest_migration_and_the_models_schema()
    {
        var folder = Directory.CreateTempSubdirectory("mt-schema-").FullName;
        try
        {
            await AssertMigratesEmptyDatabaseAsync(DatabaseProvider.Sqlite,
                $"Data Source={Path.Combine(folder, "migrated.db")};Pooling=False",
                $"Data Source={Path.Combine(folder, "created.db")};Pooling=False");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Migrating_an_empty_postgres_database_reaches_the_latest_migration_and_the_models_schema()
    {
        var migrated = SchemaDatabases.CreatePostgres("mt_schema_m");
        var created = SchemaDatabases.CreatePostgres("mt_schema_c");
        try
        {
            await AssertMigratesEmptyDatabaseAsync(DatabaseProvider.Postgres, migrated, created);
        }
        finally
        {
            SchemaDatabases.DropPostgres(migrated);
            SchemaDatabases.DropPostgres(created);
        }
    }

    [Fact]
    public void The_sql_server_idempotent_script_creates_every_table_of_the_model()
    {
        using var db = SchemaScripts.OfflineContext(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var tables = db.Model.GetRelationalModel().Tables.Select(t => t.Name).ToList();
        Assert.Contains("Customers", tables);
        foreach (var table in tables)
            Assert.Contains($"CREATE TABLE [{table}] (", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        Assert.DoesNotContain(" text ", script, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>SQL Server refuses a foreign key that opens a second cascading path to a table, or a cascading cycle.</summary>
    [Fact]
    public void The_sql_server_model_has_at_most_one_cascading_path_to_any_table()
    {
        using var db = SchemaScripts.OfflineContext(DatabaseProvider.SqlServer);
        var cascading = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => fk.PrincipalTable.Name);

        var problems = new List<string>();
        foreach (var start in cascading.Select(g => g.Key))
        {
            var paths = new Dictionary<string, List<string>>();
            void Walk(string table, string path, int depth)
            {
                foreach (var fk in cascading[table])
                {
                    var next = fk.Table.Name;
                    var nextPath = $"{path} -({fk.Name})-> {next}";
                    if (!paths.TryGetValue(next, out var list)) paths[next] = list = [];
                    list.Add(nextPath);
                    if (next != start && depth < 20) Walk(next, nextPath, depth + 1);
                }
            }
            Walk(start, start, 0);
            foreach (var (table, list) in paths)
                if (list.Count > 1 || table == start)
                    problems.Add($"{start} reaches {table} by {list.Count} cascading path(s):\n    {string.Join("\n    ", list)}");
        }
        Assert.True(problems.Count == 0, "SQL Server would refuse these foreign keys (make one of them Restrict):\n  " + string.Join("\n  ", problems));
    }

    /// <summary>A clustered key (the primary key) holds at most 900 bytes on SQL Server, any other index 1700.</summary>
    [Fact]
    public void Every_sql_server_index_key_fits_its_size_limit()
    {
        using var db = SchemaScripts.OfflineContext(DatabaseProvider.SqlServer);
        var problems = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var keys = table.Indexes.Select(i => (i.Name, Columns: i.Columns, Limit: 1700))
                .Concat(table.UniqueConstraints.Select(u => (u.Name, Columns: u.Columns, Limit: u.GetIsPrimaryKey() ? 900 : 1700)));
            foreach (var (name, columns, limit) in keys)
            {
                var bytes = columns.Sum(c => KeyBytes(c.StoreType));
                if (bytes > limit)
                    problems.Add($"{table.Name}.{name} ({string.Join(", ", columns.Select(c => $"{c.Name} {c.StoreType}"))}): {bytes} bytes > {limit}");
            }
        }
        Assert.True(problems.Count == 0, "SQL Server cannot hold these keys (shorten the strings):\n  " + string.Join("\n  ", problems));
    }

    private static int KeyBytes(string storeType)
    {
        var type = storeType.ToLowerInvariant();
        if (type.EndsWith("(max)", StringComparison.Ordinal)) return int.MaxValue / 16;
        int Length() => int.Parse(type[(type.IndexOf('(') + 1)..type.IndexOfAny([',', ')'])]);
        return type switch
        {
            _ when type.StartsWith("nvarchar(", StringComparison.Ordinal) || type.StartsWith("nchar(", StringComparison.Ordinal) => 2 * Length(),
            _ when type.StartsWith("varchar(", StringComparison.Ordinal) || type.StartsWith("varbinary(", StringComparison.Ordinal) => Length(),
            _ when type.StartsWith("decimal(", StringComparison.Ordinal) => Length() switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
            "uniqueidentifier" => 16,
            "bigint" or "datetime2" => 8,
            "datetimeoffset" => 10,
            "int" => 4,
            "time" => 5,
            "date" => 3,
            "bit" or "tinyint" => 1,
            _ => throw new NotSupportedException($"Key size of SQL Server type '{storeType}' unknown to this test: add it."),
        };
    }

    private static async Task AssertMigratesEmptyDatabaseAsync(DatabaseProvider provider, string migrated, string created)
    {
        await using (var db = SchemaDatabases.Context(provider, migrated))
        {
            Assert.False(await SchemaMigrator.MigrateAsync(db));

            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
        }
        await using (var db = SchemaDatabases.Context(provider, created)) await db.Database.EnsureCreatedAsync();

        SchemaDatabases.AssertSameSchema(SchemaDatabases.Read(provider, created), SchemaDatabases.Read(provider, migrated),
            "The migrated schema differs from the model's. Generate a migration: scripts/add-migration.sh <Name>.");
    }
}

/// <summary>A fact that needs a PostgreSQL server; skipped, with the reason, when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "MOTORTRACE_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set: no PostgreSQL server to test against.";
    }
}
