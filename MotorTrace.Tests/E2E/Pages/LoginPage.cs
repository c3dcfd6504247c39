using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/account/login as a person sees it: found by labels and roles, not by CSS.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/account/login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" });
    public ILocator Email => page.GetByLabel("Email");
    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });
    public ILocator KeepMeSignedIn => page.GetByLabel("Keep me signed in on this device");
    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public static async Task<LoginPage> OpenAsync(IPage page, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? Path : $"{Path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var login = new LoginPage(page);
        await Assertions.Expect(login.Heading).ToBeVisibleAsync();
        return login;
    }

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }
}
