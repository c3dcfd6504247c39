using MotorTrace.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotorTrace();

var app = builder.Build();
app.UseMotorTrace();

// `dotnet run -- migrate` and `dotnet run -- seed …` are jobs, not the web app (see Hosting/Commands.cs).
if (await Commands.RunAsync(app, args)) return;

await app.PrepareDatabaseAsync();
await app.RunAsync();

public partial class Program;
