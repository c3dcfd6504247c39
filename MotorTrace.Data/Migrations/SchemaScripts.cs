using System.Reflection;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Data.Migrations;

/// <summary>
/// The SQL of migrations that carry a whole script (the initial one), one file per provider, embedded
/// in this assembly as <c>Migrations/Sql/{migration}.{Provider}.sql</c>. See ADR-004.
/// </summary>
public static class SchemaScripts
{
    public static string Load(string migrationId, string? activeProvider)
    {
        var provider = activeProvider switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
            _ => throw new NotSupportedException($"No schema script for database provider '{activeProvider}'."),
        };
        var name = $"MotorTrace.Data.Migrations.Sql.{migrationId}.{provider}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema script '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The create script of the current model for one provider, without connecting to a database.
    /// Used to write the initial migration's scripts (<c>dotnet run --project MotorTrace.Web -- schema-script</c>).
    /// </summary>
    public static string Generate(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<MotorTraceDbContext>();
        new DatabaseSettings(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost").Apply(options);
        using var db = new MotorTraceDbContext(options.Options, SystemUser.Instance);
        return db.Database.GenerateCreateScript();
    }
}
