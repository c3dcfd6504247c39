using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// A service advisor registers a walk-in customer and their car through the interactive pages, at 1366×900; axe on
/// every page visited. The new-customer form is also tried on a touch tablet (768×1024).
/// </summary>
[Trait("Category", "E2E")]
public sealed class CustomerVehicleTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string Name = "Ishaan Varadarajan-Pillai";
    private const string Email = "ishaan.vp@example.org";
    // Demo plates never use Q (nor may VINs), so "qx 28" finds this car and nothing else.
    private const string Plate = "MH 14 QX 2817";
    private const string PartOfThePlate = "qx 28";
    private const string Vin = "WVWZZZ1KZBW381726"; // European: no North-American check digit to warn about

    private static readonly string Advisor = DemoSeeder.SignIns.First(s => s.Role == Roles.ServiceAdvisor && s.Dealer == 1).Email;

    [BrowserFact]
    public async Task An_advisor_sees_field_errors_for_a_bad_email_and_phone_then_saves_the_customer_adds_a_car_and_finds_it_by_part_of_the_plate()
    {
        await using var context = await fixture.SignedInContextAsync(Advisor, 1366, 900);
        var page = await context.NewPageAsync();

        // 1. The list, then "New customer".
        var customers = await CustomerListPage.OpenAsync(page);
        await AssertAccessibleAsync(page, "the customer list");
        await customers.NewCustomer.ClickAsync();
        var form = new CustomerFormPage(page);
        await Assertions.Expect(form.Heading).ToBeVisibleAsync();
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await AssertAccessibleAsync(page, "the new-customer form");

        // 2. A phone with letters and an email without a domain: the messages stand at their fields, nothing is saved.
        await form.Name.FillAsync(Name);
        await form.Phone.FillAsync("98450-CALL-ME");
        await form.Email.FillAsync("ishaan.vp@");
        await form.Save.ClickAsync();
        await Assertions.Expect(form.FieldError("Phone")).ToContainTextAsync("A phone number has only digits");
        await Assertions.Expect(form.FieldError("Email")).ToHaveTextAsync("Enter an email address like name@example.com.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/customers/new$"));
        await AssertAccessibleAsync(page, "the new-customer form with field errors");
        await ScreenshotAsync(page, "1-field-errors");
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Customers.IgnoreQueryFilters().CountAsync(c => c.Name == Name)));

        // 3. Put right and saved: the customer's page with its tabs.
        await form.Phone.FillAsync("+44 20 7946 0958");
        await form.Email.FillAsync(Email);
        await form.Save.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/customers/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Name, Level = 1 })).ToBeVisibleAsync();
        var customerUrl = page.Url;
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.Customers.IgnoreQueryFilters().CountAsync(c => c.Name == Name && c.Email == Email)));

        // 4. Vehicles tab, "Add vehicle": VIN, plate, make, model.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Vehicles" }).ClickAsync();
        await AssertAccessibleAsync(page, "the new customer's vehicles tab");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add vehicle" }).ClickAsync();
        var vehicle = new VehicleFormPage(page);
        await Assertions.Expect(vehicle.Heading).ToBeVisibleAsync();
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await AssertAccessibleAsync(page, "the new-vehicle form");
        await vehicle.Vin.FillAsync(Vin);
        await Assertions.Expect(page.GetByText("Valid VIN.")).ToBeVisibleAsync();
        await vehicle.Plate.FillAsync(Plate);
        await vehicle.Make.FillAsync("Volkswagen");
        await vehicle.Make.PressAsync("Escape");
        await vehicle.Model.FillAsync("Polo");
        await vehicle.Year.FillAsync("2011");
        await vehicle.Colour.FillAsync("Flash red");
        await ScreenshotAsync(page, "2-new-vehicle");
        await vehicle.Add.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/vehicles/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Volkswagen Polo");
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await AssertAccessibleAsync(page, "the new vehicle's page");

        // 5. On the customer's Vehicles tab.
        await page.GotoAsync(customerUrl + "?tab=vehicles");
        await PageChecks.SettleAsync(page);
        var vehiclesPanel = page.GetByRole(AriaRole.Tabpanel);
        await Assertions.Expect(vehiclesPanel.GetByRole(AriaRole.Table)).ToContainTextAsync(Plate);
        await Assertions.Expect(vehiclesPanel.GetByRole(AriaRole.Link, new() { Name = "Volkswagen Polo" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the customer's vehicles tab with the new car");
        await ScreenshotAsync(page, "3-customer-vehicles");

        // 6. Part of the plate, in lower case, finds the customer and the car in the search.
        customers = await CustomerListPage.OpenAsync(page);
        await customers.Search.FillAsync(PartOfThePlate);
        await Assertions.Expect(customers.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(customers.Rows).ToContainTextAsync(Plate);
        await Assertions.Expect(customers.Customer(Name)).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the customer list searched by part of a plate");
        await ScreenshotAsync(page, "4-plate-search");
    }

    [BrowserFact]
    public async Task The_new_customer_form_on_a_touch_tablet_passes_axe_fits_768_px_and_has_44_px_targets()
    {
        await using var context = await fixture.SignedInContextAsync(Advisor, 768, 1024, hasTouch: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/customers/new");
        await PageChecks.SettleAsync(page);
        var form = new CustomerFormPage(page);
        await Assertions.Expect(form.Heading).ToBeVisibleAsync();

        // With a field error showing too: the message must not push anything off the screen.
        await form.Email.FillAsync("not an email");
        await form.Save.ClickAsync();
        await Assertions.Expect(form.FieldError("Name")).ToHaveTextAsync("Enter the customer's name.");

        var findings = new List<string>();
        findings.AddRange(await PageChecks.AxeAsync(page));
        findings.AddRange(await PageChecks.SidewaysScrollAsync(page));
        findings.AddRange(await PageChecks.SmallTargetsAsync(page, 44));
        await BrowserAppFixture.ScreenshotsAsync(page, "customer-new-tablet");
        Assert.True(findings.Count == 0, $"{findings.Count} problem(s) on the new-customer form at 768×1024 (touch):\n" + string.Join("\n", findings));
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        await PageChecks.SettleAsync(page);
        await BrowserAppFixture.AssertAccessibleAsync(page, what);
    }

    private static Task ScreenshotAsync(IPage page, string step)
    {
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotFolder);
        return page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserAppFixture.ScreenshotFolder, $"advisor-customer-{step}.png"),
            FullPage = true,
        });
    }
}
