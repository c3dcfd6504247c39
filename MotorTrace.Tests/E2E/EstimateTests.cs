using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;

namespace MotorTrace.Tests.E2E;

/// <summary>The advisor builds an estimate at the desk (1366×900) and records the customer's answers as evidence.</summary>
[Trait("Category", "E2E")]
public sealed class EstimateTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string Oil = "Express oil change";
    private const string BrakeFluid = "Brake fluid replacement";

    [BrowserFact]
    public async Task An_advisor_builds_an_estimate_from_two_canned_services_and_records_an_approval_and_a_decline()
    {
        var advisor = DemoSeeder.SignIns.First(s => s.Role == Roles.ServiceAdvisor && s.Dealer == 1);
        var (workOrderId, vehicleId) = await NewWorkOrderAsync();
        await using var context = await fixture.SignedInContextAsync(advisor.Email, 1366, 900);
        var page = await context.NewPageAsync();
        await BrowserAppFixture.VisitAsync(page, $"/workorders/{workOrderId}", axe: false);
        var workOrder = new WorkOrderPage(page);
        await Assertions.Expect(page.GetByTestId("no-lines")).ToBeVisibleAsync();

        // 1. Two canned services: each brings its labour and its price.
        await workOrder.AddCannedServiceAsync(Oil);
        await workOrder.AddCannedServiceAsync(BrakeFluid);
        var oilPrice = await PriceAsync(Oil);
        var fluidPrice = await PriceAsync(BrakeFluid);
        await Assertions.Expect(workOrder.Total("pending")).ToContainTextAsync(Money(oilPrice + fluidPrice + await PartsAsync(workOrderId)));
        await Assertions.Expect(page.GetByTestId("labor-row")).Not.ToHaveCountAsync(0);

        // 2. The customer approves the oil change on the phone and declines the brake fluid at the desk.
        await workOrder.AnswerAsync(Oil, approve: true, method: "Phone");
        await workOrder.AnswerAsync(BrakeFluid, approve: false, method: "In person");

        var approved = await AmountAsync(workOrderId, LineDecisionOf.Approved);
        var declined = await AmountAsync(workOrderId, LineDecisionOf.Declined);
        Assert.Equal(oilPrice, await ServiceAmountAsync(workOrderId, Oil));
        await Assertions.Expect(workOrder.Total("approved")).ToHaveTextAsync(Money(approved));
        await Assertions.Expect(workOrder.Total("declined")).ToHaveTextAsync(Money(declined));
        Assert.True(approved >= oilPrice && declined >= fluidPrice);

        // 3. The evidence: every answer with how it came, who answered and the price shown.
        await Assertions.Expect(workOrder.Evidence.Filter(new() { HasText = "Phone" }).Filter(new() { HasText = Oil })).ToHaveCountAsync(1);
        await Assertions.Expect(workOrder.Evidence.Filter(new() { HasText = "In person" }).Filter(new() { HasText = BrakeFluid })).ToHaveCountAsync(1);
        await Assertions.Expect(workOrder.Evidence.Filter(new() { HasText = Oil }).First).ToContainTextAsync(Money(oilPrice));
        await page.GetByRole(AriaRole.Button, new() { Name = $"history of {Oil}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mt-estimate-history").GetByTestId("evidence-row")).ToHaveCountAsync(1);

        await Assertions.Expect(workOrder.Snackbar).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await BrowserAppFixture.AssertAccessibleAsync(page, "the work order with its estimate");
        await page.SetViewportSizeAsync(768, 1024);
        Assert.Empty(await PageChecks.SidewaysScrollAsync(page));
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserAppFixture.ScreenshotsAsync(page, "work-order-estimate");

        // 4. The declined service is now a recommendation on the vehicle.
        await BrowserAppFixture.VisitAsync(page, $"/vehicles/{vehicleId}/recommendations", axe: false);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = BrakeFluid })).ToContainTextAsync("Declined on an estimate");
        await BrowserAppFixture.ScreenshotsAsync(page, "work-order-estimate-recommendation");
    }

    private enum LineDecisionOf { Approved, Declined }

    private static string Money(decimal amount) => "INR " + amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new open work order of a dealer-1 car, no lines yet.</summary>
    private async Task<(Guid WorkOrder, Guid Vehicle)> NewWorkOrderAsync() => await fixture.App.WithDbAsync(async db =>
    {
        var dealer = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
        // The car with the fewest recommendations, so the declined line shows on the first page of its list.
        var vehicle = await db.Vehicles.Where(v => v.DealerId == dealer)
            .OrderBy(v => db.ServiceRecommendations.Count(r => r.VehicleId == v.Id)).ThenBy(v => v.Id).Select(v => new { v.Id, v.CustomerId }).FirstAsync();
        var order = new WorkOrder
        {
            DealerId = dealer, WorkOrderNumber = $"WO-D001-9{Random.Shared.Next(10_000, 99_999)}", CustomerId = vehicle.CustomerId, VehicleId = vehicle.Id,
            Status = WorkOrderStatus.Open, OpenedAt = DateTime.UtcNow, OdometerReading = 30_000, Version = Guid.NewGuid(),
        };
        db.WorkOrders.Add(order);
        await db.SaveChangesAsync();
        return (order.Id, vehicle.Id);
    });

    private Task<decimal> PriceAsync(string name) => fixture.App.WithDbAsync(db =>
        db.CannedServices.Where(c => c.Name == name && c.DealerId == db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).First()).Select(c => c.Price).FirstAsync());

    private Task<decimal> ServiceAmountAsync(Guid workOrderId, string name) => fixture.App.WithDbAsync(db =>
        db.WorkOrderServices.Where(s => s.WorkOrderId == workOrderId && s.Description == name).Select(s => s.Subtotal).SingleAsync());

    private Task<decimal> PartsAsync(Guid workOrderId) => fixture.App.WithDbAsync(async db =>
        (await db.WorkOrderParts.Where(p => p.WorkOrderId == workOrderId).Select(p => p.Subtotal).ToListAsync()).Sum());

    private Task<decimal> AmountAsync(Guid workOrderId, LineDecisionOf decision) => fixture.App.WithDbAsync(async db =>
    {
        var approved = decision == LineDecisionOf.Approved;
        var services = await db.WorkOrderServices.Where(s => s.WorkOrderId == workOrderId && (approved ? s.CustomerApproved : s.CustomerRejected)).Select(s => s.Subtotal).ToListAsync();
        var parts = await db.WorkOrderParts.Where(p => p.WorkOrderId == workOrderId && (approved ? p.CustomerApproved : p.CustomerRejected)).Select(p => p.Subtotal).ToListAsync();
        return services.Sum() + parts.Sum();
    });
}
