using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Data.Migrations;

/// <summary>
/// SQL for a provider without connecting to a database: the current model's whole create script, and the
/// idempotent script of all migrations (what a DBA runs against SQL Server; ADR-008). The migrations script
/// needs the provider's migrations assembly (<c>MotorTrace.Migrations.{Provider}</c>) beside the app.
/// </summary>
public static class SchemaScripts
{
    /// <summary>The model's create script (<c>dotnet run --project MotorTrace.Web -- schema-script</c>).</summary>
    public static string Generate(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);
        return db.Database.GenerateCreateScript();
    }

    /// <summary>
    /// Every migration as one script that checks the history table before each step (SQLite cannot do that
    /// check, so its script runs from an empty database).
    /// </summary>
    public static string GenerateMigrations(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);
        return db.GetService<IMigrator>().GenerateScript(options: provider == DatabaseProvider.Sqlite
            ? MigrationsSqlGenerationOptions.Default
            : MigrationsSqlGenerationOptions.Idempotent);
    }

    /// <summary>A context that is never opened: the connection strings only have to parse.</summary>
    public static MotorTraceDbContext OfflineContext(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<MotorTraceDbContext>();
        var connectionString = provider switch
        {
            DatabaseProvider.Postgres => "Host=localhost",
            DatabaseProvider.SqlServer => "Server=localhost;Database=MotorTrace;TrustServerCertificate=True",
            _ => "Data Source=:memory:",
        };
        new DatabaseSettings(provider, connectionString).Apply(options);
        return new MotorTraceDbContext(options.Options, SystemUser.Instance);
    }
}
