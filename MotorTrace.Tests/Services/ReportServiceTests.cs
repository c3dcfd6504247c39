using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Seeding;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Tests.Unit;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Finance;
using MotorTrace.Web.Services.Reports;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteReportServiceTests(SqliteFactory app) : ReportServiceTests(app), IClassFixture<SqliteFactory>
{
    // Once, on SQLite: the workbook does not depend on the database.
    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_report_workbook_and_shows_the_figures()
    {
        var (shop, counted, _) = await InvoicedShopAsync();
        var report = (await SalesAsync(shop.Shop.Manager, counted.IssueDate))!;
        var folder = Directory.CreateTempSubdirectory("mt-report-");
        try
        {
            var file = Path.Combine(folder.FullName, "sales.xlsx");
            await using (var output = File.Create(file)) ReportWorkbook.Write(report, DateTime.Now, output);

            var rows = await LibreOffice.ToCsvAsync(file);

            foreach (var figure in report.Figures.Where(f => f.Value is not null))
                Assert.Contains(rows, row => row.Length > 1 && row[0] == figure.Label && row[1] == ReportText.Of(figure.Value, figure.Format));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

[Trait("Category", "Services")]
public sealed class PostgresReportServiceTests(PostgresFactory app) : ReportServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The reports over a real database: which invoices count (finalised, not voided, never a draft), the dealer a user may
/// see, who may open which report, and the workbook read back equal to the screen, cell by cell, totals included.
/// </summary>
public abstract class ReportServiceTests(MotorTraceFactory app)
{
    private static readonly JobLine[] Service = [new("Oil change", 1, 1500m), new("Drain and refill oil", 1, 600m, LineItemType.Labor), new("Oil filter", 2, 450m, LineItemType.Part)];

    /// <summary>Three invoices issued today (one voided), one draft; what counts: 3,000 and 800 net of tax, two cars.</summary>
    protected async Task<(InvoiceScenario Shop, InvoiceView Counted, InvoiceView Voided)> InvoicedShopAsync()
    {
        var shop = await InvoiceScenario.ForAsync(app);
        var counted = await shop.IssuedAsync(Service);
        await shop.IssuedAsync(new JobLine("Coolant flush", 1, 800m));
        var voided = await shop.IssuedAsync(new JobLine("Brake service", 1, 1000m));
        var result = await shop.AsAsync<InvoiceService, ServiceResult>(shop.Shop.Manager, s => s.VoidAsync(voided.Id, voided.Version, new VoidForm { Reason = "Wrong car" }));
        Assert.True(result.Succeeded, InvoiceScenario.Errors(result));
        var (draft, version) = await shop.CompletedAsync([new JobLine("Wheel alignment", 1, 2500m)]);
        await shop.InvoiceAsync(draft, version);
        return (shop, counted, voided);
    }

    protected Task<Report?> SalesAsync(string email, DateOnly day) =>
        app.AsUserAsync<ReportService, Report?>(email, s => s.BuildAsync("sales", new ReportFilter(day, day, Grouping.Day)));

    private static decimal? Figure(Report report, string key) => report.Figures.Single(f => f.Key == key).Value;

    [DatabaseFact]
    public async Task Sales_count_finalised_invoices_only_net_of_tax()
    {
        // The scenario's dealer is shared by the tests of this class: measure what these invoices add.
        var shop0 = await InvoiceScenario.ForAsync(app);
        var today = await app.AsUserAsync<DealerContext, DateOnly>(shop0.Shop.Manager, async d => { await d.LoadAsync(); return d.Today; });
        var before = (await SalesAsync(shop0.Shop.Manager, today))!;
        var (shop, counted, voided) = await InvoicedShopAsync();

        var report = (await SalesAsync(shop.Shop.Manager, counted.IssueDate))!;

        Assert.Equal(today, counted.IssueDate);
        Assert.Equal(2m, Figure(report, "car-count") - Figure(before, "car-count")); // the voided invoice and the draft do not count
        Assert.Equal(3800m, Figure(report, "sales") - Figure(before, "sales")); // 1,500 + 600 + 900 and 800, tax left out
        Assert.Equal(2900m, Figure(report, "labor-sales") - Figure(before, "labor-sales")); // services and labour lines: 1,500 + 600 + 800
        Assert.Equal(Figure(report, "sales") / Figure(report, "car-count"), Figure(report, "aro"));
        var numbers = report.Tables.Single(t => t.Key == "invoices").Rows.Select(r => (string)r.Cells[0]!).ToList();
        Assert.Contains(counted.Number!, numbers);
        Assert.DoesNotContain(voided.Number!, numbers);
        Assert.Null(Figure(report, "labor-gp")); // no cost of a technician hour in this dealer's settings yet
    }

    [DatabaseFact]
    public async Task A_dealer_user_sees_only_their_dealer_and_only_the_reports_of_their_role()
    {
        var (shop, counted, _) = await InvoicedShopAsync();
        var otherManager = DemoSeeder.SignIns.First(s => s.Role == Roles.Manager && s.Dealer == 1).Email;

        var other = (await SalesAsync(otherManager, counted.IssueDate))!;
        var technician = await SalesAsync(shop.Shop.Technician, counted.IssueDate);
        var unknown = await app.AsUserAsync<ReportService, Report?>(shop.Shop.Manager, s => s.BuildAsync("payroll", ReportFilter.MonthToDate(counted.IssueDate)));
        var dealers = await app.AsUserAsync<ReportService, IReadOnlyList<ReportService.DealerInfo>>(shop.Shop.Manager, s => s.DealersAsync());

        Assert.DoesNotContain(counted.Number!, other.Tables.Single(t => t.Key == "invoices").Rows.Select(r => (string)r.Cells[0]!));
        Assert.Null(technician); // the page answers 404
        Assert.Null(unknown);
        Assert.Equal([shop.Shop.DealerId], dealers.Select(d => d.Id)); // no dealer picker, no comparison for a dealer's manager
        Assert.DoesNotContain(other.Tables, t => t.Key == "dealers");
    }

    [DatabaseFact]
    public async Task The_workbook_holds_what_the_screen_shows_with_totals_as_formulas()
    {
        var (shop, counted, _) = await InvoicedShopAsync();
        var report = (await SalesAsync(shop.Shop.Manager, counted.IssueDate))!;

        using var stream = new MemoryStream();
        ReportWorkbook.Write(report, new DateTime(2026, 12, 6, 9, 30, 0), stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);

        var summary = workbook.Worksheet("Summary");
        Assert.Equal(report.FilterText, summary.Cell(2, 1).GetString());
        for (var i = 0; i < report.Figures.Count; i++)
        {
            var figure = report.Figures[i];
            var cell = summary.Cell(ReportWorkbook.HeaderRow + 1 + i, 2);
            Assert.Equal(figure.Label, summary.Cell(ReportWorkbook.HeaderRow + 1 + i, 1).GetString());
            // The value itself (the LibreOffice test checks how it is displayed).
            if (figure.Value is { } value) Assert.Equal((double)value, cell.GetDouble(), 9);
            else Assert.Equal(figure.Missing, cell.GetString());
        }
        foreach (var table in report.Tables)
        {
            var sheet = workbook.Worksheets.Single(s => s.Cell(1, 1).GetString().EndsWith(": " + table.Title, StringComparison.Ordinal));
            Assert.Equal(table.Columns.Select(c => c.Title), table.Columns.Select((_, c) => sheet.Cell(ReportWorkbook.HeaderRow, c + 1).GetString()));
            for (var r = 0; r < table.Rows.Count; r++)
                for (var c = 0; c < table.Columns.Count; c++)
                    Assert.Equal(ReportText.Of(table.Rows[r].Cells[c], table.Columns[c].Format), Shown(sheet.Cell(ReportWorkbook.HeaderRow + 1 + r, c + 1), table.Columns[c].Format));
            if (!table.Totals) continue;
            var totals = table.TotalCells();
            var totalRow = ReportWorkbook.HeaderRow + 1 + table.Rows.Count;
            for (var c = 1; c < table.Columns.Count; c++)
            {
                var cell = sheet.Cell(totalRow, c + 1);
                if (table.Columns[c].Total == TotalKind.None) continue;
                Assert.True(cell.HasFormula, $"{table.Title}, {table.Columns[c].Title}: the total is a formula");
                Assert.Equal(ReportText.Of(totals[c], table.Columns[c].Format), Shown(cell, table.Columns[c].Format));
            }
        }
    }

    /// <summary>
    /// A cell's value (a formula's result) printed the screen's way, after checking the cell carries the column's number
    /// format (ClosedXML 0.95 does not apply number formats when reading; the LibreOffice test sees the display).
    /// </summary>
    private static string Shown(IXLCell cell, ValueFormat format)
    {
        var expected = format switch
        {
            ValueFormat.Money or ValueFormat.Hours or ValueFormat.Number => "#,##0.00",
            ValueFormat.Percent => "0.0%",
            ValueFormat.Count or ValueFormat.Days => "#,##0",
            ValueFormat.Date => "yyyy-mm-dd",
            _ => "@",
        };
        Assert.Equal(expected, cell.Style.NumberFormat.Format);
        return cell.Value switch
        {
            double number => ReportText.Of((decimal)number, format),
            DateTime date => ReportText.Of(DateOnly.FromDateTime(date), format),
            var other => other?.ToString() ?? "",
        };
    }
}
