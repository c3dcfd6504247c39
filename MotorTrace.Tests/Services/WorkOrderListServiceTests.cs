using System.Net;
using ClosedXML.Excel;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.WorkOrders;
using ServiceLine = MotorTrace.Data.Entities.WorkOrders.WorkOrderService;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteWorkOrderListServiceTests(SqliteFactory app) : WorkOrderListServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresWorkOrderListServiceTests(PostgresFactory app) : WorkOrderListServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// <see cref="WorkOrderListService"/> and the Excel export: what each filter and search selects, the warranty queue, the
/// board's columns, tenancy, and a workbook that holds exactly the rows of the list's filters.
/// </summary>
public abstract class WorkOrderListServiceTests(MotorTraceFactory app)
{
    private sealed record Shop(WorkOrderScenario Scenario, WorkOrder Overdue, WorkOrder Warranty, WorkOrder Completed, WorkOrder Cancelled,
        WorkOrder ClaimFiled, WorkOrder RecallWithoutCode, WorkOrder Zebra, Guid ZebraCustomer);

    /// <summary>Seven work orders of the scenario's dealer, each standing out in one way.</summary>
    private async Task<Shop> SeedAsync()
    {
        var s = await WorkOrderScenario.ForAsync(app);
        await s.ClearAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var localToday = TimeZoneInfo.ConvertTimeFromUtc(now, AppointmentScenario.Zone).Date;
        var overdue = await s.InsertAsync(WorkOrderStatus.Open, w =>
        {
            (w.AdvisorId, w.Priority, w.JobType, w.PromisedAt, w.TotalAmount) = (s.Advisor.UserId, JobPriority.Urgent, JobType.Repair, now.AddDays(-1), 1180.30m);
            w.Labor.Add(new WorkOrderLabor { DealerId = s.DealerId, Description = "Diagnose", TechnicianId = s.Technician.UserId });
        });
        var warranty = await s.InsertAsync(WorkOrderStatus.InProgress, w =>
            (w.AdvisorId, w.JobType, w.PromisedAt, w.TotalAmount) = (s.Manager.UserId, JobType.Warranty, AppointmentScenario.ToUtc(localToday.AddHours(23).AddMinutes(59)), 2500m));
        var completed = await s.InsertAsync(WorkOrderStatus.Completed, w => (w.PromisedAt, w.TotalAmount) = (now.AddDays(-3), 99.99m));
        var cancelled = await s.InsertAsync(WorkOrderStatus.Cancelled, w => w.JobType = JobType.Warranty);
        var claimFiled = await s.InsertAsync(WorkOrderStatus.Approved, w =>
        {
            (w.WarrantyClaimNumber, w.ThirdPartyApprovalCode) = ("CLM-9", "APP-9");
            w.Services[0].Payer = LinePayer.Warranty;
        });
        var recall = await s.InsertAsync(WorkOrderStatus.AwaitingApproval, w => (w.JobType, w.WarrantyClaimNumber) = (JobType.Recall, "CLM-10"));
        var (zebraCustomer, zebraCar) = await s.NewCustomerAsync("Zed Zebra", "KA 05 ZZ 9999");
        var zebra = await s.InsertAsync(WorkOrderStatus.WaitingForParts, customerId: zebraCustomer, vehicleId: zebraCar,
            change: w => (w.WorkOrderNumber, w.TotalAmount) = ($"WO-{s.Shop.DealerCode}-{Random.Shared.Next(100_000, 199_999)}", 10m));
        return new Shop(s, overdue, warranty, completed, cancelled, claimFiled, recall, zebra, zebraCustomer);
    }

    [DatabaseFact]
    public async Task The_list_shows_open_work_orders_unless_asked_for_all_statuses_and_never_another_dealers()
    {
        var shop = await SeedAsync();

        var open = await NumbersAsync(shop, "");
        var all = await NumbersAsync(shop, "?status=all");
        var pending = await NumbersAsync(shop, "?status=pending");
        var completed = await NumbersAsync(shop, "?status=Completed");

        Assert.Equal(Sorted(shop.Overdue, shop.Warranty, shop.ClaimFiled, shop.RecallWithoutCode, shop.Zebra), Sorted(open));
        Assert.Equal(7, all.Count);
        Assert.Equal([shop.Overdue.WorkOrderNumber], pending);
        Assert.Equal([shop.Completed.WorkOrderNumber], completed);
        var demoAdvisorSees = await app.AsUserAsync<WorkOrderListService, GridResult<WorkOrderRow>>("advisor@d1.motortrace.test",
            s => s.ListAsync(GridQuery.FromUri("/workorders?status=all&size=100", WorkOrderListService.FilterNames)));
        Assert.DoesNotContain(demoAdvisorSees.Items, r => r.DealerId == shop.Scenario.DealerId);
        Assert.NotEmpty(demoAdvisorSees.Items);
    }

