using MotorTrace.Data;
using MotorTrace.Data.Migrations;
using MotorTrace.Data.Seeding;

namespace MotorTrace.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies pending schema changes, and in Development seeds the demo network on first run and
    /// prints its sign-ins, so <c>dotnet run</c> on a fresh clone is all a newcomer needs. A database made by the
    /// hand-written migrations of earlier versions is moved onto the generated baseline first, or start-up stops
    /// with a message saying what to do (<see cref="SchemaMigrator"/>, ADR-008).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotorTraceDbContext>();
        await MigrateAsync(db, app.Logger);

        if (!app.Configuration.GetValue<bool>("Demo:SeedOnFirstRun")) return;
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        if (await seeder.SeedIfEmptyAsync(DemoScale.Default))
            app.Logger.LogInformation("Seeded the demo network.");
        Console.WriteLine(DemoSeeder.SignInSummary());
    }

    /// <summary>Migrates, logging an adopted hand-written history; a refused database stops the app with its message.</summary>
    public static async Task MigrateAsync(MotorTraceDbContext db, ILogger logger)
    {
        try
        {
            if (await SchemaMigrator.MigrateAsync(db))
                logger.LogWarning(
                    "This database was made by the hand-written migrations ({Migrations}); its schema is the generated baseline's, "
                    + "so the history now records the baseline instead. No table or row was changed.",
                    string.Join(", ", SchemaMigrator.HandWrittenMigrations));
        }
        catch (LegacySchemaException e)
        {
            logger.LogCritical("The database cannot be migrated: {Reason}", e.Message);
            throw;
        }
    }
}
