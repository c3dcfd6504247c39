using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Finance;
using MotorTrace.Web.Services.Grid;
using static MotorTrace.Tests.Services.EstimateScenario;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteInvoiceServiceTests(SqliteFactory app) : InvoiceServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresInvoiceServiceTests(PostgresFactory app) : InvoiceServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Invoices, payments and refunds over a real database (<see cref="InvoiceService"/>, <see cref="PaymentService"/>): drafts
/// per payer from the approved lines, numbering at finalisation (50 at once, no gap, no duplicate), overpayment and
/// repeated taps, refunds, credit notes, void rules, roles, other dealers, overdue and ageing.
/// </summary>
public abstract class InvoiceServiceTests(MotorTraceFactory app)
{
    private Task<InvoiceScenario> ShopAsync() => InvoiceScenario.ForAsync(app);

    private static readonly JobLine[] Job =
    [
        new("Oil change", 1, 1500m),
        new("Drain and refill oil", 1, 600m, LineItemType.Labor),
        new("Oil filter", 2, 450m, LineItemType.Part),
        new("Wheel alignment", 1, 899.99m, Approved: false),
        new("Turbo hose", 1, 2000m, LineItemType.Part, LinePayer.Warranty),
    ];

    [DatabaseFact]
    public async Task A_completed_work_order_is_invoiced_from_its_approved_lines_one_draft_per_payer_grouped_and_discounted_for_the_customer()
    {
        var shop = await ShopAsync();
        var (id, version) = await shop.CompletedAsync(Job, DiscountType.Percentage, 10m);

        var invoices = await shop.InvoiceAsync(id, version);

        Assert.Equal([LinePayer.Customer, LinePayer.Warranty], invoices.Select(i => i.Payer));
        var customer = invoices[0];
        Assert.Equal([(1, LineItemType.Service, "Oil change", 1500m), (2, LineItemType.Labor, "Drain and refill oil", 600m), (3, LineItemType.Part, "Oil filter", 900m)],
            customer.Lines.Select(l => (l.LineNumber, l.Type, l.Description, l.Amount)));
        // 3,000.00 less 10% = 2,700.00; 18% tax on it = 486.00.
        Assert.Equal((1500m, 600m, 900m, 3000m, 300m, 486m, 3186m, 3186m),
            (customer.SubtotalServices, customer.SubtotalLabor, customer.SubtotalParts, customer.Subtotal, customer.Discount, customer.Tax, customer.Total, customer.Balance));
        Assert.Equal((InvoiceStatus.Draft, (string?)null, 18m, false), (customer.Status, customer.Number, customer.TaxRatePercent, customer.TaxInclusive));
        var warranty = invoices[1];
        Assert.Equal([("Turbo hose", 2000m)], warranty.Lines.Select(l => (l.Description, l.Amount)));
        Assert.Equal((0m, 360m, 2360m), (warranty.Discount, warranty.Tax, warranty.Total)); // the customer's discount is not the warranty's

        var again = await shop.AsAsync<InvoiceService, ServiceResult<Guid>>(shop.Shop.Advisor, s => s.CreateFromWorkOrderAsync(id, version));
        Assert.False(again.Succeeded); // the work order's version moved: a second tap or desk does not draft twice
        Assert.Equal(2, await shop.DbAsync(db => db.Invoices.CountAsync(i => i.WorkOrderId == id)));
    }

