using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/customers/new and /customers/{id}/edit: the customer's contact details, messages at the fields.</summary>
public sealed class CustomerFormPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(New customer|Edit )"), Level = 1 });
    public ILocator Name => page.GetByLabel("Name", new() { Exact = true });
    public ILocator Phone => page.GetByLabel("Phone", new() { Exact = true });
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Save (customer|changes)$") });

    /// <summary>The message MudBlazor shows under the field with this label.</summary>
    public ILocator FieldError(string label) => FieldErrors.Field(page, label);
}

/// <summary>Where MudBlazor puts a field's validation message: the helper line under the input.</summary>
public static class FieldErrors
{
    public static ILocator Field(IPage page, string label) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) })
            .Locator(".mud-input-helper-text.mud-input-error");
}
