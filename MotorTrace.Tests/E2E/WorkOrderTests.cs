using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;
using MotorTrace.Tests.Integration;

namespace MotorTrace.Tests.E2E;

/// <summary>The work-order list and board in chromium at 1024×768.</summary>
[Trait("Category", "E2E")]
public sealed class WorkOrderTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    // Demo plates never use Q: this car is found by its plate and nothing else.
    private const string Plate = "MH 04 QW 5521";
    private const string CustomerName = "Walk-in Wilhelmina Fernandes";

    [BrowserFact]
    public async Task An_advisor_opens_a_walk_in_work_order_and_finds_it_on_the_board()
    {
        var advisor = DemoSeeder.SignIns.First(s => s.Role == Roles.ServiceAdvisor && s.Dealer == 1);
        var data = new VehicleTestData(fixture.App);
        var customer = await data.CustomerAsync(dealer: 1, name: CustomerName);
        await data.VehicleAsync(customer, odometer: 52_000, plate: Plate);
        var page = await fixture.SignedInPageAsync(advisor.Email);

        var list = await WorkOrderListPage.OpenAsync(page);
        await list.NewWorkOrder.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/workorders/new$"));
        await BrowserAppFixture.WaitForCircuitAsync(page);
        var form = new WorkOrderHeaderPage(page);
        await form.ChooseCustomerAsync("Wilhelmina", CustomerName);
        // Their only car is chosen with them.
        await Assertions.Expect(form.Vehicle).ToHaveValueAsync(new Regex(Regex.Escape(Plate)));
        await form.Odometer.FillAsync("52400");
        await form.Complaint.FillAsync("Walk-in: warning light for tyre pressure.");
        await BrowserAppFixture.AssertAccessibleAsync(page, "/workorders/new");
        await form.Create.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/workorders/[0-9a-f-]{36}$"));
        var id = Guid.Parse(page.Url[^36..]);
        var number = await fixture.App.WithDbAsync(db => db.WorkOrders.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.WorkOrderNumber).SingleAsync());
        Assert.Matches(@"^WO-D001-\d{6}$", number);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);

        list = await WorkOrderListPage.OpenAsync(page);
        await list.BoardView.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=board"));
        var card = list.Column("Pending").GetByTestId("work-order-card").Filter(new() { HasText = number });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync(Plate);
        await Assertions.Expect(card).ToContainTextAsync(CustomerName);
        await BrowserAppFixture.AssertAccessibleAsync(page, "/workorders?view=board");
        await BrowserAppFixture.ScreenshotsAsync(page, "work-order-board");

        await card.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/workorders/{id}$"));
    }
}
