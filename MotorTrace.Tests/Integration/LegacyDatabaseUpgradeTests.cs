using System.Data.Common;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Migrations;
using MotorTrace.Tests.Integration.Infrastructure;
using Npgsql;

namespace MotorTrace.Tests.Integration;

/// <summary>
/// Databases made before ADR-008 by the hand-written migrations (built here from their schema, kept as test data
/// in <c>LegacySchema/</c>) are moved onto the generated baseline by the app's start-up without losing a row or a
/// data-protection key; one with an incomplete hand-written history is refused and left as it was.
/// </summary>
[Trait("Category", "Schema")]
public class LegacyDatabaseUpgradeTests
{
    private const string Purpose = "MotorTrace.Tests.Legacy";
    private const string Secret = "signed in before the upgrade";

    [Fact]
    public Task A_sqlite_database_of_the_hand_written_migrations_keeps_its_rows_and_keys_when_the_app_starts() =>
        AssertAppUpgradesAsync(TestDatabase.Sqlite);

    [PostgresFact]
    public Task A_postgres_database_of_the_hand_written_migrations_keeps_its_rows_and_keys_when_the_app_starts() =>
        AssertAppUpgradesAsync(TestDatabase.Postgres);

    [Fact]
    public void The_hand_written_sqlite_schema_is_the_baselines() => AssertLegacySchemaIsBaseline(DatabaseProvider.Sqlite);

    [PostgresFact]
    public void The_hand_written_postgres_schema_is_the_baselines() => AssertLegacySchemaIsBaseline(DatabaseProvider.Postgres);

    [Fact]
    public async Task A_database_with_an_incomplete_hand_written_history_is_refused_and_left_unchanged()
    {
        var folder = Directory.CreateTempSubdirectory("mt-legacy-").FullName;
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "old.db")};Pooling=False";
            CreateLegacyDatabase(DatabaseProvider.Sqlite, connectionString);
            await using var db = SchemaDatabases.Context(DatabaseProvider.Sqlite, connectionString);
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{SchemaMigrator.HandWrittenFrontDesk}'");

            var refusal = await Assert.ThrowsAsync<LegacySchemaException>(() => SchemaMigrator.MigrateAsync(db));

            Assert.Contains("not the complete set", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("migrate", refusal.Message, StringComparison.Ordinal);
            Assert.Equal([SchemaMigrator.HandWrittenInitial], await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AssertAppUpgradesAsync(TestDatabase database)
    {
        var provider = database == TestDatabase.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var (keyXml, protectedSecret) = NewKeyAndSecret();
        var dealer = new Dealer { DealerCode = "OLD1", Name = "Made Before The Upgrade", Country = "IN", TimeZoneId = "Asia/Kolkata" };
        await using var app = new LegacyAppFactory(database, connectionString =>
        {
            CreateLegacyDatabase(provider, connectionString);
            using var db = SchemaDatabases.Context(provider, connectionString);
            db.Dealers.Add(dealer);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-legacy", Xml = keyXml });
            db.SaveChanges();
        });

        using var health = await app.CreateClient().GetAsync("/healthz");

        Assert.True(health.IsSuccessStatusCode, $"/healthz answered {(int)health.StatusCode} after the upgrade.");
        await app.WithDbAsync(async db =>
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.Equal(db.Database.GetMigrations(), applied); // the baseline, and every migration after it, applied
            Assert.DoesNotContain(SchemaMigrator.HandWrittenInitial, applied);
            Assert.False(db.Database.HasPendingModelChanges());
            var kept = await db.Dealers.SingleAsync(d => d.Id == dealer.Id);
            Assert.Equal("Made Before The Upgrade", kept.Name);
            Assert.Equal(1, await db.Dealers.CountAsync()); // the demo seed saw a database in use and left it alone
            Assert.Contains(await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(), n => n == "key-legacy");
        });
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        Assert.Equal(Secret, protector.Unprotect(protectedSecret));
    }

    private static void AssertLegacySchemaIsBaseline(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("mt-legacy-").FullName;
        var (legacy, migrated) = provider == DatabaseProvider.Postgres
            ? (SchemaDatabases.CreatePostgres("mt_legacy_o"), SchemaDatabases.CreatePostgres("mt_legacy_m"))
            : ($"Data Source={Path.Combine(folder, "old.db")};Pooling=False", $"Data Source={Path.Combine(folder, "new.db")};Pooling=False");
        try
        {
            CreateLegacyDatabase(provider, legacy);
            // The baseline, not the latest migration: later migrations add to the schema the adopted database then receives.
            using (var db = SchemaDatabases.Context(provider, migrated)) db.Database.Migrate(db.Database.GetMigrations().First());

            SchemaDatabases.AssertSameSchema(SchemaDatabases.Read(provider, migrated), SchemaDatabases.Read(provider, legacy),
                "A database of the hand-written migrations differs from the generated baseline, so recording the baseline as applied would be wrong.");
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                SchemaDatabases.DropPostgres(legacy);
                SchemaDatabases.DropPostgres(migrated);
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>An empty database as the hand-written migrations left it, history rows included.</summary>
    private static void CreateLegacyDatabase(DatabaseProvider provider, string connectionString)
    {
        var resource = $"MotorTrace.Tests.Integration.LegacySchema.HandWritten.{provider}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded test data '{resource}' is missing.");
        var script = new StreamReader(stream).ReadToEnd();
        using DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        SchemaDatabases.Execute(connection, script);
    }

    /// <summary>A data-protection key as the old hand-written key repository stored it, and a secret protected with it.</summary>
    private static (string KeyXml, string ProtectedSecret) NewKeyAndSecret()
    {
        var repository = new CapturingXmlRepository();
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("MotorTrace");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = repository);
        using var provider = services.BuildServiceProvider();
        var protectedSecret = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(Secret);
        return (Assert.Single(repository.Elements).ToString(SaveOptions.DisableFormatting), protectedSecret);
    }

    private sealed class CapturingXmlRepository : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];
        public IReadOnlyCollection<XElement> GetAllElements() => [.. Elements];
        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }

    private sealed class LegacyAppFactory(TestDatabase database, Action<string> createDatabase) : MotorTraceFactory(database)
    {
        protected override void BeforeStart(string connectionString)
        {
            Directory.CreateDirectory(DataFolder);
            createDatabase(connectionString);
        }
    }
}