    [DatabaseFact]
    public async Task Only_a_completed_work_order_with_approved_lines_is_invoiced()
    {
        var shop = await ShopAsync();
        var open = await shop.Shop.NewWorkOrderAsync(WorkOrderStatus.InProgress);
        var openVersion = await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == open).Select(w => w.Version).SingleAsync());
        var (declined, declinedVersion) = await shop.CompletedAsync([new("Coolant flush", 1, 1200m, Approved: false)]);

        var inProgress = await shop.AsAsync<InvoiceService, ServiceResult<Guid>>(shop.Shop.Advisor, s => s.CreateFromWorkOrderAsync(open, openVersion));
        var nothing = await shop.AsAsync<InvoiceService, ServiceResult<Guid>>(shop.Shop.Advisor, s => s.CreateFromWorkOrderAsync(declined, declinedVersion));

        Assert.Contains("Only a completed work order is invoiced", MessagesAt(inProgress.Result, ""));
        Assert.Contains("nothing to invoice", MessagesAt(nothing.Result, ""));
        Assert.Equal(0, await shop.DbAsync(db => db.Invoices.CountAsync(i => i.WorkOrderId == open || i.WorkOrderId == declined)));
    }

    [DatabaseFact]
    public async Task Finalising_numbers_and_dates_the_invoice_freezes_it_and_moves_the_work_order_to_invoiced()
    {
        var shop = await ShopAsync();
        var (id, version) = await shop.CompletedAsync(Job);
        var drafts = await shop.InvoiceAsync(id, version);

        var warranty = await shop.FinaliseAsync(drafts[1].Id);
        var stillCompleted = await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == id).Select(w => w.Status).SingleAsync());
        var customer = await shop.FinaliseAsync(drafts[0].Id);
        var twice = await shop.AsAsync<InvoiceService, ServiceResult>(shop.Shop.Advisor, s => s.FinaliseAsync(customer.Id, customer.Version));

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")));
        Assert.Matches($@"^INV-D{shop.Shop.DealerNumber:000}-{today.Year}-\d{{6}}$", customer.Number);
        Assert.Equal(Number(warranty.Number!) + 1, Number(customer.Number!));
        Assert.Equal((InvoiceStatus.Issued, today, today.AddDays(15), "Arjun Advisor"), (customer.Status, customer.IssueDate, customer.DueDate, customer.FinalisedBy));
        Assert.Equal(WorkOrderStatus.Completed, stillCompleted); // the customer's invoice is the one that invoices the job
        var order = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == id));
        Assert.Equal((WorkOrderStatus.Invoiced, customer.Number, PaymentStatus.Unpaid), (order.Status, order.InvoiceNumber, order.PaymentStatus));
        Assert.Contains("already finalised", MessagesAt(twice, ""));
    }

    [DatabaseFact]
    public async Task Fifty_invoices_finalised_at_once_get_fifty_consecutive_numbers_with_no_gap_and_no_duplicate()
    {
        var shop = await ShopAsync();
        var drafts = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            var (id, version) = await shop.CompletedAsync([new("Car wash", 1, 100m + i)]);
            drafts.Add((await shop.InvoiceAsync(id, version))[0].Id);
        }
        var versions = await shop.DbAsync(db => db.Invoices.Where(i => drafts.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Version));

        var results = await Task.WhenAll(drafts.Select(id => Task.Run(() =>
            shop.AsAsync<InvoiceService, ServiceResult>(shop.Shop.Advisor, s => s.FinaliseAsync(id, versions[id])))));

        Assert.All(results, r => Assert.True(r.Succeeded, InvoiceScenario.Errors(r)));
        var numbers = (await shop.DbAsync(db => db.Invoices.Where(i => drafts.Contains(i.Id)).Select(i => i.InvoiceNumber!).ToListAsync()))
            .Select(Number).Order().ToList();
        Assert.Equal(50, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range((int)numbers[0], 50).Select(n => (long)n), numbers);
    }

    [DatabaseFact]
    public async Task A_payment_needs_a_reference_for_upi_refuses_more_than_the_balance_and_a_repeated_tap_records_it_once()
    {
        var shop = await ShopAsync();
        var invoice = await shop.IssuedAsync(new JobLine("Brake service", 1, 2500m)); // 2,950.00 with tax
        var tap = Guid.NewGuid();

        var noReference = await shop.PayAsync(invoice.Id, PaymentMethod.Upi, 1000m);
        var first = await shop.PayAsync(invoice.Id, PaymentMethod.Upi, 1000m, "UPI-4471", tap);
        var repeat = await shop.PayAsync(invoice.Id, PaymentMethod.Upi, 1000m, "UPI-4471", tap);
        var partly = await shop.ViewAsync(invoice.Id);
        var over = await shop.PayAsync(invoice.Id, PaymentMethod.Cash, 1950.01m);
        var rest = await shop.PayAsync(invoice.Id, PaymentMethod.CreditCard, 1950m, "SLIP-88");
        var paid = await shop.ViewAsync(invoice.Id);
        var more = await shop.PayAsync(invoice.Id, PaymentMethod.Cash, 1m);

        Assert.Contains("UPI transaction id", MessagesAt(noReference.Result, nameof(PaymentForm.Reference)));
        Assert.Equal(first.Value, repeat.Value);
        Assert.Equal((InvoiceStatus.PartiallyPaid, 1950m), (partly.Status, partly.Balance));
        Assert.Contains("more than the balance due (1,950.00)", MessagesAt(over.Result, nameof(PaymentForm.Amount)));
        Assert.True(rest.Succeeded, InvoiceScenario.Errors(rest.Result));
        Assert.Equal((InvoiceStatus.Paid, 0m, 2950m), (paid.Status, paid.Balance, paid.NetPaid));
        Assert.Equal([(PaymentMethod.Upi, 1000m, "Arjun Advisor"), (PaymentMethod.CreditCard, 1950m, "Arjun Advisor")], paid.Payments.Select(p => (p.Method, p.Amount, p.By!)));
        Assert.Contains("paid in full", MessagesAt(more.Result, nameof(PaymentForm.Amount)));
        var order = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == paid.WorkOrderId));
        Assert.Equal((PaymentStatus.Paid, 2950m), (order.PaymentStatus, order.PaidAmount));
    }

    [DatabaseFact]
    public async Task Refunds_are_partial_with_a_reason_never_exceed_the_payment_and_reopen_the_balance()
    {
        var shop = await ShopAsync();
        var invoice = await shop.IssuedAsync(new JobLine("Detailing", 1, 1000m)); // 1,180.00
        var payment = (await shop.PayAsync(invoice.Id, PaymentMethod.DebitCard, 1180m, "SLIP-1")).Value;

        Task<ServiceResult<Guid>> Refund(decimal amount, string? reason, Guid? tap = null) => shop.AsAsync<PaymentService, ServiceResult<Guid>>(shop.Shop.Advisor,
            s => s.RefundAsync(tap ?? Guid.NewGuid(), payment, new RefundForm { Amount = amount, Reason = reason }));
        var noReason = await Refund(100m, " ");
        var tap = Guid.NewGuid();
        var first = await Refund(180m, "Wax not applied", tap);
        await Refund(180m, "Wax not applied", tap); // the same tap again
        var tooMuch = await Refund(1000.01m, "Goodwill");
        var view = await shop.ViewAsync(invoice.Id);

        Assert.Contains("reason", MessagesAt(noReason.Result, nameof(RefundForm.Reason)));
        Assert.True(first.Succeeded, InvoiceScenario.Errors(first.Result));
        Assert.Contains("more than is left to refund of this payment (1,000.00)", MessagesAt(tooMuch.Result, nameof(RefundForm.Amount)));
        var paid = Assert.Single(view.Payments);
        Assert.Equal((180m, PaymentRecordStatus.PartiallyRefunded, 1000m), (paid.Refunded, paid.Status, paid.Refundable));
        Assert.Equal([(180m, "Wax not applied")], paid.Refunds.Select(r => (r.Amount, r.Reason)));
        Assert.Equal((InvoiceStatus.PartiallyPaid, 180m), (view.Status, view.Balance));
        var order = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == view.WorkOrderId));
        Assert.Equal((PaymentStatus.PartiallyRefunded, 1000m), (order.PaymentStatus, order.PaidAmount));
    }

    [DatabaseFact]
    public async Task A_technician_cannot_take_a_payment_and_only_a_manager_voids_or_issues_a_credit_note()
    {
        var shop = await ShopAsync();
        var invoice = await shop.IssuedAsync(new JobLine("Battery check", 1, 300m));

        var technician = await shop.PayAsync(invoice.Id, PaymentMethod.Cash, 10m, email: shop.Shop.Technician);
        var advisorVoid = await shop.AsAsync<InvoiceService, ServiceResult>(shop.Shop.Advisor, s => s.VoidAsync(invoice.Id, invoice.Version, new VoidForm { Reason = "Wrong car" }));
        var advisorCredit = await shop.AsAsync<InvoiceService, ServiceResult<Guid>>(shop.Shop.Advisor,
            s => s.CreditNoteAsync(invoice.Id, invoice.Version, new CreditNoteForm { Reason = "Goodwill", Quantities = { [invoice.Lines[0].Id] = 1 } }));

        Assert.Contains("Only service advisors and managers take payments", MessagesAt(technician.Result, ""));
        Assert.Contains("Only a manager", MessagesAt(advisorVoid, ""));
        Assert.Contains("Only a manager", MessagesAt(advisorCredit.Result, ""));
        var after = await shop.ViewAsync(invoice.Id);
        Assert.Equal((InvoiceStatus.Issued, 354m, 0), (after.Status, after.Balance, after.Payments.Count));
        Assert.False((await shop.ViewAsync(invoice.Id, shop.Shop.Advisor)).CanVoid);
        Assert.True((await shop.ViewAsync(invoice.Id, shop.Shop.Manager)).CanVoid);
    }

    [DatabaseFact]
    public async Task Void_needs_a_reason_is_refused_while_money_remains_and_takes_the_work_order_back_to_completed()
    {
        var shop = await ShopAsync();
        var invoice = await shop.IssuedAsync(new JobLine("AC service", 1, 2000m)); // 2,360.00
        var payment = (await shop.PayAsync(invoice.Id, PaymentMethod.Cash, 500m)).Value;
        Task<ServiceResult> Void(string? reason) => shop.AsAsync<InvoiceService, ServiceResult>(shop.Shop.Manager,
            async s => await s.VoidAsync(invoice.Id, (await s.ViewAsync(invoice.Id))!.Version, new VoidForm { Reason = reason }));

        var paid = await Void("Billed to the wrong customer");
        await shop.AsAsync<PaymentService, ServiceResult<Guid>>(shop.Shop.Advisor, s => s.RefundAsync(Guid.NewGuid(), payment, new RefundForm { Amount = 500m, Reason = "Wrong customer" }));
        var noReason = await Void("");
        var voided = await Void("Billed to the wrong customer");
        var view = await shop.ViewAsync(invoice.Id);

        Assert.Contains("500.00 received on this invoice remains", MessagesAt(paid, ""));
        Assert.Contains("reason", MessagesAt(noReason, nameof(VoidForm.Reason)));
        Assert.True(voided.Succeeded, InvoiceScenario.Errors(voided));
        Assert.Equal((InvoiceStatus.Void, "Billed to the wrong customer", "Maya Manager", 0m), (view.Status, view.VoidReason, view.VoidedBy, view.Balance));
        var order = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == view.WorkOrderId));
        Assert.Equal((WorkOrderStatus.Completed, (string?)null), (order.Status, order.InvoiceNumber));
        // Completed again: it can be invoiced anew.
        var redraft = await shop.AsAsync<InvoiceService, ServiceResult<Guid>>(shop.Shop.Advisor, s => s.CreateFromWorkOrderAsync(order.Id, order.Version));
        Assert.True(redraft.Succeeded, InvoiceScenario.Errors(redraft.Result));
    }

    [DatabaseFact]
    public async Task A_credit_note_takes_the_next_number_has_negative_lines_and_reduces_the_balance_never_below_zero()
    {
        var shop = await ShopAsync();
        var invoice = await shop.IssuedAsync(new JobLine("Tyre fitting", 4, 250m), new JobLine("Tyre", 4, 5000m, LineItemType.Part)); // 21,000 + 3,780 tax
        var tyre = invoice.Lines.Single(l => l.Type == LineItemType.Part);
        Task<ServiceResult<Guid>> Credit(Guid line, int quantity) => shop.AsAsync<InvoiceService, ServiceResult<Guid>>(shop.Shop.Manager,
            async s => await s.CreditNoteAsync(invoice.Id, (await s.ViewAsync(invoice.Id))!.Version,
                new CreditNoteForm { Reason = "One tyre returned unused", Quantities = { [line] = quantity } }));

        var credited = await Credit(tyre.Id, 1);
        var note = await shop.ViewAsync(credited.Value);
        var tooMany = await Credit(tyre.Id, 4);
        await shop.PayAsync(invoice.Id, PaymentMethod.BankTransfer, 18_880m, "NEFT-1");
        var overBalance = await Credit(tyre.Id, 1);
        var after = await shop.ViewAsync(invoice.Id);

        Assert.True(credited.Succeeded, InvoiceScenario.Errors(credited.Result));
        Assert.Equal((InvoiceKind.CreditNote, Number(invoice.Number!) + 1), (note.Kind, Number(note.Number!)));
        Assert.Equal([(1, "Tyre", 1, -5000m, -5000m)], note.Lines.Select(l => (l.LineNumber, l.Description, l.Quantity, l.UnitPrice, l.Amount)));
        Assert.Equal((-5000m, -900m, -5900m), (note.Subtotal, note.Tax, note.Total));
        Assert.Contains("credit from 0 to 3", MessagesAt(tooMany.Result, nameof(CreditNoteForm.Quantities)));
        Assert.Contains("more than the balance due (0.00)", MessagesAt(overBalance.Result, nameof(CreditNoteForm.Quantities)));
        Assert.Equal((InvoiceStatus.Paid, 0m, 5900m), (after.Status, after.Balance, after.Credited));
        Assert.Equal([note.Number], after.CreditNotes.Select(c => c.Number));
    }

    [DatabaseFact]
    public async Task Another_dealers_invoice_is_not_found_and_takes_no_payment()
    {
        var shop = await ShopAsync();
        var invoice = await shop.IssuedAsync(new JobLine("Wash", 1, 200m));

        var view = await shop.AsAsync<InvoiceService, InvoiceView?>("advisor@d1.motortrace.test", s => s.ViewAsync(invoice.Id));
        var pay = await shop.PayAsync(invoice.Id, PaymentMethod.Cash, 10m, email: "advisor@d1.motortrace.test");
        var list = await shop.AsAsync<InvoiceListService, GridResult<InvoiceRow>>("advisor@d1.motortrace.test",
            s => s.ListAsync(new GridQuery { Search = invoice.Number }));

        Assert.Null(view);
        Assert.Contains("no longer exists", MessagesAt(pay.Result, ""));
        Assert.Empty(list.Items);
        Assert.Empty((await shop.ViewAsync(invoice.Id)).Payments);
    }

    [DatabaseFact]
    public async Task Overdue_is_computed_from_the_due_date_when_read_and_receivables_age_open_balances_by_days_past_due()
    {
        var shop = await ShopAsync();
        var (customer, vehicle) = await shop.NewCustomerAsync($"Ageing Customer {Guid.NewGuid():N}"[..24]);
        async Task<InvoiceView> IssuedDueAsync(decimal price, int daysPastDue)
        {
            var (id, version) = await shop.CompletedAsync([new("Service", 1, price)], customerId: customer, vehicleId: vehicle);
            var invoice = await shop.FinaliseAsync((await shop.InvoiceAsync(id, version))[0].Id);
            var due = invoice.IssueDate.AddDays(-daysPastDue);
            await shop.DbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueDate, due)));
            return invoice;
        }
        var current = await IssuedDueAsync(100m, -5);
        var month = await IssuedDueAsync(200m, 45);
        var old = await IssuedDueAsync(300m, 120);
        await shop.PayAsync(old.Id, PaymentMethod.Cash, 54m);

        var overdue = await shop.ViewAsync(month.Id);
        var notYet = await shop.ViewAsync(current.Id);
        var report = await shop.AsAsync<InvoiceListService, ReceivablesReport>(shop.Shop.Advisor, s => s.ReceivablesAsync());
        var overdueList = await shop.AsAsync<InvoiceListService, GridResult<InvoiceRow>>(shop.Shop.Advisor,
            s => s.ListAsync(new GridQuery().WithFilter("customer", customer.ToString()).WithFilter("overdue", "yes")));
        var bucket = await shop.AsAsync<InvoiceListService, GridResult<InvoiceRow>>(shop.Shop.Advisor,
            s => s.ListAsync(new GridQuery().WithFilter("customer", customer.ToString()).WithFilter("age", "31-60")));

        Assert.Equal((InvoiceStatus.Overdue, InvoiceStatus.Issued), (overdue.Status, notYet.Status));
        Assert.Equal(InvoiceStatus.Issued, await shop.DbAsync(db => db.Invoices.Where(i => i.Id == month.Id).Select(i => i.Status).SingleAsync())); // not stored
        var row = Assert.Single(report.Rows, r => r.CustomerId == customer);
        Assert.Equal((3, 118m, 236m, 0m, 300m, 654m), (row.Count, row.Days0To30, row.Days31To60, row.Days61To90, row.Over90, row.Total));
        Assert.Equal([month.Number, old.Number], overdueList.Items.Select(i => i.Number).Order());
        Assert.All(overdueList.Items, i => Assert.Equal(InvoiceStatus.Overdue, i.Status));
        Assert.Equal([month.Id], bucket.Items.Select(i => i.Id));
    }

    [DatabaseFact]
    public async Task The_export_streams_every_invoice_the_grids_filters_select_across_its_pages_with_the_filters_line()
    {
        var shop = await ShopAsync();
        var name = $"Export Customer {Guid.NewGuid():N}"[..24];
        var (customer, vehicle) = await shop.NewCustomerAsync(name);
        var issued = new List<InvoiceView>();
        for (var i = 0; i < 12; i++)
        {
            var (id, version) = await shop.CompletedAsync([new("Service", 1, 100m + i * 10.25m)], customerId: customer, vehicleId: vehicle);
            issued.Add(await shop.FinaliseAsync((await shop.InvoiceAsync(id, version))[0].Id));
        }
        Assert.True((await shop.PayAsync(issued[3].Id, PaymentMethod.Cash, issued[3].Total)).Succeeded); // paid: not open
        Assert.True((await shop.PayAsync(issued[5].Id, PaymentMethod.Cash, 50m)).Succeeded); // partly paid: open
        var (draftOrder, draftVersion) = await shop.CompletedAsync([new("Service", 1, 75m)], customerId: customer, vehicleId: vehicle);
        await shop.InvoiceAsync(draftOrder, draftVersion); // a draft: not open
        var address = $"?status=open&customer={customer}&sort=number&dir=asc&size=10&page=2";
        var query = GridQuery.FromUri("/invoices" + address, InvoiceListService.FilterNames);

        async Task<GridResult<InvoiceRow>> PageAsync(int page) =>
            await shop.AsAsync<InvoiceListService, GridResult<InvoiceRow>>(shop.Shop.Advisor, s => s.ListAsync(query.ForPage(page)));
        var firstPage = await PageAsync(1);
        var shown = firstPage.Items.Concat((await PageAsync(2)).Items).ToList();
        var advisor = await app.UserAsync(shop.Shop.Advisor);
        var response = await advisor.Client.GetAsync("/invoices/export.xlsx" + address);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(11, firstPage.Total);
        Assert.Equal(issued.Where((_, i) => i != 3).Select(i => i.Number), shown.Select(r => r.Number));
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        var header = sheet.Row(GridExport.HeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        int Column(string title) => header.IndexOf(title) + 1;
        var first = GridExport.HeaderRow + 1;
        var read = Enumerable.Range(first, shown.Count).Select(r => (
            Number: sheet.Cell(r, Column("Number")).GetString(), Status: sheet.Cell(r, Column("Status")).GetString(),
            Total: sheet.Cell(r, Column("Total")).GetValue<decimal>(), Balance: sheet.Cell(r, Column("Balance")).GetValue<decimal>())).ToList();
        Assert.Equal(shown.Select(r => (r.Number!, StatusStyles.Label(r.Status), r.Total, r.Balance)), read);
        Assert.Equal("Total", sheet.Cell(first + shown.Count, 1).GetString());
        Assert.Equal(shown.Sum(r => r.Balance), sheet.Cell(first + shown.Count, Column("Balance")).GetValue<decimal>());
        Assert.StartsWith("Invoices · ", sheet.Cell(1, 1).GetString());
        Assert.Equal($"Filters: Status: Open (balance due); Customer: {name}", sheet.Cell(3, 1).GetString());
    }

    private static long Number(string invoiceNumber) => long.Parse(Regex.Match(invoiceNumber, @"(\d{6})$").Groups[1].Value);
}
