using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotorTrace.Tests.E2E.Pages;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.E2E.Infrastructure;

/// <summary>The app over its own SQLite file, served by Kestrel on a free loopback port so a real browser can reach it.</summary>
public sealed class KestrelAppFactory : MotorTraceFactory
{
    public KestrelAppFactory() : base(TestDatabase.Sqlite) => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server (once) and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}

/// <summary>
/// One app and one headless Debian chromium per test class (never a downloaded browser). Sign-ins are
/// kept as Playwright storage state, so a user signs in through the login page once per class.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _signedIn = new(StringComparer.OrdinalIgnoreCase);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelAppFactory App { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not running: " + Chromium.SkipReason);

    /// <summary>Where screenshots go: TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null) return; // every test of the class is skipped
        BaseAddress = App.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser context (its own cookies) at the size of a front-desk screen.</summary>
    public Task<IBrowserContext> NewContextAsync(string? storageState = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
            StorageState = storageState,
        });

    /// <summary>Keeps a signed-in context's cookies for <see cref="SignedInPageAsync"/>.</summary>
    public async Task RememberSignInAsync(string email, IBrowserContext context) =>
        _signedIn[email] = await context.StorageStateAsync();

    /// <summary>A page signed in as the user: through the login page the first time, from storage state after.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password = Data.Seeding.DemoSeeder.Password)
    {
        if (_signedIn.TryGetValue(email, out var state))
            return await (await NewContextAsync(state)).NewPageAsync();
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var login = await LoginPage.OpenAsync(page);
        await login.SignInAsync(email, password);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
        await RememberSignInAsync(email, context);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The Debian chromium the E2E tests drive; tests skip with the reason when it is missing.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static string? SkipReason { get; } = File.Exists(ExecutablePath)
        ? null
        : $"Debian chromium is not installed at {ExecutablePath} (apt-get install -y chromium); E2E tests need it";
}

/// <summary>A fact that needs the browser: skipped with the reason when Debian chromium is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>A theory that needs the browser: skipped with the reason when Debian chromium is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = Chromium.SkipReason;
}
