using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/vehicles/new?customerId=…: a car for a customer, its VIN checked while typed.</summary>
public sealed class VehicleFormPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^New vehicle for "), Level = 1 });
    public ILocator Vin => page.GetByLabel("VIN", new() { Exact = true });
    public ILocator Plate => page.GetByLabel("Licence plate", new() { Exact = true });
    public ILocator Make => page.GetByLabel("Make", new() { Exact = true });
    public ILocator Model => page.GetByLabel("Model", new() { Exact = true });
    public ILocator Year => page.GetByLabel("Model year", new() { Exact = true });
    public ILocator Colour => page.GetByLabel("Colour", new() { Exact = true });
    public ILocator Add => page.GetByRole(AriaRole.Button, new() { Name = "Add vehicle" });
}
