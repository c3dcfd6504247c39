using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Finance;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Settings;
using MotorTrace.Web.Components.Shared;

namespace MotorTrace.Web.Services.Reports;

/// <summary>
/// Reads the facts a report needs for the dealers and period of a <see cref="ReportFilter"/> and lays them out as a
/// <see cref="Report"/>: headline figures from <see cref="Kpi"/>, tables by period and by dealer, and the records behind them.
/// Money is summed here after projecting (SQLite cannot sum decimals). A dealer user always gets their own dealer; the
/// manufacturer's team gets the dealer chosen in the header, or the dealers named in the filter, or every dealer.
/// Dates are the dealer's calendar days (UTC days when several dealers are compared).
/// </summary>
public sealed class ReportService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext zone)
{
    /// <summary>How many rows of a record table the page draws; the workbook holds all of them.</summary>
    public const int RecordsShown = 200;

    public sealed record DealerInfo(Guid Id, string Code, string Name, string Currency, decimal LaborCostPerHour);

    private sealed record Scope(ReportFilter Filter, IReadOnlyList<DealerInfo> Dealers, DateTime StartUtc, DateTime EndUtc, DateOnly Today)
    {
        public IReadOnlyList<Guid> Ids { get; } = [.. Dealers.Select(d => d.Id)];
        public bool Compare => Dealers.Count > 1;
        public string Code(Guid id) => Dealers.First(d => d.Id == id).Code;
    }

    public bool MayOpen(ReportDefinition report) => report.Roles.Any(user.IsInRole);

    /// <summary>The reports this user may open, for the index page and the dashboards' links.</summary>
    public IReadOnlyList<ReportDefinition> Available => [.. ReportCatalog.All.Where(MayOpen)];

    /// <summary>The dealers this user may pick in the filter: their own, or for the manufacturer's team every dealer.</summary>
    public async Task<IReadOnlyList<DealerInfo>> DealersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.DealerScope;
        return await db.Dealers.AsNoTracking()
            .Where(d => scope == null || d.Id == scope)
            .OrderBy(d => d.DealerCode)
            .Select(d => new DealerInfo(d.Id, d.DealerCode, d.Name,
                db.DealerSettings.Where(s => s.DealerId == d.Id).Select(s => s.CurrencyCode).FirstOrDefault() ?? DealerContext.DefaultCurrency,
                db.DealerSettings.Where(s => s.DealerId == d.Id).Select(s => s.LaborCostPerHour).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>The report, or null when there is no such report or this user may not open it (the page answers 404).</summary>
    public async Task<Report?> BuildAsync(string name, ReportFilter filter, string? drill = null, CancellationToken ct = default)
    {
        if (ReportCatalog.Find(name) is not { } definition || !MayOpen(definition)) return null;
        await zone.LoadAsync(ct);
        var all = await DealersAsync(ct);
        var dealers = filter.Dealers.Count == 0 ? all : [.. all.Where(d => filter.Dealers.Contains(d.Id))];
        if (dealers.Count == 0) dealers = all;
        var scope = new Scope(filter with { Dealers = dealers.Count == all.Count ? [] : [.. dealers.Select(d => d.Id)] }, dealers,
            zone.DayInUtc(filter.From).Start, zone.DayInUtc(filter.To).End, zone.Today);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));
        var report = definition.Name switch
        {
            "sales" => await SalesAsync(db, scope, ct),
            "technicians" => await TechniciansAsync(db, scope, drill, ct),
            "estimates" => await EstimatesAsync(db, scope, ct),
            "comebacks" => await ComebacksAsync(db, scope, ct),
            "appointments" => await AppointmentsAsync(db, scope, ct),
            "open-work" => await OpenWorkAsync(db, scope, warrantyOnly: false, ct),
            "warranty" => await OpenWorkAsync(db, scope, warrantyOnly: true, ct),
            "inventory" => await InventoryAsync(db, scope, ct),
            "receivables" => await ReceivablesAsync(db, scope, ct),
            _ => throw new InvalidOperationException($"No builder for report {definition.Name}."),
        };
        var currencies = dealers.Select(d => d.Currency).Distinct().ToList();
        return report with
        {
            Name = definition.Name,
            Title = definition.Title,
            Filter = scope.Filter,
            FilterText = Describe(definition, scope, drill),
            Currency = currencies.Count == 1 ? currencies[0] : "",
            Notice = currencies.Count > 1
                ? $"These dealers keep their books in different currencies ({string.Join(", ", currencies)}): money added across them is not meaningful; compare dealers in the table by dealer."
                : report.Notice,
        };
    }

    private static string Describe(ReportDefinition definition, Scope scope, string? drill)
    {
        var dealers = scope.Dealers.Count == 1 ? $"{scope.Dealers[0].Code} {scope.Dealers[0].Name}" : $"{scope.Dealers.Count} dealers";
        var period = definition.UsesPeriod ? scope.Filter.Describe() : $"as of {scope.Today.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        var window = definition.Name == "comebacks" ? $", comeback window {scope.Filter.ComebackDays} days" : "";
        return $"{dealers}; {period}{window}{(drill is null ? "" : "; one technician")}";
    }

    private static string Link(string path, Scope scope, string? extra = null) =>
        $"{path}?{scope.Filter.ToQuery()}{(extra is null ? "" : "&" + extra)}";

    private static string DateText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A table with one row per dealer of each figure, and the network's average (each dealer counts once).</summary>
    private static ReportTable? ByDealer(Scope scope, Func<Guid, IReadOnlyList<Figure>> figures, string reportName)
    {
        if (!scope.Compare) return null;
        var perDealer = scope.Dealers.Select(d => (Dealer: d, Figures: figures(d.Id))).ToList();
        var shape = perDealer[0].Figures;
        IReadOnlyList<ReportColumn> columns = [ReportColumn.Text("Dealer"), .. shape.Select(f => new ReportColumn(f.Label, f.Format, TotalKind.Sum))];
        var rows = perDealer.Select(p => new ReportRow(
            [$"{p.Dealer.Code} {p.Dealer.Name}", .. p.Figures.Select(f => (object?)f.Value)],
            $"/reports/{reportName}?{(scope.Filter with { Dealers = [p.Dealer.Id] }).ToQuery()}")).ToList();
        return new ReportTable("dealers", "By dealer", columns, rows, Totals: true, AverageRow: true,
            Note: "The last row is the network average: the mean of the dealers' figures, each dealer counted once.");
    }

    // ---------------------------------------------------------------- sales

