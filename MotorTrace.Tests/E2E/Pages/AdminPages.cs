using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/admin/users: the user grid (MudDataGrid) with its search box and the "New user" link.</summary>
public sealed class UserListPage(IPage page)
{
    public const string Path = "/admin/users";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 });
    public ILocator Search => page.GetByRole(AriaRole.Textbox, new() { Name = "Search name or email" });
    public ILocator NewUser => page.GetByRole(AriaRole.Link, new() { Name = "New user" });
    public ILocator Rows => page.GetByLabel("Users", new() { Exact = true }).GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
    public ILocator User(string name) => Rows.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}

/// <summary>/admin/users/new and /admin/users/{id}: the user form (MudTextField, MudSelect, role checkboxes).</summary>
public sealed class UserEditPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator FullName => page.GetByRole(AriaRole.Textbox, new() { Name = "Full name" });
    public ILocator Email => page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true });
    public ILocator EmployeeId => page.GetByRole(AriaRole.Textbox, new() { Name = "Employee id" });
    public ILocator Role(string name) => page.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });
    public ILocator Create => page.GetByRole(AriaRole.Button, new() { Name = "Create and send invitation" });
    public ILocator Permissions => page.GetByRole(AriaRole.Link, new() { Name = "Module permissions" });

    /// <summary>Opens the Dealer select (a MudSelect: a popover list of options) and picks the dealer whose text starts with <paramref name="code"/>.</summary>
    public async Task ChooseDealerAsync(string code)
    {
        // The app bar has a dealer switcher of the same name: the form's select is the one in the page's main region.
        await page.Locator("main").GetByRole(AriaRole.Combobox, new() { Name = "Dealer", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = code + " · " }).First.ClickAsync();
    }
}

/// <summary>/admin/permissions?user=…: one member of staff's module × right matrix of labelled checkboxes.</summary>
public sealed class PermissionsPage(IPage page)
{
    public ILocator Box(string module, string right) => page.GetByRole(AriaRole.Checkbox, new() { Name = $"{module}: {right}", Exact = true });
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Save rights" });
    public ILocator Snackbar => page.Locator(".mud-snackbar");
}
