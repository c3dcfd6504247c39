using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Data.Migrations;

/// <summary>
/// What <c>dotnet ef</c> uses to build the context: the provider (and, for commands that connect, a connection
/// string) come from the arguments after <c>--</c>, e.g.
/// <c>dotnet ef migrations add AddInvoices --project MotorTrace.Migrations.Postgres -- --provider Postgres</c>
/// (<c>scripts/add-migration.sh</c> does it for all three). <c>migrations add</c> never connects, so the default
/// connection strings only have to parse. Each migrations project derives a class from this one, because
/// <c>dotnet ef</c> looks for a factory in its startup project.
/// </summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MotorTraceDbContext>
{
    public MotorTraceDbContext CreateDbContext(string[] args)
    {
        var providerName = Argument(args, "--provider")
            ?? throw new ArgumentException("Name the database after '--': -- --provider Sqlite|Postgres|SqlServer.");
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
            throw new ArgumentException($"'{providerName}' is not a database MotorTrace supports. Use Sqlite, Postgres or SqlServer.");

        var connectionString = Argument(args, "--connection") ?? provider switch
        {
            DatabaseProvider.Postgres => "Host=localhost;Database=motortrace",
            DatabaseProvider.SqlServer => "Server=localhost;Database=MotorTrace;Integrated Security=True;TrustServerCertificate=True",
            _ => "Data Source=motortrace.db",
        };
        var options = new DbContextOptionsBuilder<MotorTraceDbContext>();
        new DatabaseSettings(provider, connectionString).Apply(options);
        return new MotorTraceDbContext(options.Options, SystemUser.Instance);
    }

    private static string? Argument(string[] args, string name)
    {
        var at = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
