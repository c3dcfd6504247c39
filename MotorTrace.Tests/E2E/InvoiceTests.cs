using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.E2E;

/// <summary>The advisor invoices a completed work order and takes a partial UPI payment and a card payment for the rest (1366×900).</summary>
[Trait("Category", "E2E")]
public sealed class InvoiceTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task An_advisor_invoices_a_completed_work_order_takes_a_partial_upi_payment_and_a_card_payment_and_sees_it_paid()
    {
        var advisor = DemoSeeder.SignIns.First(s => s.Role == Roles.ServiceAdvisor && s.Dealer == 1);
        var workOrderId = await CompletedWorkOrderAsync();
        await using var context = await fixture.SignedInContextAsync(advisor.Email, 1366, 900);
        var page = await context.NewPageAsync();
        await BrowserAppFixture.VisitAsync(page, $"/workorders/{workOrderId}", axe: false);

        // 1. The completed work order is invoiced: a draft, then finalised after the confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invoice" }).ClickAsync();
        await page.WaitForURLAsync("**/invoices/*");
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Draft invoice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finalise" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Finalise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Invoice INV-D001-");
        var invoiceId = page.Url.Split('/').Last();
        await Assertions.Expect(page.GetByTestId("invoice-status")).ToContainTextAsync("Issued");
        var total = await fixture.App.WithDbAsync(db => db.Invoices.Where(i => i.Id == Guid.Parse(invoiceId)).Select(i => i.TotalAmount).SingleAsync());

        // 2. A partial UPI payment, with its transaction id.
        await PayAsync(page, "UPI", "1000", "UPI-E2E-0001");
        await Assertions.Expect(page.GetByTestId("invoice-status")).ToContainTextAsync("Partially paid");
        await Assertions.Expect(page.GetByTestId("invoice-balance")).ToContainTextAsync(MotorTrace.Web.Services.Settings.Currencies.Format(total - 1000m, "INR"));

        // 3. The rest by credit card: the amount starts at the balance.
        await PayAsync(page, "Credit card", null, "SLIP-E2E-42");
        await Assertions.Expect(page.GetByTestId("invoice-status")).ToContainTextAsync("Paid");
        await Assertions.Expect(page.GetByTestId("invoice-balance")).ToContainTextAsync("0.00");
        await Assertions.Expect(page.GetByTestId("invoice-payments").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("invoice-pdf")).ToHaveAttributeAsync("href", $"/invoices/{invoiceId}/pdf");

        // 4. The PDF the button opens, fetched with the advisor's browser session: the invoice under its number, paid.
        var number = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Replace("Invoice ", "").Trim();
        var pdfResponse = await context.APIRequest.GetAsync(await page.GetByTestId("invoice-pdf").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdfResponse.Status);
        Assert.Equal("application/pdf", pdfResponse.Headers["content-type"]);
        var pdf = PdfText.Read(await pdfResponse.BodyAsync());
        Assert.Contains(number, pdf.All);
        Assert.Contains(MotorTrace.Web.Services.Settings.Currencies.Format(total, "INR"), pdf.All);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Take payment" })).ToHaveCountAsync(0);

        var order = await fixture.App.WithDbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == workOrderId));
        Assert.Equal((WorkOrderStatus.Invoiced, PaymentStatus.Paid, total), (order.Status, order.PaymentStatus, order.PaidAmount));
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await BrowserAppFixture.AssertAccessibleAsync(page, "a paid invoice");
        await page.SetViewportSizeAsync(768, 1024);
        Assert.Empty(await PageChecks.SidewaysScrollAsync(page));
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserAppFixture.ScreenshotsAsync(page, "invoice-paid");
    }

    private static async Task PayAsync(IPage page, string method, string? amount, string reference)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Take payment" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Method" }).ClickAsync();
        var option = page.GetByRole(AriaRole.Option, new() { Name = method, Exact = true });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await option.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        if (amount is not null) await dialog.Locator("#payment-amount").FillAsync(amount);
        await dialog.Locator("#payment-reference").FillAsync(reference);
        await dialog.GetByTestId("record-payment").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>A completed work order of dealer 1 with one approved service line.</summary>
    private Task<Guid> CompletedWorkOrderAsync() => fixture.App.WithDbAsync(async db =>
    {
        var dealer = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
        var vehicle = await db.Vehicles.Where(v => v.DealerId == dealer).OrderBy(v => v.Id).Select(v => new { v.Id, v.CustomerId }).FirstAsync();
        var order = new WorkOrder
        {
            DealerId = dealer, WorkOrderNumber = $"WO-D001-8{Random.Shared.Next(10_000, 99_999)}", CustomerId = vehicle.CustomerId, VehicleId = vehicle.Id,
            Status = WorkOrderStatus.Completed, OpenedAt = DateTime.UtcNow.AddHours(-4), OdometerReading = 30_000, Version = Guid.NewGuid(),
        };
        order.Services.Add(new Data.Entities.WorkOrders.WorkOrderService
        {
            DealerId = dealer, Description = "Periodic service 30,000 km", Quantity = 1, UnitPrice = 4200m, Subtotal = 4200m,
            CustomerApproved = true, ApprovedAt = DateTime.UtcNow.AddHours(-3),
        });
        db.WorkOrders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });
}
