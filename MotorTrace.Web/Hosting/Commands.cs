using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Migrations;
using MotorTrace.Data.Seeding;

namespace MotorTrace.Web.Hosting;

/// <summary>
/// Jobs run from the command line instead of the web app:
/// <c>dotnet run --project MotorTrace.Web -- migrate</c> applies schema changes (moving a database of the
/// hand-written migrations onto the generated baseline, ADR-008); <c>-- schema-script --out folder</c> writes the
/// SQL per provider;
/// <c>-- seed --dealers N --customers-per-dealer N --years N</c> builds a (large) demo network for benchmarks.
/// <c>-- create-admin --email … --name …</c> gives a database without demo data its first Admin (<see cref="CreateAdminCommand"/>).
/// </summary>
public static class Commands
{
    public static async Task<bool> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotorTraceDbContext>();
        switch (args[0])
        {
            case "migrate":
                try
                {
                    await DatabaseStartup.MigrateAsync(db, app.Logger);
                }
                catch (LegacySchemaException e)
                {
                    Console.Error.WriteLine(e.Message);
                    Environment.ExitCode = 1;
                    return true;
                }
                Console.WriteLine($"Schema is up to date ({(await db.Database.GetAppliedMigrationsAsync()).Count()} migrations applied).");
                return true;
            case "seed":
                var scale = new DemoScale(
                    Dealers: Option(app.Configuration, "dealers", DemoScale.Default.Dealers),
                    CustomersPerDealer: Option(app.Configuration, "customers-per-dealer", DemoScale.Default.CustomersPerDealer),
                    Years: Option(app.Configuration, "years", DemoScale.Default.Years));
                await DatabaseStartup.MigrateAsync(db, app.Logger);
                var watch = Stopwatch.StartNew();
                var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
                if (!await seeder.SeedIfEmptyAsync(scale))
                {
                    Console.Error.WriteLine("The database already holds dealers; seed only fills an empty database.");
                    Environment.ExitCode = 1;
                    return true;
                }
                Console.WriteLine($"Seeded {scale.Dealers} dealers × {scale.CustomersPerDealer} customers × {scale.Years} years in {watch.Elapsed.TotalSeconds:0.0} s.");
                Console.WriteLine(DemoSeeder.SignInSummary());
                return true;
            case "schema-script":
                // Per provider: the model's whole create script (to read) and the idempotent script of all
                // migrations (what a DBA runs, e.g. on SQL Server; ADR-008). Migrations themselves are generated
                // with dotnet-ef (scripts/add-migration.sh), not from these files.
                var folder = app.Configuration["out"];
                if (string.IsNullOrWhiteSpace(folder))
                {
                    Console.Error.WriteLine("schema-script needs --out <folder>.");
                    Environment.ExitCode = 2;
                    return true;
                }
                Directory.CreateDirectory(folder);
                foreach (var provider in Enum.GetValues<DatabaseProvider>())
                {
                    var schema = Path.Combine(folder, $"schema.{provider}.sql");
                    await File.WriteAllTextAsync(schema, SchemaScripts.Generate(provider));
                    var migrations = Path.Combine(folder, $"migrations.{provider}.sql");
                    await File.WriteAllTextAsync(migrations, SchemaScripts.GenerateMigrations(provider));
                    Console.WriteLine($"Wrote {schema} and {migrations}");
                }
                return true;
            case "create-admin":
                {
                    var password = app.Configuration["password"] ?? CreateAdminCommand.PromptPassword();
                    var command = ActivatorUtilities.CreateInstance<CreateAdminCommand>(scope.ServiceProvider);
                    var errors = await command.CreateAsync(app.Configuration["email"], app.Configuration["name"], password);
                    foreach (var error in errors) Console.Error.WriteLine(error);
                    if (errors.Count > 0) Environment.ExitCode = 1;
                    else Console.WriteLine($"Created the Admin {app.Configuration["email"]?.Trim()}. Sign in with this address and password.");
                    return true;
                }
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: migrate, schema-script --out folder, seed --dealers N --customers-per-dealer N --years N, create-admin --email address --name \"Full Name\" [--password …].");
                Environment.ExitCode = 2;
                return true;
        }
    }

    private static int Option(IConfiguration configuration, string name, int fallback)
    {
        var value = configuration[name];
        if (value is null) return fallback;
        if (int.TryParse(value, out var number) && number > 0) return number;
        throw new ArgumentException($"--{name} must be a positive whole number, not '{value}'.");
    }
}