    /// <summary>Sales and car count per dealer for a period: the dashboards' revenue figures, by the same formulas as the report.</summary>
    public async Task<IReadOnlyDictionary<Guid, (decimal Sales, int CarCount)>> SalesByDealerAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await zone.LoadAsync(ct);
        var dealers = await DealersAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = new Scope(new ReportFilter(from, to), dealers, zone.DayInUtc(from).Start, zone.DayInUtc(to).End, zone.Today);
        var invoices = await InvoicesAsync(db, scope, ct);
        return dealers.ToDictionary(d => d.Id, d =>
        {
            var mine = invoices.Where(i => i.DealerId == d.Id).ToList();
            return (Kpi.Sales(mine), Kpi.CarCount(mine));
        });
    }

    private async Task<Report> SalesAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct)
    {
        var invoices = await InvoicesAsync(db, scope, ct);
        var workOrders = await WorkOrderFactsAsync(db, invoices, ct);
        var costs = scope.Dealers.ToDictionary(d => d.Id, d => d.LaborCostPerHour);

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? invoices.Where(i => i.DealerId == id).ToList() : invoices;
            var orders = dealer is { } d2 ? workOrders.Where(w => w.DealerId == d2).ToList() : workOrders;
            var laborSales = Kpi.LaborSales(mine);
            // Labour cost per dealer: each dealer's own cost of an hour.
            decimal? laborProfit = null;
            var dealersHere = dealer is { } one ? [one] : scope.Ids;
            if (dealersHere.All(x => costs[x] > 0))
                laborProfit = dealersHere.Sum(x => Kpi.LaborGrossProfit([.. mine.Where(i => i.DealerId == x)], orders.Where(w => w.DealerId == x), costs[x]) ?? 0m);
            var records = Link("/reports/sales", scope) + "#invoices";
            return
            [
                new("car-count", "Car count", Kpi.CarCount(mine), ValueFormat.Count, "Work orders with a finalised invoice issued in the period", records),
                new("sales", "Sales (net of tax)", Kpi.Sales(mine), ValueFormat.Money, "Invoices less credit notes, total − tax", records),
                new("aro", "Average repair order", Kpi.AverageRepairOrder(mine), ValueFormat.Money, "Sales ÷ car count", records, "No car was invoiced."),
                new("labor-sales", "Labour sales", laborSales, ValueFormat.Money, "Service and labour lines as invoiced", records),
                new("elr", "Effective labour rate", Kpi.EffectiveLaborRate(mine, orders), ValueFormat.Money, "Labour sales ÷ hours sold",
                    Link("/reports/technicians", scope), "No labour hours were sold."),
                new("parts-gp", "Parts gross profit", Kpi.PartsGrossProfit(orders), ValueFormat.Money, "Stock parts sold − their cost in the stock ledger", records),
                new("parts-margin", "Parts margin", Kpi.PartsMargin(orders), ValueFormat.Percent, "Parts gross profit ÷ stock parts sold", records, "No stock part was sold."),
                new("labor-gp", "Labour gross profit", laborProfit, ValueFormat.Money, "Labour sales − hours clocked × cost of a technician hour",
                    "/settings", "Enter the cost of a technician hour in Settings."),
                new("labor-margin", "Labour margin", laborProfit is { } p ? Kpi.Ratio(p, laborSales) : null, ValueFormat.Percent, "Labour gross profit ÷ labour sales",
                    "/settings", laborProfit is null ? "Enter the cost of a technician hour in Settings." : "No labour was sold."),
            ];
        }

        var byPeriod = scope.Filter.Periods().Select(period =>
        {
            var mine = invoices.Where(i => scope.Filter.PeriodOf(i.IssueDate) == period).ToList();
            return new ReportRow([scope.Filter.PeriodLabel(period), Kpi.CarCount(mine), mine.Sum(i => i.Services), mine.Sum(i => i.Labor), mine.Sum(i => i.Parts),
                mine.Sum(i => i.Discount), mine.Sum(i => i.IncludedTax), Kpi.Sales(mine), Kpi.AverageRepairOrder(mine)]);
        }).ToList();
        var periodTable = new ReportTable("periods", "By period",
        [
            new("Period", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Car count", ValueFormat.Count), ReportColumn.Sum("Services", ValueFormat.Money),
            ReportColumn.Sum("Labour", ValueFormat.Money), ReportColumn.Sum("Parts", ValueFormat.Money), ReportColumn.Sum("Discount", ValueFormat.Money),
            ReportColumn.Sum("Tax in prices", ValueFormat.Money), ReportColumn.Sum("Sales", ValueFormat.Money), ReportColumn.Ratio("Average repair order", ValueFormat.Money, 7, 1),
        ], byPeriod, Totals: true, Note: "Sales = services + labour + parts − discount − tax included in prices.");

        var byJobType = invoices.GroupBy(i => i.JobType).OrderBy(g => g.Key)
            .Select(g => new ReportRow([StatusStyles.Label(g.Key), Kpi.CarCount([.. g]), Kpi.Sales(g), Kpi.AverageRepairOrder([.. g])])).ToList();
        var byPayer = invoices.GroupBy(i => i.Payer).OrderBy(g => g.Key)
            .Select(g => new ReportRow([g.Key.ToString(), g.Count(), Kpi.Sales(g)])).ToList();
        var records = invoices.OrderBy(i => i.IssueDate).ThenBy(i => i.Number)
            .Select(i => new ReportRow([i.Number, scope.Code(i.DealerId), i.IssueDate, i.Kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice", i.Payer.ToString(),
                StatusStyles.Label(i.JobType), i.Services, i.Labor, i.Parts, i.Discount, i.IncludedTax, i.Sales], $"/invoices/{i.Id}")).ToList();
        List<ReportTable> tables =
        [
            periodTable,
            new("job-types", "By job type", [new("Job type", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Car count", ValueFormat.Count),
                ReportColumn.Sum("Sales", ValueFormat.Money), ReportColumn.Ratio("Average repair order", ValueFormat.Money, 2, 1)], byJobType, Totals: true),
            new("payers", "By payer", [new("Payer", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Invoices and credit notes", ValueFormat.Count),
                ReportColumn.Sum("Sales", ValueFormat.Money)], byPayer, Totals: true),
        ];
        if (ByDealer(scope, id => Figures(id), "sales") is { } dealers) tables.Add(dealers);
        tables.Add(new ReportTable("invoices", "Invoices and credit notes",
        [
            ReportColumn.Text("Number"), ReportColumn.Text("Dealer"), new("Issued", ValueFormat.Date), ReportColumn.Text("Kind"), ReportColumn.Text("Payer"),
            ReportColumn.Text("Job type"), ReportColumn.Sum("Services", ValueFormat.Money), ReportColumn.Sum("Labour", ValueFormat.Money),
            ReportColumn.Sum("Parts", ValueFormat.Money), ReportColumn.Sum("Discount", ValueFormat.Money), ReportColumn.Sum("Tax in prices", ValueFormat.Money),
            ReportColumn.Sum("Sales", ValueFormat.Money),
        ], records, Totals: true, Shown: RecordsShown));
        return new Report("sales", "", scope.Filter, "", Figures(null), tables, new ReportChart("periods", 0, [7]));
    }

    /// <summary>Finalised invoices and credit notes issued in the period (drafts and voided ones never count).</summary>
    private static IQueryable<Invoice> InvoicesIn(MotorTraceDbContext db, Scope scope) =>
        db.Invoices.AsNoTracking().Where(i => scope.Ids.Contains(i.DealerId) && i.InvoiceNumber != null
            && i.Status != InvoiceStatus.Draft && i.Status != InvoiceStatus.Void
            && i.IssueDate >= scope.Filter.From && i.IssueDate <= scope.Filter.To);

    private static async Task<List<InvoiceFact>> InvoicesAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct) =>
        await InvoicesIn(db, scope)
            .Select(i => new InvoiceFact(i.Id, i.DealerId, i.InvoiceNumber!, i.Kind, i.Payer, i.WorkOrder.JobType, i.IssueDate, i.WorkOrderId,
                i.SubtotalServices, i.SubtotalLabor, i.SubtotalParts, i.DiscountAmount, i.TaxAmount, i.TaxInclusive, i.TotalAmount))
            .ToListAsync(ct);

    /// <summary>Sold and clocked labour, and stock parts with their ledger cost, of the work orders invoiced in the period.</summary>
    private static async Task<List<WorkOrderFact>> WorkOrderFactsAsync(MotorTraceDbContext db, List<InvoiceFact> invoices, CancellationToken ct)
    {
        var ids = invoices.Where(i => i.Kind == InvoiceKind.Invoice).Select(i => i.WorkOrderId).Distinct().ToList();
        var dealerOf = invoices.GroupBy(i => i.WorkOrderId).ToDictionary(g => g.Key, g => g.First().DealerId);
        var labor = new Dictionary<Guid, (int Sold, int Clocked)>();
        var sales = new Dictionary<Guid, decimal>();
        var cost = new Dictionary<Guid, decimal>();
        foreach (var chunk in ids.Chunk(2000))
        {
            foreach (var l in await db.WorkOrderLabor.AsNoTracking()
                         .Where(l => chunk.Contains(l.WorkOrderId) && l.Status != ServiceStatus.Cancelled && (l.ServiceId == null || l.Service!.CustomerApproved))
                         .GroupBy(l => l.WorkOrderId)
                         .Select(g => new { g.Key, Sold = g.Sum(l => l.EstimatedMinutes ?? 0), Clocked = g.Sum(l => l.ActualMinutes ?? 0) })
                         .ToListAsync(ct))
                labor[l.Key] = (l.Sold, l.Clocked);
            var parts = await db.InvoiceLineItems.AsNoTracking()
                .Where(l => l.Type == LineItemType.Part && l.WorkOrderPartId != null && chunk.Contains(l.Invoice.WorkOrderId)
                    && l.Invoice.Kind == InvoiceKind.Invoice && l.Invoice.InvoiceNumber != null && l.Invoice.Status != InvoiceStatus.Void
                    && db.WorkOrderParts.Any(p => p.Id == l.WorkOrderPartId && p.Source == PartSource.Inventory))
                .Select(l => new { l.Invoice.WorkOrderId, l.Subtotal })
                .ToListAsync(ct);
            foreach (var p in parts) sales[p.WorkOrderId] = sales.GetValueOrDefault(p.WorkOrderId) + p.Subtotal;
            var movements = await db.StockMovements.AsNoTracking()
                .Where(m => m.WorkOrderId != null && chunk.Contains(m.WorkOrderId.Value) && (m.Type == StockMovementType.Issue || m.Type == StockMovementType.Return))
                .Select(m => new { WorkOrderId = m.WorkOrderId!.Value, m.Quantity, m.UnitCost })
                .ToListAsync(ct);
            foreach (var m in movements) cost[m.WorkOrderId] = cost.GetValueOrDefault(m.WorkOrderId) - m.Quantity * (m.UnitCost ?? 0m);
        }
        return [.. ids.Select(id => new WorkOrderFact(id, dealerOf[id], labor.GetValueOrDefault(id).Sold, labor.GetValueOrDefault(id).Clocked,
            sales.GetValueOrDefault(id), Math.Round(cost.GetValueOrDefault(id), 2, MidpointRounding.AwayFromZero)))];
    }

    // ---------------------------------------------------------------- technicians

    private async Task<Report> TechniciansAsync(MotorTraceDbContext db, Scope scope, string? drill, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Technician).Select(r => r.Id).FirstAsync(ct);
        var technicians = await db.Users.AsNoTracking()
            .Where(u => u.DealerId != null && scope.Ids.Contains(u.DealerId.Value) && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId))
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, DealerId = u.DealerId!.Value, u.IsActive })
            .ToListAsync(ct);
        var lines = await db.WorkOrderLabor.AsNoTracking()
            .Where(l => scope.Ids.Contains(l.DealerId) && l.TechnicianId != null && l.Status == ServiceStatus.Completed
                && l.CompletedAt >= scope.StartUtc && l.CompletedAt < scope.EndUtc)
            .Select(l => new { l.Id, l.DealerId, TechnicianId = l.TechnicianId!.Value, l.WorkOrderId, l.WorkOrder.WorkOrderNumber, l.Description,
                CompletedAt = l.CompletedAt!.Value, Sold = l.EstimatedMinutes ?? 0, Clocked = l.ActualMinutes ?? 0 })
            .ToListAsync(ct);
        var names = technicians.ToDictionary(t => t.Id, t => t.FullName);
        var facts = lines.Select(l => new LaborFact(l.Id, l.DealerId, l.TechnicianId, names.GetValueOrDefault(l.TechnicianId) ?? "Former technician",
            l.WorkOrderId, l.WorkOrderNumber, l.Description, DateOnly.FromDateTime(zone.ToLocal(l.CompletedAt)), l.Sold, l.Clocked)).ToList();
        var available = await AvailableHoursAsync(db, scope, ct);

        Guid? only = Guid.TryParse(drill, out var picked) && (names.ContainsKey(picked) || facts.Any(f => f.TechnicianId == picked)) ? picked : null;
        // Everyone who clocked work in the period, and the active technicians who did not (their productivity is zero).
        var people = technicians.Where(t => t.IsActive || facts.Any(f => f.TechnicianId == t.Id)).Select(t => (t.Id, t.FullName, t.DealerId))
            .Concat(facts.Where(f => !names.ContainsKey(f.TechnicianId)).Select(f => (Id: f.TechnicianId, FullName: f.Technician, f.DealerId)).Distinct())
            .Where(p => only is null || p.Id == only)
            .ToList();
        var shown = only is null ? facts : [.. facts.Where(f => f.TechnicianId == only)];

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? shown.Where(f => f.DealerId == id).ToList() : shown;
            var hours = people.Where(p => dealer is null || p.DealerId == dealer).Sum(p => available.GetValueOrDefault(p.DealerId));
            var records = Link("/reports/technicians", scope, only is null ? null : $"drill={only}") + "#lines";
            return
            [
                new("efficiency", "Efficiency", Kpi.Efficiency(mine), ValueFormat.Percent, "Hours sold ÷ hours clocked on the labour lines finished in the period",
                    records, "No clocked time on finished lines."),
                new("productivity", "Productivity", Kpi.Productivity(mine, hours), ValueFormat.Percent, "Hours clocked ÷ hours available (the workshop's opening hours)",
                    records, "The workshop has no opening hours in the period."),
                new("hours-sold", "Hours sold", Kpi.Hours(mine.Sum(f => f.SoldMinutes)), ValueFormat.Hours, "Book time of the labour lines finished in the period", records),
                new("hours-clocked", "Hours clocked", Kpi.Hours(mine.Sum(f => f.ClockedMinutes)), ValueFormat.Hours, "Time clocked on those lines", records),
                new("hours-available", "Hours available", hours, ValueFormat.Hours, "Opening hours of the period × technicians", "/settings"),
            ];
        }

        var perTechnician = people.Select(p =>
        {
            var mine = facts.Where(f => f.TechnicianId == p.Id).ToList();
            var hours = available.GetValueOrDefault(p.DealerId);
            return new ReportRow([p.FullName, scope.Code(p.DealerId), mine.Count, Kpi.Hours(mine.Sum(f => f.SoldMinutes)), Kpi.Hours(mine.Sum(f => f.ClockedMinutes)), hours,
                Kpi.Efficiency(mine), Kpi.Productivity(mine, hours)], Link("/reports/technicians", scope, $"drill={p.Id}") + "#lines");
        }).ToList();
        List<ReportTable> tables =
        [
            new("technicians", "Per technician",
            [
                new("Technician", ValueFormat.Text, TotalKind.Label), ReportColumn.Text("Dealer"), ReportColumn.Sum("Lines finished", ValueFormat.Count),
                ReportColumn.Sum("Hours sold", ValueFormat.Hours), ReportColumn.Sum("Hours clocked", ValueFormat.Hours), ReportColumn.Sum("Hours available", ValueFormat.Hours),
                ReportColumn.Ratio("Efficiency", ValueFormat.Percent, 3, 4), ReportColumn.Ratio("Productivity", ValueFormat.Percent, 4, 5),
            ], perTechnician, Totals: true, Note: only is null ? "Pick a technician to see their labour lines." : null),
        ];
        if (only is null && ByDealer(scope, id => Figures(id), "technicians") is { } dealers) tables.Add(dealers);
        tables.Add(new ReportTable("lines", only is null ? "Labour lines finished" : $"Labour lines finished by {people.FirstOrDefault().FullName}",
        [
            ReportColumn.Text("Work order"), ReportColumn.Text("Technician"), ReportColumn.Text("Labour"), new("Finished", ValueFormat.Date),
            ReportColumn.Sum("Hours sold", ValueFormat.Hours), ReportColumn.Sum("Hours clocked", ValueFormat.Hours), ReportColumn.Ratio("Efficiency", ValueFormat.Percent, 4, 5),
        ], [.. shown.OrderBy(f => f.CompletedOn).ThenBy(f => f.WorkOrderNumber)
            .Select(f => new ReportRow([f.WorkOrderNumber, f.Technician, f.Description, f.CompletedOn, Kpi.Hours(f.SoldMinutes), Kpi.Hours(f.ClockedMinutes),
                Kpi.Efficiency([f])], $"/workorders/{f.WorkOrderId}"))], Totals: true, Shown: RecordsShown));
        return new Report("technicians", "", scope.Filter, "", Figures(null), tables, new ReportChart("technicians", 0, [3, 4]));
    }

    /// <summary>
    /// Hours a technician of each dealer could work in the period: the workshop's opening hours day by day (the defaults of
    /// Settings for a weekday the dealer never saved).
    /// </summary>
    private static async Task<Dictionary<Guid, decimal>> AvailableHoursAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct)
    {
        var stored = await db.DealerShopHours.AsNoTracking().Where(h => scope.Ids.Contains(h.DealerId))
            .Select(h => new { h.DealerId, Day = new ShopDay(h.DayOfWeek, h.IsOpen, h.OpensAt, h.ClosesAt) }).ToListAsync(ct);
        var defaults = DealerSettingsService.DefaultHours();
        var days = Enumerable.Range(0, scope.Filter.DayCount).Select(i => scope.Filter.From.AddDays(i).DayOfWeek).ToList();
        return scope.Ids.ToDictionary(id => id, id =>
        {
            var week = defaults.Select(d => stored.FirstOrDefault(s => s.DealerId == id && s.Day.Day == d.Day)?.Day ?? d).ToDictionary(d => d.Day);
            return days.Sum(day => week[day] is { IsOpen: true } open ? (decimal)(open.ClosesAt - open.OpensAt).TotalMinutes / 60m : 0m);
        });
    }

    // ---------------------------------------------------------------- estimates

    private async Task<Report> EstimatesAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct)
    {
        var answers = await db.WorkOrderLineApprovals.AsNoTracking()
            .Where(a => scope.Ids.Contains(a.DealerId) && a.RecordedAt >= scope.StartUtc && a.RecordedAt < scope.EndUtc)
            .Select(a => new { a.WorkOrderId, a.DealerId, a.WorkOrder.WorkOrderNumber, a.LineKind, a.LineId, a.Description, a.Decision, a.PriceShown, a.RecordedAt,
                RecordedBy = db.Users.Where(u => u.Id == a.RecordedById).Select(u => u.FullName).FirstOrDefault() ?? "Unknown" })
            .ToListAsync(ct);
        // A line's last answer in the period decides; a line re-opened after its answer has none.
        var facts = answers.GroupBy(a => (a.LineKind, a.LineId))
            .Select(g => g.OrderBy(a => a.RecordedAt).Last())
            .Where(a => a.Decision != ApprovalDecision.Reopened)
            .Select(a => new DecisionFact(a.WorkOrderId, a.DealerId, a.WorkOrderNumber, a.Description, a.Decision == ApprovalDecision.Approved, a.PriceShown,
                DateOnly.FromDateTime(zone.ToLocal(a.RecordedAt)), a.RecordedBy))
            .ToList();

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? facts.Where(f => f.DealerId == id).ToList() : facts;
            var records = Link("/reports/estimates", scope) + "#lines";
            return
            [
                new("close-ratio", "Close ratio", Kpi.CloseRatio(mine), ValueFormat.Percent, "Value approved ÷ (value approved + value declined)", records,
                    "No estimate line was answered."),
                new("approved", "Value approved", mine.Where(f => f.Approved).Sum(f => f.Price), ValueFormat.Money, "Price shown of the lines approved", records),
                new("declined", "Value declined", mine.Where(f => !f.Approved).Sum(f => f.Price), ValueFormat.Money, "Price shown of the lines declined", records),
                new("answered", "Lines answered", mine.Count, ValueFormat.Count, "Estimate lines with a last answer in the period", records),
            ];
        }

        List<ReportRow> Rows(IEnumerable<IGrouping<string, DecisionFact>> groups) => [.. groups.Select(g => new ReportRow([g.Key,
            g.Count(f => f.Approved), g.Where(f => f.Approved).Sum(f => f.Price), g.Count(f => !f.Approved), g.Where(f => !f.Approved).Sum(f => f.Price),
            g.Sum(f => f.Price), Kpi.CloseRatio(g)]))];
        IReadOnlyList<ReportColumn> columns =
        [
            new("", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Lines approved", ValueFormat.Count), ReportColumn.Sum("Value approved", ValueFormat.Money),
            ReportColumn.Sum("Lines declined", ValueFormat.Count), ReportColumn.Sum("Value declined", ValueFormat.Money), ReportColumn.Sum("Value answered", ValueFormat.Money),
            ReportColumn.Ratio("Close ratio", ValueFormat.Percent, 2, 5),
        ];
        List<ReportTable> tables =
        [
            new("periods", "By period", [columns[0] with { Title = "Period" }, .. columns.Skip(1)],
                Rows(scope.Filter.Periods().Select(p => new Grouping<string, DecisionFact>(scope.Filter.PeriodLabel(p),
                    [.. facts.Where(f => scope.Filter.PeriodOf(f.Day) == p)]))), Totals: true),
            new("recorders", "By person recording the answers", [columns[0] with { Title = "Recorded by" }, .. columns.Skip(1)],
                Rows(facts.GroupBy(f => f.RecordedBy).OrderBy(g => g.Key)), Totals: true),
        ];
        if (ByDealer(scope, id => Figures(id), "estimates") is { } dealers) tables.Add(dealers);
        tables.Add(new ReportTable("lines", "Lines answered",
        [
            ReportColumn.Text("Work order"), ReportColumn.Text("Line"), new("Answered", ValueFormat.Date), ReportColumn.Text("Answer"), ReportColumn.Text("Recorded by"),
            ReportColumn.Sum("Price shown", ValueFormat.Money),
        ], [.. facts.OrderBy(f => f.Day).ThenBy(f => f.WorkOrderNumber)
            .Select(f => new ReportRow([f.WorkOrderNumber, f.Line, f.Day, f.Approved ? "Approved" : "Declined", f.RecordedBy, f.Price], $"/workorders/{f.WorkOrderId}"))],
            Totals: true, Shown: RecordsShown));
        return new Report("estimates", "", scope.Filter, "", Figures(null), tables, new ReportChart("periods", 0, [2, 4]));
    }

    private sealed class Grouping<TKey, T>(TKey key, IReadOnlyList<T> items) : IGrouping<TKey, T>
    {
        public TKey Key => key;
        public IEnumerator<T> GetEnumerator() => items.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // ---------------------------------------------------------------- comebacks

    private async Task<Report> ComebacksAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct)
    {
        var days = scope.Filter.ComebackDays;
        // A visit: a work order invoiced in the period, dated by its first finalised invoice.
        var visitRows = await InvoicesIn(db, scope).Where(i => i.Kind == InvoiceKind.Invoice)
            .GroupBy(i => i.WorkOrderId)
            .Select(g => new { WorkOrderId = g.Key, At = g.Min(i => i.FinalisedAt) })
            .ToListAsync(ct);
        var visitIds = visitRows.Select(v => v.WorkOrderId).ToList();
        var visitOrders = await OrdersAsync(db, visitIds, ct);
        var vehicles = visitOrders.Values.Select(o => o.VehicleId).Distinct().ToList();
        var lastReturn = scope.EndUtc.AddDays(days);
        var laterIds = new List<Guid>();
        foreach (var chunk in vehicles.Chunk(2000))
            laterIds.AddRange(await db.WorkOrders.AsNoTracking()
                .Where(w => chunk.Contains(w.VehicleId) && w.OpenedAt >= scope.StartUtc && w.OpenedAt < lastReturn && w.Status != WorkOrderStatus.Cancelled)
                .Select(w => w.Id).ToListAsync(ct));
        var laterOrders = await OrdersAsync(db, laterIds, ct);
        var visits = visitRows.Where(v => visitOrders.ContainsKey(v.WorkOrderId))
            .Select(v => visitOrders[v.WorkOrderId] with { At = v.At ?? visitOrders[v.WorkOrderId].At }).ToList();
        var comebacks = Kpi.Comebacks(visits, laterOrders.Values, days);

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? visits.Where(v => v.DealerId == id).ToList() : visits;
            var back = dealer is { } d2 ? comebacks.Count(c => c.Visit.DealerId == d2) : comebacks.Count;
            var records = Link("/reports/comebacks", scope) + "#comebacks";
            return
            [
                new("comeback-rate", "Comeback rate", Kpi.ComebackRate(back, mine.Count), ValueFormat.Percent,
                    $"Visits whose car came back within {days} days for one of the same service categories ÷ visits", records, "No car was invoiced."),
                new("comebacks", "Comebacks", back, ValueFormat.Count, "Visits followed by such a return", records),
                new("visits", "Visits", mine.Count, ValueFormat.Count, "Work orders invoiced in the period", Link("/reports/sales", scope) + "#invoices"),
            ];
        }

        var byPeriod = scope.Filter.Periods().Select(p =>
        {
            var mine = visits.Where(v => scope.Filter.PeriodOf(DateOnly.FromDateTime(zone.ToLocal(v.At))) == p).Select(v => v.WorkOrderId).ToHashSet();
            var back = comebacks.Count(c => mine.Contains(c.Visit.WorkOrderId));
            return new ReportRow([scope.Filter.PeriodLabel(p), mine.Count, back, Kpi.ComebackRate(back, mine.Count)]);
        }).ToList();
        List<ReportTable> tables =
        [
            new("periods", "By period", [new("Period", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Visits", ValueFormat.Count),
                ReportColumn.Sum("Comebacks", ValueFormat.Count), ReportColumn.Ratio("Comeback rate", ValueFormat.Percent, 2, 1)], byPeriod, Totals: true),
        ];
        if (ByDealer(scope, id => Figures(id), "comebacks") is { } dealers) tables.Add(dealers);
        tables.Add(new ReportTable("comebacks", "Comebacks",
        [
            ReportColumn.Text("Visit"), ReportColumn.Text("Vehicle"), new("Invoiced", ValueFormat.Date), ReportColumn.Text("Came back as"), new("Opened", ValueFormat.Date),
            ReportColumn.Sum("Days later", ValueFormat.Days), ReportColumn.Text("Same category"),
        ], [.. comebacks.OrderBy(c => c.Visit.At).Select(c => new ReportRow([c.Visit.WorkOrderNumber, c.Visit.Vehicle, DateOnly.FromDateTime(zone.ToLocal(c.Visit.At)),
            c.Return.WorkOrderNumber, DateOnly.FromDateTime(zone.ToLocal(c.Return.At)), (int)(c.Return.At - c.Visit.At).TotalDays,
            string.Join(", ", c.Visit.Categories.Intersect(c.Return.Categories).Order())], $"/workorders/{c.Return.WorkOrderId}"))], Shown: RecordsShown,
            Note: "The row links to the return visit; its number is in the second work-order column."));
        return new Report("comebacks", "", scope.Filter, "", Figures(null), tables, new ReportChart("periods", 0, [1, 2]));
    }

    /// <summary>Work orders with their car and service categories (a canned service's category; without one, the job type).</summary>
    private static async Task<Dictionary<Guid, VisitFact>> OrdersAsync(MotorTraceDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var result = new Dictionary<Guid, VisitFact>();
        foreach (var chunk in ids.Chunk(2000))
        {
            var orders = await db.WorkOrders.AsNoTracking().Where(w => chunk.Contains(w.Id))
                .Select(w => new { w.Id, w.DealerId, w.WorkOrderNumber, w.VehicleId, Vehicle = w.Vehicle.Make + " " + w.Vehicle.Model + " " + (w.Vehicle.LicensePlate ?? ""),
                    w.OpenedAt, w.JobType })
                .ToListAsync(ct);
            var categories = (await db.WorkOrderServices.AsNoTracking()
                    .Where(s => chunk.Contains(s.WorkOrderId) && s.CannedService != null && s.CannedService.Category != null)
                    .Select(s => new { s.WorkOrderId, Category = s.CannedService!.Category! })
                    .ToListAsync(ct))
                .ToLookup(s => s.WorkOrderId, s => s.Category);
            foreach (var o in orders)
            {
                var set = categories[o.Id].ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (set.Count == 0) set.Add(StatusStyles.Label(o.JobType));
                result[o.Id] = new VisitFact(o.Id, o.DealerId, o.WorkOrderNumber, o.VehicleId, o.Vehicle.Trim(), o.OpenedAt, set);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- appointments

    private async Task<Report> AppointmentsAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct)
    {
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => scope.Ids.Contains(a.DealerId) && a.StartTime >= scope.StartUtc && a.StartTime < scope.EndUtc)
            .Select(a => new { a.Id, a.DealerId, a.StartTime, a.Status, Customer = a.Customer.Name, a.Vehicle.LicensePlate })
            .ToListAsync(ct);
        var facts = rows.Select(a => new AppointmentFact(a.Id, a.DealerId, DateOnly.FromDateTime(zone.ToLocal(a.StartTime)), a.Status switch
        {
            AppointmentStatus.InProgress or AppointmentStatus.Completed => AppointmentOutcome.Arrived,
            AppointmentStatus.NoShow => AppointmentOutcome.NoShow,
            AppointmentStatus.Cancelled => AppointmentOutcome.Cancelled,
            _ => AppointmentOutcome.Upcoming,
        }, a.Customer, a.LicensePlate)).ToList();

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? facts.Where(f => f.DealerId == id).ToList() : facts;
            var records = Link("/reports/appointments", scope) + "#bookings";
            return
            [
                new("show-rate", "Show rate", Kpi.ShowRate(mine), ValueFormat.Percent, "Arrived ÷ (arrived + no-shows)", records, "No booking has arrived or been marked a no-show."),
                new("booked", "Bookings", mine.Count, ValueFormat.Count, "Appointments starting in the period", records),
                new("no-shows", "No-shows", mine.Count(f => f.Outcome == AppointmentOutcome.NoShow), ValueFormat.Count, "Marked no-show", records),
                new("cancelled", "Cancelled", mine.Count(f => f.Outcome == AppointmentOutcome.Cancelled), ValueFormat.Count, "Cancelled bookings (not in the show rate)", records),
            ];
        }

        ReportRow Row(string label, IReadOnlyCollection<AppointmentFact> mine)
        {
            int Count(AppointmentOutcome o) => mine.Count(f => f.Outcome == o);
            return new ReportRow([label, mine.Count, Count(AppointmentOutcome.Arrived), Count(AppointmentOutcome.NoShow), Count(AppointmentOutcome.Cancelled),
                Count(AppointmentOutcome.Upcoming), Count(AppointmentOutcome.Arrived) + Count(AppointmentOutcome.NoShow), Kpi.ShowRate(mine)]);
        }
        List<ReportTable> tables =
        [
            new("periods", "By period",
            [
                new("Period", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Bookings", ValueFormat.Count), ReportColumn.Sum("Arrived", ValueFormat.Count),
                ReportColumn.Sum("No-show", ValueFormat.Count), ReportColumn.Sum("Cancelled", ValueFormat.Count), ReportColumn.Sum("Not yet arrived", ValueFormat.Count),
                ReportColumn.Sum("Arrived or no-show", ValueFormat.Count), ReportColumn.Ratio("Show rate", ValueFormat.Percent, 2, 6),
            ], [.. scope.Filter.Periods().Select(p => Row(scope.Filter.PeriodLabel(p), [.. facts.Where(f => scope.Filter.PeriodOf(f.Day) == p)]))], Totals: true),
        ];
        if (ByDealer(scope, id => Figures(id), "appointments") is { } dealers) tables.Add(dealers);
        tables.Add(new ReportTable("bookings", "Bookings",
            [new("Day", ValueFormat.Date), ReportColumn.Text("Customer"), ReportColumn.Text("Plate"), ReportColumn.Text("Outcome")],
            [.. facts.OrderBy(f => f.Day).Select(f => new ReportRow([f.Day, f.Customer, f.Plate, f.Outcome switch
            {
                AppointmentOutcome.Arrived => "Arrived",
                AppointmentOutcome.NoShow => "No-show",
                AppointmentOutcome.Cancelled => "Cancelled",
                _ => "Not yet arrived",
            }], $"/appointments/{f.Id}"))], Shown: RecordsShown));
        return new Report("appointments", "", scope.Filter, "", Figures(null), tables, new ReportChart("periods", 0, [2, 3]));
    }

    // ---------------------------------------------------------------- open work and warranty claims (as of now)

    private async Task<Report> OpenWorkAsync(MotorTraceDbContext db, Scope scope, bool warrantyOnly, CancellationToken ct)
    {
        var query = db.WorkOrders.AsNoTracking().Where(w => scope.Ids.Contains(w.DealerId) && Kpi.OpenStatuses.Contains(w.Status));
        if (warrantyOnly) query = query.Where(w => w.JobType == JobType.Warranty || w.WarrantyStatus == WarrantyStatus.Pending);
        var rows = await query
            .Select(w => new { w.Id, w.DealerId, w.WorkOrderNumber, Customer = w.Customer.Name, w.Vehicle.LicensePlate, w.Status, w.OpenedAt, w.TotalAmount,
                w.JobType, w.WarrantyStatus, w.WarrantyClaimNumber })
            .ToListAsync(ct);
        var facts = rows.Select(w => new OpenWorkOrderFact(w.Id, w.DealerId, w.WorkOrderNumber, w.Customer, w.LicensePlate, w.Status,
            DateOnly.FromDateTime(zone.ToLocal(w.OpenedAt)), w.TotalAmount, w.JobType == JobType.Warranty || w.WarrantyStatus == WarrantyStatus.Pending,
            w.WarrantyClaimNumber)).ToList();
        var warranty = rows.ToDictionary(r => r.Id, r => r.WarrantyStatus);
        int Age(OpenWorkOrderFact f) => scope.Today.DayNumber - f.Opened.DayNumber;
        var name = warrantyOnly ? "warranty" : "open-work";

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? facts.Where(f => f.DealerId == id).ToList() : facts;
            var records = Link($"/reports/{name}", scope) + "#work-orders";
            return
            [
                new("open", warrantyOnly ? "Open warranty claims" : "Open work orders", mine.Count, ValueFormat.Count,
                    warrantyOnly ? "Open warranty jobs, or open jobs whose warranty is pending" : "Work orders not closed or cancelled (invoiced cars await collection)", records),
                new("over-7", "Open more than 7 days", mine.Count(f => Age(f) > 7), ValueFormat.Count, "Opened more than 7 days ago", records),
                new("value", "Value", mine.Sum(f => f.Total), ValueFormat.Money, "Work-order totals as estimated now", records),
                new("oldest", "Oldest (days)", mine.Count == 0 ? null : mine.Max(Age), ValueFormat.Days, "Days since the oldest was opened", records, "Nothing is open."),
            ];
        }

        List<ReportTable> tables =
        [
            new("ages", "By age", [new("Opened", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Work orders", ValueFormat.Count), ReportColumn.Sum("Value", ValueFormat.Money)],
                [.. Kpi.OpenAgeBands.Select((b, i) => new ReportRow([b.Label, facts.Count(f => Kpi.AgeBand(Age(f)) == i), facts.Where(f => Kpi.AgeBand(Age(f)) == i).Sum(f => f.Total)]))],
                Totals: true),
            warrantyOnly
                ? new("statuses", "By claim status", [new("Warranty status", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Work orders", ValueFormat.Count),
                    ReportColumn.Sum("Value", ValueFormat.Money)],
                    [.. facts.GroupBy(f => warranty[f.Id]).OrderBy(g => g.Key).Select(g => new ReportRow([StatusStyles.Label(g.Key), g.Count(), g.Sum(f => f.Total)]))], Totals: true)
                : new("statuses", "By status", [new("Status", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Work orders", ValueFormat.Count),
                    ReportColumn.Sum("Value", ValueFormat.Money)],
                    [.. facts.GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => new ReportRow([StatusStyles.Label(g.Key), g.Count(), g.Sum(f => f.Total)],
                        $"/workorders?status={g.Key}"))], Totals: true),
        ];
        if (ByDealer(scope, id => Figures(id), name) is { } dealers) tables.Add(dealers);
        tables.Add(new ReportTable("work-orders", warrantyOnly ? "Open warranty work" : "Open work orders",
        [
            ReportColumn.Text("Work order"), ReportColumn.Text("Dealer"), ReportColumn.Text("Customer"), ReportColumn.Text("Plate"), ReportColumn.Text("Status"),
            ReportColumn.Text("Claim"), new("Opened", ValueFormat.Date), new("Age (days)", ValueFormat.Days), ReportColumn.Sum("Value", ValueFormat.Money),
        ], [.. facts.OrderBy(f => f.Opened).ThenBy(f => f.Number).Select(f => new ReportRow([f.Number, scope.Code(f.DealerId), f.Customer, f.Plate,
            StatusStyles.Label(f.Status), f.ClaimNumber, f.Opened, Age(f), f.Total], $"/workorders/{f.Id}"))], Totals: true, Shown: RecordsShown));
        return new Report(name, "", scope.Filter, "", Figures(null), tables, new ReportChart("ages", 0, [1]));
    }

    // ---------------------------------------------------------------- inventory

    private async Task<Report> InventoryAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct)
    {
        var items = await db.InventoryItems.AsNoTracking().Where(i => scope.Ids.Contains(i.DealerId) && i.IsActive)
            .Select(i => new { i.DealerId, Category = i.Category == null ? "Uncategorised" : i.Category.Name, i.Quantity, i.CostPrice })
            .ToListAsync(ct);
        var issued = await db.StockMovements.AsNoTracking()
            .Where(m => scope.Ids.Contains(m.DealerId) && m.CreatedAt >= scope.StartUtc && m.CreatedAt < scope.EndUtc
                && (m.Type == StockMovementType.Issue || m.Type == StockMovementType.Return))
            .Select(m => new { m.DealerId, Category = m.InventoryItem.Category == null ? "Uncategorised" : m.InventoryItem.Category.Name, m.Quantity, m.UnitCost })
            .ToListAsync(ct);
        var stock = items.GroupBy(i => (i.DealerId, i.Category)).ToDictionary(g => g.Key, g => (Items: g.Count(), Value: g.Sum(i => i.Quantity * i.CostPrice)));
        var cost = issued.GroupBy(m => (m.DealerId, m.Category)).ToDictionary(g => g.Key, g => g.Sum(m => -m.Quantity * (m.UnitCost ?? 0m)));
        var facts = stock.Keys.Union(cost.Keys)
            .Select(k => new StockFact(k.DealerId, k.Category, stock.GetValueOrDefault(k).Items, stock.GetValueOrDefault(k).Value,
                Math.Round(cost.GetValueOrDefault(k), 2, MidpointRounding.AwayFromZero)))
            .ToList();
        var days = scope.Filter.DayCount;

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? facts.Where(f => f.DealerId == id).ToList() : facts;
            var value = mine.Sum(f => f.Value);
            var cost = mine.Sum(f => f.IssuedCost);
            return
            [
                new("stock-value", "Stock value at cost", value, ValueFormat.Money, "On hand × average cost, active items, now", "/inventory/valuation"),
                new("issued-cost", "Cost of parts issued", cost, ValueFormat.Money, "Issues to work orders less returns, at their cost, in the period",
                    Link("/reports/inventory", scope) + "#categories"),
                new("turns", "Stock turns (a year)", Kpi.Turns(cost, value, days), ValueFormat.Number, "Cost of parts issued × 365 ÷ days in the period ÷ stock value",
                    Link("/reports/inventory", scope) + "#categories", "There is no stock value to turn."),
            ];
        }

        List<ReportTable> tables =
        [
            new("categories", "By category",
            [
                new("Category", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Items", ValueFormat.Count), ReportColumn.Sum("Stock value", ValueFormat.Money),
                ReportColumn.Sum("Cost issued", ValueFormat.Money), ReportColumn.Ratio("Turns (a year)", ValueFormat.Number, 3, 2, 365m / days),
            ], [.. facts.GroupBy(f => f.Category).OrderBy(g => g.Key).Select(g => new ReportRow([g.Key, g.Sum(f => f.Items), g.Sum(f => f.Value), g.Sum(f => f.IssuedCost),
                Kpi.Turns(g.Sum(f => f.IssuedCost), g.Sum(f => f.Value), days)]))], Totals: true,
                Note: "Stock value is today's; cost issued is the period's. Turns = cost issued × 365 ÷ days in the period ÷ stock value."),
        ];
        if (ByDealer(scope, id => Figures(id), "inventory") is { } dealers) tables.Add(dealers);
        return new Report("inventory", "", scope.Filter, "", Figures(null), tables, new ReportChart("categories", 0, [2]));
    }

    // ---------------------------------------------------------------- receivables (as of now)

    private static readonly InvoiceStatus[] OpenInvoice = [InvoiceStatus.Issued, InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue];

    private async Task<Report> ReceivablesAsync(MotorTraceDbContext db, Scope scope, CancellationToken ct)
    {
        var rows = await db.Invoices.AsNoTracking()
            .Where(i => scope.Ids.Contains(i.DealerId) && i.InvoiceNumber != null && OpenInvoice.Contains(i.Status))
            .Select(i => new { i.Id, i.DealerId, Number = i.InvoiceNumber!, Customer = i.WorkOrder.Customer.Name, i.Payer, Due = i.DueDate ?? i.IssueDate, i.BalanceDue })
            .ToListAsync(ct);
        var facts = rows.Where(r => r.BalanceDue > 0).Select(r => new ReceivableFact(r.Id, r.DealerId, r.Number, r.Customer, r.Payer, r.Due, r.BalanceDue)).ToList();
        var today = scope.Today;

        IReadOnlyList<Figure> Figures(Guid? dealer)
        {
            var mine = dealer is { } id ? facts.Where(f => f.DealerId == id).ToList() : facts;
            return
            [
                new("receivable", "Open balances", mine.Sum(f => f.Balance), ValueFormat.Money, "Balance due of finalised invoices not fully paid", "/invoices/receivables"),
                new("overdue", "Past due", mine.Where(f => f.Due < today).Sum(f => f.Balance), ValueFormat.Money, "Balances whose due date has passed", "/invoices?overdue=yes"),
                new("over-90", "Over 90 days", mine.Where(f => InvoiceListService.BucketOf(f.Due, today) == 3).Sum(f => f.Balance), ValueFormat.Money,
                    "Balances more than 90 days past due", "/invoices/receivables"),
                new("invoices", "Open invoices", mine.Count, ValueFormat.Count, "Invoices with a balance due", "/invoices/receivables"),
            ];
        }

        List<ReportTable> tables =
        [
            new("ages", "By days past due", [new("Days past due", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Invoices", ValueFormat.Count),
                ReportColumn.Sum("Balance", ValueFormat.Money)],
                [.. InvoiceListService.AgeBuckets.Select((label, i) => new ReportRow([label, facts.Count(f => InvoiceListService.BucketOf(f.Due, today) == i),
                    facts.Where(f => InvoiceListService.BucketOf(f.Due, today) == i).Sum(f => f.Balance)]))], Totals: true,
                Note: "0-30 includes invoices not yet due."),
            // Warranty and internal invoices are owed by the manufacturer and the dealer itself, not by the car's owner.
            new("payers", "By payer", [new("Payer", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Invoices", ValueFormat.Count),
                ReportColumn.Sum("Balance", ValueFormat.Money)],
                [.. facts.GroupBy(f => f.Payer).OrderBy(g => g.Key).Select(g => new ReportRow([g.Key.ToString(), g.Count(), g.Sum(f => f.Balance)]))], Totals: true),
        ];
        if (ByDealer(scope, id => Figures(id), "receivables") is { } dealers) tables.Add(dealers);
        tables.Add(new ReportTable("invoices", "Open invoices",
        [
            ReportColumn.Text("Invoice"), ReportColumn.Text("Dealer"), ReportColumn.Text("Customer"), ReportColumn.Text("Payer"), new("Due", ValueFormat.Date),
            new("Days past due", ValueFormat.Days), ReportColumn.Sum("Balance", ValueFormat.Money),
        ], [.. facts.OrderBy(f => f.Due).ThenBy(f => f.Number).Select(f => new ReportRow([f.Number, scope.Code(f.DealerId), f.Customer, f.Payer.ToString(), f.Due,
            Math.Max(0, today.DayNumber - f.Due.DayNumber), f.Balance], $"/invoices/{f.Id}"))], Totals: true, Shown: RecordsShown));
        return new Report("receivables", "", scope.Filter, "", Figures(null), tables, new ReportChart("ages", 0, [2]));
    }
}
