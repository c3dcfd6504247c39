using System.Collections.Concurrent;
using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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
        // A CI machine runs these beside the rest of the suite on two cores: a circuit's answer can take longer than
        // Playwright's 5 s default there. Waiting longer passes nothing that is wrong; it only stops flakes.
        Assertions.SetDefaultExpectTimeout(15_000);
        BaseAddress = App.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The sizes every screen is looked at: a desk screen, a small laptop, a tablet upright.</summary>
    public static IReadOnlyList<(int Width, int Height)> ScreenSizes { get; } = [(1366, 900), (1024, 768), (768, 1024)];

    /// <summary>A new browser context (its own cookies) at the size of a front-desk screen, or the given size.</summary>
    public Task<IBrowserContext> NewContextAsync(string? storageState = null, int width = 1024, int height = 768, bool hasTouch = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = storageState,
            HasTouch = hasTouch,
        });

    /// <summary>
    /// A context signed in as the user: the login page is used once per user and fixture, every later context
    /// starts from the saved storage state (cookies), so tests of a role do not sign in again.
    /// </summary>
    public async Task<IBrowserContext> SignedInContextAsync(string email, int width = 1024, int height = 768, bool hasTouch = false)
    {
        var state = await StorageStateAsync(email);
        return await NewContextAsync(state, width, height, hasTouch);
    }

    private readonly SemaphoreSlim _signInLock = new(1, 1);

    private async Task<string> StorageStateAsync(string email, string password = Data.Seeding.DemoSeeder.Password)
    {
        if (_signedIn.TryGetValue(email, out var state)) return state;
        await _signInLock.WaitAsync();
        try
        {
            if (_signedIn.TryGetValue(email, out state)) return state;
            await using var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            var login = await LoginPage.OpenAsync(page);
            await login.SignInAsync(email, password);
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
            return _signedIn[email] = await context.StorageStateAsync();
        }
        finally
        {
            _signInLock.Release();
        }
    }

    /// <summary>
    /// Opens a page of the app, waits for its circuit (interactive pages: <c>main[data-circuit=on]</c> from MainLayout)
    /// and, unless told not to, checks it with axe.
    /// </summary>
    public static async Task VisitAsync(IPage page, string path, bool axe = true)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        if (axe) await AssertAccessibleAsync(page, path);
    }

    /// <summary>
    /// Follows a link and waits for the address it leads to. A link inside a live page is routed by the circuit; on a
    /// loaded machine the first click can find it busy and be lost, so the click is repeated (at most three times), as a
    /// user would. A link that leads nowhere still fails.
    /// </summary>
    public static async Task FollowAsync(IPage page, ILocator link, System.Text.RegularExpressions.Regex address)
    {
        for (var attempt = 1; ; attempt++)
        {
            await link.ClickAsync();
            try
            {
                await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = attempt < 3 ? 10_000 : 15_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // Still on the page of the link: click it again (anywhere else, the next expectation reports where we are).
                if (!await link.IsVisibleAsync()) throw;
            }
        }
    }

    /// <summary>Waits until the interactive render has replaced the prerendered page (static account pages have no circuit).</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        if (await page.Locator("main[data-circuit]").CountAsync() == 0) return;
        await Assertions.Expect(page.Locator("main[data-circuit='on']")).ToHaveCountAsync(1);
    }

    /// <summary>The WCAG 2.0 and 2.1 A and AA rules axe checks on every visit.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is and fails on any critical or serious violation, naming rule, target and message.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        await WaitForAnimationsAsync(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var failures = AxeFailures(result);
        Assert.True(failures.Count == 0, $"axe found {failures.Count} critical or serious problem(s) on {what}:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Waits (at most 2 s) for the page's finite animations and transitions to end: a snackbar fading in is half
    /// transparent, and axe would measure the contrast of a frame, not of the message.
    /// </summary>
    public static Task WaitForAnimationsAsync(IPage page) => page.EvaluateAsync(
        """
        () => Promise.race([
          Promise.all(document.getAnimations()
            .filter(a => a.effect?.getTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null))),
          new Promise(resolve => setTimeout(resolve, 2000)),
        ])
        """);

    public static IReadOnlyList<string> AxeFailures(AxeResult result) =>
    [
        .. result.Violations
            .Where(v => v.Impact is "critical" or "serious")
            .SelectMany(v => v.Nodes.Select(n =>
                $"[{v.Impact}] {v.Id} at {n.Target}: " + string.Join(" / ", new[] { n.Any, n.All, n.None }
                    .Where(checks => checks is not null)
                    .SelectMany(checks => checks!)
                    .Select(c => c.Message)
                    .Where(m => !string.IsNullOrWhiteSpace(m))
                    .Distinct()))),
    ];

    /// <summary>Full-page screenshots at 1366×900, 1024×768 and 768×1024 into the test output (TestResults/screenshots).</summary>
    public static async Task ScreenshotsAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var original = page.ViewportSize;
        foreach (var (width, height) in ScreenSizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150); // the layout's breakpoints settle
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}x{height}.png"), FullPage = true });
        }
        if (original is not null) await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>Keeps a signed-in context's cookies for <see cref="SignedInPageAsync"/>.</summary>
    public async Task RememberSignInAsync(string email, IBrowserContext context) =>
        _signedIn[email] = await context.StorageStateAsync();

    /// <summary>A page signed in as the user: through the login page the first time, from storage state after.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password = Data.Seeding.DemoSeeder.Password) =>
        await (await NewContextAsync(await StorageStateAsync(email, password))).NewPageAsync();

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
