using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Web.Services.Identity;
using Npgsql;

namespace MotorTrace.Tests.Integration.Infrastructure;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app over its own fresh database, one per test class fixture: a SQLite file in a temp data
/// folder, or a new PostgreSQL database on the server named by <see cref="PostgresVariable"/>, dropped on
/// dispose. Development environment, so the demo network is seeded on start; mail goes to
/// <see cref="MailFolder"/>; time comes from <see cref="Clock"/>, which a test can move forward.
/// The clock starts at the real time and moves a millisecond each time it is read, so records made one after
/// the other keep distinct, ordered stamps (cookies and tokens check expiry against the same clock).
/// </summary>
public abstract class MotorTraceFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "MOTORTRACE_TEST_POSTGRES";
    public static readonly Uri BaseAddress = new("http://localhost/");

    /// <summary>What the test browsers send, so login activity and sessions have a user agent to record.</summary>
    public const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 MotorTraceTests";

    private readonly ConcurrentDictionary<string, Lazy<Task<SignedInUser>>> _signedIn = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TestBrowser> _browsers = [];
    private string? _connectionString;
    private bool _cleanedUp;

    protected MotorTraceFactory(TestDatabase database)
    {
        Database = database;
        DataFolder = Path.Combine(Path.GetTempPath(), "motortrace-tests", Guid.NewGuid().ToString("N"));
    }

    public TestDatabase Database { get; }
    public string DataFolder { get; }
    public string MailFolder => Path.Combine(DataFolder, "mail");
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches Program's builder.Configuration before AddMotorTrace reads it.
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("MotorTrace:DataFolder", DataFolder);
        builder.UseSetting("Demo:SeedOnFirstRun", "true");
        builder.UseSetting("Email:Mode", "File");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting(DatabaseSettings.ProviderKey, Database.ToString());
        if (Database == TestDatabase.Postgres)
            builder.UseSetting(DatabaseSettings.ConnectionStringKey, _connectionString ??= CreatePostgresDatabase());
        BeforeStart(ConnectionString);

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new ClockWithRealTimers(Clock));
            services.AddSingleton<IStartupFilter, LoopbackConnection>();
        });
    }

    /// <summary>The app's database: the SQLite file in <see cref="DataFolder"/>, or this fixture's PostgreSQL database.</summary>
    public string ConnectionString => Database == TestDatabase.Postgres
        ? _connectionString ??= CreatePostgresDatabase()
        : $"Data Source={Path.Combine(DataFolder, "motortrace.db")}";

    /// <summary>Runs once the (empty) database exists and before the app migrates and seeds it.</summary>
    protected virtual void BeforeStart(string connectionString)
    {
    }

    /// <summary>
    /// TestServer requests have no connection, so no remote address. Kestrel gives a local browser the
    /// loopback address; this does the same, in front of the app's own pipeline (forwarded headers included).
    /// </summary>
    private sealed class LoopbackConnection : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A new cookie-keeping client that does not follow redirects, as an anonymous visitor.</summary>
    public TestBrowser NewBrowser()
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        var browser = new TestBrowser(client, cookies);
        lock (_browsers) _browsers.Add(browser);
        return browser;
    }

    /// <summary>Signs in through the real login form with a new browser; fails the test if the sign-in is refused.</summary>
    public async Task<SignedInUser> SignInAsync(string email, string password = DemoSeeder.Password)
    {
        var browser = NewBrowser();
        using var response = await AccountFlow.SignInAsync(browser.Client, email, password);
        if (!AccountFlow.IsSignedInRedirect(response))
            throw new InvalidOperationException(
                $"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}; expected a redirect away from the login page.");
        var userId = await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new SignedInUser(email, userId, browser);
    }

    /// <summary>
    /// The signed-in browser of one user, signed in once per fixture and shared by the tests of the class.
    /// Tests that sign out, lock or otherwise change a user should use <see cref="SignInAsync"/> with a user
    /// of their own (<see cref="CreateUserAsync"/>) instead.
    /// </summary>
    public Task<SignedInUser> UserAsync(string email) =>
        _signedIn.GetOrAdd(email, e => new Lazy<Task<SignedInUser>>(() => SignInAsync(e))).Value;

    /// <summary>Runs work against the database as the system (no user, every dealer).</summary>
    public async Task<T> WithDbAsync<T>(Func<MotorTraceDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MotorTraceDbContext>());
    }

    public Task WithDbAsync(Func<MotorTraceDbContext, Task> work) =>
        WithDbAsync(async db => { await work(db); return true; });

    /// <summary>
    /// Runs work against the database as the browser's visitor: a request scope whose HttpContext carries
    /// the browser's cookies, authenticated by the app's own cookie handler (session check included), so
    /// <c>ICurrentUser</c>, the tenancy filter and the audit trail see exactly what a request of that
    /// browser would.
    /// </summary>
    public Task<T> AsVisitorAsync<T>(TestBrowser browser, Func<MotorTraceDbContext, Task<T>> work) =>
        AsVisitorAsync(browser, (IServiceProvider services) => work(services.GetRequiredService<MotorTraceDbContext>()));

    /// <inheritdoc cref="AsVisitorAsync{T}(TestBrowser, Func{MotorTraceDbContext, Task{T}})"/>
    public async Task<T> AsVisitorAsync<T>(TestBrowser browser, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = BaseAddress.Scheme;
        http.Request.Host = new HostString(BaseAddress.Authority);
        http.Request.Headers.Cookie = browser.CookieHeader;
        http.Request.Headers.UserAgent = UserAgent;
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        // Set before anything resolves ICurrentUser (the cookie check below does), as in a real request.
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = http;
        try
        {
            var authentication = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (authentication.Succeeded) http.User = authentication.Principal;
            scope.ServiceProvider.GetRequiredService<CurrentUser>()
                .Set(http.User, CurrentUser.ChosenDealerFrom(http), IPAddress.Loopback.ToString(), UserAgent);
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>
    /// A scope acting as one user, as a Blazor circuit of theirs would (for service tests): <see cref="CurrentUser"/> holds the
    /// user's claims as the sign-in cookie would carry them, and for a manufacturer user the dealer chosen by code
    /// (<c>"D001"</c>; null for all dealers). Dispose it when done.
    /// </summary>
    public async Task<AsyncServiceScope> ScopeAsAsync(string email, string? dealerCode = null)
    {
        var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var dealerId = dealerCode is null
            ? (Guid?)null
            : await WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == dealerCode).Select(d => d.Id).SingleAsync());
        services.GetRequiredService<CurrentUser>().Set(principal, dealerId, IPAddress.Loopback.ToString(), UserAgent);
        return scope;
    }

    /// <summary>Runs work with a service resolved in a scope acting as <paramref name="email"/> (see <see cref="ScopeAsAsync"/>).</summary>
    public async Task<TResult> AsUserAsync<TService, TResult>(string email, Func<TService, Task<TResult>> work, string? dealerCode = null)
        where TService : notnull
    {
        await using var scope = await ScopeAsAsync(email, dealerCode);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A new user of this fixture only, with the demo password, for tests that change the user.</summary>
    public async Task<string> CreateUserAsync(string role = Roles.ServiceAdvisor, int? dealer = 1, string? name = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@tests.motortrace.test";
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotorTraceDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var dealerId = dealer is { } number
            ? await db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => (Guid?)d.Id).SingleAsync()
            : null;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = name ?? $"Test {Roles.DisplayName(role)} {Guid.NewGuid().ToString("N")[..6]}",
            UserType = role == Roles.Customer ? UserType.Customer : dealerId is null ? UserType.Manufacturer : UserType.Dealer,
            DealerId = dealerId,
        };
        Check(await users.CreateAsync(user, DemoSeeder.Password));
        Check(await users.AddToRoleAsync(user, role));
        return email;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string CreatePostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{PostgresVariable} is not set: PostgreSQL tests need a server connection string.");
        var name = $"motortrace_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_cleanedUp) return;
        _cleanedUp = true;
        lock (_browsers)
        {
            foreach (var browser in _browsers) browser.Client.Dispose();
        }
        await base.DisposeAsync();

        if (_connectionString is not null)
        {
            var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app over a SQLite file of its own.</summary>
public sealed class SqliteFactory() : MotorTraceFactory(TestDatabase.Sqlite);

/// <summary>The app over a PostgreSQL database of its own (tests using it skip when the server is not configured).</summary>
public sealed class PostgresFactory() : MotorTraceFactory(TestDatabase.Postgres);

/// <summary>An HTTP client with its own cookies, like one browser.</summary>
public sealed record TestBrowser(HttpClient Client, CookieContainer Cookies)
{
    public string CookieHeader => Cookies.GetCookieHeader(MotorTraceFactory.BaseAddress);
}

/// <summary>A browser signed in as one user.</summary>
public sealed record SignedInUser(string Email, Guid UserId, TestBrowser Browser)
{
    public HttpClient Client => Browser.Client;
}

/// <summary>
/// The app's clock in tests: what time it is comes from the fake clock a test can move, but timers and timestamps run
/// in real time. MudBlazor takes its debounce and popover timers from the same TimeProvider, and a fake clock's timers
/// fire only when a test advances it: a search box would never search.
/// </summary>
public sealed class ClockWithRealTimers(FakeTimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;
    public override long TimestampFrequency => System.TimestampFrequency;
    public override long GetTimestamp() => System.GetTimestamp();
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