    [DatabaseFact]
    public async Task Each_filter_selects_its_work_orders()
    {
        var shop = await SeedAsync();
        var s = shop.Scenario;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, AppointmentScenario.Zone));

        Assert.Equal([shop.Overdue.WorkOrderNumber], await NumbersAsync(shop, $"?advisor={s.Advisor.UserId}"));
        Assert.Equal([shop.Overdue.WorkOrderNumber], await NumbersAsync(shop, $"?technician={s.Technician.UserId}"));
        Assert.Equal([shop.Overdue.WorkOrderNumber], await NumbersAsync(shop, "?priority=urgent"));
        Assert.Equal([shop.Warranty.WorkOrderNumber], await NumbersAsync(shop, "?jobtype=Warranty"));
        Assert.Equal(Sorted(shop.Warranty, shop.Cancelled), Sorted(await NumbersAsync(shop, "?jobtype=Warranty&status=all")));
        Assert.Equal([shop.Overdue.WorkOrderNumber], await NumbersAsync(shop, "?promised=overdue&status=all"));
        Assert.Equal([shop.Warranty.WorkOrderNumber], await NumbersAsync(shop, "?promised=today"));
        Assert.Equal([shop.Warranty.WorkOrderNumber], await NumbersAsync(shop, $"?promised={today:yyyy-MM-dd}"));
        // Unknown values are ignored rather than failing.
        Assert.Equal(5, (await NumbersAsync(shop, "?priority=sometimes&jobtype=77&advisor=nobody")).Count);

        var rows = await ListAsync(shop, "?status=all&size=100");
        Assert.True(rows.Single(r => r.Id == shop.Overdue.Id).IsOverdue);
        Assert.False(rows.Single(r => r.Id == shop.Completed.Id).IsOverdue); // promised in the past, but done
        Assert.Equal(["Test Technician"], rows.Single(r => r.Id == shop.Overdue.Id).Technicians);
        Assert.Equal(("Test Advisor", 1180.30m, "INR"), (rows.Single(r => r.Id == shop.Overdue.Id).Advisor, rows.Single(r => r.Id == shop.Overdue.Id).Total,
            rows.Single(r => r.Id == shop.Overdue.Id).Currency));
    }

    [DatabaseFact]
    public async Task Search_finds_a_work_order_by_part_of_its_number_its_plate_or_its_customers_name()
    {
        var shop = await SeedAsync();

        Assert.Equal([shop.Zebra.WorkOrderNumber], await NumbersAsync(shop, $"?q={shop.Zebra.WorkOrderNumber[^6..].ToLowerInvariant()}"));
        Assert.Equal([shop.Zebra.WorkOrderNumber], await NumbersAsync(shop, $"?q={Uri.EscapeDataString(shop.Zebra.WorkOrderNumber.ToLowerInvariant())}"));
        Assert.Equal([shop.Zebra.WorkOrderNumber], await NumbersAsync(shop, "?q=ka05zz"));
        Assert.Equal([shop.Zebra.WorkOrderNumber], await NumbersAsync(shop, "?q=ZZ%209999"));
        Assert.Equal([shop.Zebra.WorkOrderNumber], await NumbersAsync(shop, "?q=zebra"));
        Assert.Empty(await NumbersAsync(shop, "?q=nobody-like-this"));
    }

    [DatabaseFact]
    public async Task The_warranty_queue_holds_warranty_and_recall_work_missing_a_claim_number_or_approval_code()
    {
        var shop = await SeedAsync();

        var queue = await NumbersAsync(shop, "?queue=warranty");

        // The completed job is no warranty work; the cancelled one is out; the filed claim has both references.
        Assert.Equal(Sorted(shop.Warranty, shop.RecallWithoutCode), Sorted(queue));
    }

    [DatabaseFact]
    public async Task The_board_has_a_column_per_open_status_with_its_count_and_cards_the_overdue_first()
    {
        var shop = await SeedAsync();
        var s = shop.Scenario;
        var late = await s.InsertAsync(WorkOrderStatus.Open, w => w.PromisedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-5));

        var board = await s.AsAsync<WorkOrderListService, IReadOnlyList<BoardColumn>>(s.Advisor,
            l => l.BoardAsync(GridQuery.FromUri("/workorders?view=board", WorkOrderListService.FilterNames)));

        Assert.Equal(["Pending", "Estimate sent", "Approved", "In progress", "Waiting for parts", "Quality check"], board.Select(c => c.Title));
        var pending = board[0];
        Assert.Equal(2, pending.Total); // the overdue one and the late one
        Assert.Equal([late.Id, shop.Overdue.Id], pending.Cards.Select(c => c.Id));
        Assert.All(pending.Cards, c => Assert.True(c.IsOverdue));
        Assert.Equal([shop.Zebra.Id], board.Single(c => c.Title == "Waiting for parts").Cards.Select(c => c.Id));
        Assert.Equal(0, board.Single(c => c.Title == "Quality check").Total);

        var mine = await s.AsAsync<WorkOrderListService, IReadOnlyList<BoardColumn>>(s.Advisor,
            l => l.BoardAsync(GridQuery.FromUri($"/workorders?view=board&technician={s.Technician.UserId}", WorkOrderListService.FilterNames)));
        Assert.Equal([shop.Overdue.Id], mine.SelectMany(c => c.Cards).Select(c => c.Id));
    }

    [DatabaseFact]
    public async Task The_excel_export_holds_exactly_the_rows_of_the_lists_filters_typed_with_a_total()
    {
        var shop = await SeedAsync();
        var s = shop.Scenario;
        const string filters = "?status=all&sort=number&dir=asc&size=10&page=2";

        var response = await s.Advisor.Client.GetAsync($"/workorders/export.xlsx{filters}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GridExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var rows = await s.AsAsync<WorkOrderListService, List<WorkOrderRow>>(s.Advisor,
            l => l.AllRowsAsync(GridQuery.FromUri($"/workorders{filters}", WorkOrderListService.FilterNames)).ToListAsync().AsTask());
        Assert.Equal(7, rows.Count); // every page, not page 2 of 10

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        var header = sheet.Row(GridExport.HeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(["Number", "Customer", "Vehicle", "Plate", "Status", "Workflow step", "Advisor", "Technicians", "Priority", "Job type", "Opened",
            "Promised", "Overdue", "Total"], header);
        int Column(string name) => header.IndexOf(name) + 1;
        var firstRow = GridExport.HeaderRow + 1;
        var read = Enumerable.Range(firstRow, rows.Count).Select(r => (
            Number: sheet.Cell(r, Column("Number")).GetString(),
            Customer: sheet.Cell(r, Column("Customer")).GetString(),
            Status: sheet.Cell(r, Column("Status")).GetString(),
            Total: sheet.Cell(r, Column("Total")).GetValue<decimal>())).ToList();
        Assert.Equal(rows.Select(r => (r.Number, r.CustomerName, WorkOrderFlow.Label(r.Status), r.Total)), read);
        Assert.Equal(XLDataType.Number, sheet.Cell(firstRow, Column("Total")).DataType);
        Assert.Equal(GridExport.MoneyFormat, sheet.Cell(firstRow, Column("Total")).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(firstRow, Column("Opened")).DataType);

        var totals = sheet.Row(firstRow + rows.Count);
        Assert.Equal("Total", totals.Cell(1).GetString());
        var totalCell = totals.Cell(Column("Total"));
        Assert.Equal($"SUM(N{firstRow}:N{firstRow + rows.Count - 1})", totalCell.FormulaA1);
        Assert.Equal(rows.Sum(r => r.Total), totalCell.GetValue<decimal>());
        Assert.Equal(GridExport.HeaderRow, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Contains("Status: All", sheet.Cell(3, 1).GetString());
        Assert.True(sheet.Column(Column("Customer")).Width >= "Customer".Length);
        Assert.Equal(rows.Count + 1, sheet.RowsUsed().Count(r => r.RowNumber() > GridExport.HeaderRow));
    }

    [DatabaseFact]
    public async Task The_export_of_a_filtered_list_holds_only_the_filtered_rows_and_refuses_readers_without_the_policy()
    {
        var shop = await SeedAsync();
        var s = shop.Scenario;

        var response = await s.Advisor.Client.GetAsync("/workorders/export.xlsx?queue=warranty");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var numbers = workbook.Worksheet(1).Column(1).CellsUsed().Select(c => c.GetString()).Where(n => n.StartsWith("WO-")).ToList();

        Assert.Equal(Sorted(shop.Warranty, shop.RecallWithoutCode), Sorted(numbers));
        var customer = await app.SignInAsync("customer@d1.motortrace.test");
        var refused = await customer.Client.GetAsync("/workorders/export.xlsx");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    private static Task<IReadOnlyList<WorkOrderRow>> ListAsync(Shop shop, string queryString) =>
        shop.Scenario.AsAsync<WorkOrderListService, IReadOnlyList<WorkOrderRow>>(shop.Scenario.Advisor,
            async l => (await l.ListAsync(GridQuery.FromUri($"/workorders{queryString}", WorkOrderListService.FilterNames))).Items);

    private static async Task<List<string>> NumbersAsync(Shop shop, string queryString) =>
        [.. (await ListAsync(shop, queryString)).Select(r => r.Number)];

    private static List<string> Sorted(params WorkOrder[] orders) => Sorted(orders.Select(o => o.WorkOrderNumber));

    private static List<string> Sorted(IEnumerable<string> numbers) => [.. numbers.Order(StringComparer.Ordinal)];
}
