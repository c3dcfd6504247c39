using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Auditing;

namespace MotorTrace.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>
/// Which database MotorTrace runs on: <c>Database:Provider</c> (Sqlite, the default, Postgres or SqlServer) and
/// <c>ConnectionStrings:MotorTrace</c>. SQLite without a connection string uses a file in the data folder.
/// Each provider has its own migrations assembly, <c>MotorTrace.Migrations.{Provider}</c> (ADR-008).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:MotorTrace";

    /// <summary>Reads and checks the settings; a wrong value stops start-up with a message naming the setting.</summary>
    public static DatabaseSettings From(IConfiguration configuration, string dataFolder)
    {
        var providerName = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerName)) provider = DatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerName, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
            throw new InvalidOperationException(
                $"Setting '{ProviderKey}' is '{providerName}', which is not a database MotorTrace supports. Use 'Sqlite', 'Postgres' or 'SqlServer'.");

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException(
                    $"Setting '{ConnectionStringKey}' is missing. '{ProviderKey}' is '{provider}', which needs a connection string.");
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "motortrace.db")}";
        }
        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>The assembly that holds this provider's migrations and model snapshot.</summary>
    public static string MigrationsAssemblyOf(DatabaseProvider provider) => $"MotorTrace.Migrations.{provider}";

    public void Apply(DbContextOptionsBuilder options)
    {
        var migrations = MigrationsAssemblyOf(Provider);
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(ConnectionString, o => o.MigrationsAssembly(migrations));
                break;
            default:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(migrations));
                break;
        }
    }
}

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddMotorTraceDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<AuditingInterceptor>();
        // A context per operation (IDbContextFactory) for Blazor circuits and services; the factory also registers
        // the scoped context that ASP.NET Core Identity's stores use. Scoped, so each context gets its scope's ICurrentUser.
        services.AddDbContextFactory<MotorTraceDbContext>((sp, options) =>
        {
            settings.Apply(options);
            options.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>());
            // Other interceptors the host registers (e.g. the web app's SQL statement counter).
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        }, ServiceLifetime.Scoped);
        return services;
    }
}
