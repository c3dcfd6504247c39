using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.WorkOrders;
using static MotorTrace.Tests.Services.EstimateScenario;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteEstimateServiceTests(SqliteFactory app) : EstimateServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresEstimateServiceTests(PostgresFactory app) : EstimateServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The estimate of a work order on <see cref="WorkOrderEstimateService"/>, over a real database: lines from the catalogue
/// and by hand, approval evidence that is only ever appended, declined lines as recommendations, the discount limit,
/// two advisors on one work order, parts through the stock ledger (50 taps for 10 units), findings priced once, tenancy.
/// </summary>
public abstract class EstimateServiceTests(MotorTraceFactory app)
{
    private Task<EstimateScenario> ShopAsync() => ForAsync(app);

    [DatabaseFact]
    public async Task A_canned_service_brings_its_labour_steps_and_a_proposed_part_and_names_the_categories_without_stock()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.SetStockAsync(10);

        var oil = await shop.ChangeAsync(id, (s, v) => s.AddCannedServiceAsync(id, v, shop.OilChange));
        var brakes = await shop.ChangeAsync(id, (s, v) => s.AddCannedServiceAsync(id, v, shop.BrakeService));

        Assert.Equal("Added Oil change with 1 labour step and 1 part.", oil);
        Assert.Equal($"Added Brake service with 1 labour step. No stock for: {shop.BrakePads}.", brakes);
        var estimate = await shop.EstimateAsync(id);
        Assert.Equal(
            [("Oil change", EstimateLineKind.Service, 1500m), ($"Oil filter (04E115561{shop.DealerNumber})", EstimateLineKind.Part, 450m), ("Brake service", EstimateLineKind.Service, 2500m)],
            estimate.Lines.Select(l => (l.Description, l.Kind, l.Amount)));
        Assert.Equal(["Drain and refill oil"], estimate.Lines[0].Labor.Select(l => l.Description));
        Assert.Equal(30, estimate.Lines[0].Labor[0].EstimatedMinutes);
        Assert.Equal(estimate.Lines[0].Id, estimate.Lines[1].ServiceId);
        Assert.Equal(10, estimate.Lines[1].OnHand);
        // 4,450.00 + 18% tax = 5,251.00; all of it waits for the customer's answer.
        Assert.Equal((4000m, 450m, 4450m, 801m, 5251m, 4450m), (estimate.Totals.Services, estimate.Totals.Parts, estimate.Totals.Subtotal, estimate.Totals.Tax, estimate.Totals.Total, estimate.Totals.Pending));
        var stored = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == id));
        Assert.Equal((4450m, 801m, 5251m), (stored.Subtotal, stored.TaxAmount, stored.TotalAmount));
    }

    [DatabaseFact]
    public async Task Free_text_lines_labour_operations_and_parts_from_stock_or_a_supplier_are_priced_and_counted()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.SetStockAsync(10);

        await shop.ChangeAsync(id, (s, v) => s.AddServiceLineAsync(id, v, new LineForm { Description = " Wheel alignment ", Quantity = 1, UnitPrice = 899.995m }));
        await shop.ChangeAsync(id, (s, v) => s.AddLaborOperationAsync(id, v, shop.OilDrain));
        var stockNote = await shop.ChangeAsync(id, (s, v) => s.AddPartAsync(id, v, new PartForm { InventoryItemId = shop.OilFilter, Quantity = 12, UnitPrice = 1m }));
        await shop.ChangeAsync(id, (s, v) => s.AddPartAsync(id, v, new PartForm
        {
            Source = PartSource.Supplier, Description = "Wiper blade set", Quantity = 2, UnitPrice = 333.335m, SupplierName = "Bosch depot", SupplierInvoice = "INV-77", Payer = LinePayer.Internal,
        }));

        Assert.Contains("Only 10 on hand now.", stockNote);
        var estimate = await shop.EstimateAsync(id);
        Assert.Equal(
            [("Wheel alignment", 900.00m), ("Drain and refill oil", 600m), ($"Oil filter (04E115561{shop.DealerNumber})", 5400m), ("Wiper blade set", 666.68m)],
            estimate.Lines.Select(l => (l.Description, l.Amount)));
        var wipers = estimate.Lines[3];
        Assert.Equal((PartSource.Supplier, "Bosch depot", "INV-77", LinePayer.Internal), (wipers.Source, wipers.SupplierName, wipers.SupplierInvoice, wipers.Payer));
        Assert.Equal(450m, estimate.Lines[2].UnitPrice); // the stock item's price, not what was typed
        Assert.Equal(7566.68m, estimate.Totals.Subtotal); // 333.335 is kept as 333.34 a unit
    }

    [DatabaseFact]
    public async Task A_line_without_a_description_or_with_a_bad_quantity_is_refused_at_the_field_and_nothing_changes()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        var version = (await shop.EstimateAsync(id)).Version;

        var blank = await shop.AsAsync(shop.Advisor, s => s.AddServiceLineAsync(id, version, new LineForm { Description = " ", UnitPrice = 10m }));
        var zero = await shop.AsAsync(shop.Advisor, s => s.AddServiceLineAsync(id, version, new LineForm { Description = "Wash", Quantity = 0 }));
        var supplier = await shop.AsAsync(shop.Advisor, s => s.AddPartAsync(id, version, new PartForm { Source = PartSource.Supplier, Description = "Bulb" }));

        Assert.Contains("Describe the line", MessagesAt(blank.Result, nameof(LineForm.Description)));
        Assert.Contains("quantity from 1 to 999", MessagesAt(zero.Result, nameof(LineForm.Quantity)));
        Assert.Contains("supplier", MessagesAt(supplier.Result, nameof(PartForm.SupplierName)));
        var after = await shop.EstimateAsync(id);
        Assert.Empty(after.Lines);
        Assert.Equal(version, after.Version);
    }

    [DatabaseFact]
    public async Task A_technician_cannot_change_the_estimate_and_a_completed_or_invoiced_work_order_cannot_change()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        var invoiced = await shop.NewWorkOrderAsync(WorkOrderStatus.Invoiced);
        var version = (await shop.EstimateAsync(id)).Version;
        var invoicedVersion = (await shop.EstimateAsync(invoiced)).Version;

        var technician = await shop.AsAsync(shop.Technician, s => s.AddCannedServiceAsync(id, version, shop.OilChange));
        var closed = await shop.AsAsync(shop.Advisor, s => s.AddCannedServiceAsync(invoiced, invoicedVersion, shop.OilChange));

        Assert.Contains("Only service advisors and managers", MessagesAt(technician.Result, ""));
        Assert.Contains("invoiced: its estimate can no longer change", MessagesAt(closed.Result, ""));
        Assert.False((await shop.EstimateAsync(id, shop.Technician)).CanEdit);
        Assert.Empty((await shop.EstimateAsync(id)).Lines);
    }

    [DatabaseFact]
    public async Task Approval_evidence_is_only_appended_and_changing_an_approved_line_reopens_it_with_both_prices_on_file()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.ChangeAsync(id, (s, v) => s.AddServiceLineAsync(id, v, new LineForm { Description = "Coolant flush", Quantity = 1, UnitPrice = 1200m }));
        var line = (await shop.EstimateAsync(id)).Lines.Single();

        await shop.ChangeAsync(id, (s, v) => s.RecordDecisionAsync(id, v, EstimateLineKind.Service, line.Id, Answer(ApprovalDecision.Approved, ApprovalMethod.Phone, "Ravi Iyer")));
        var approved = await shop.EstimateAsync(id);
        var changed = await shop.ChangeAsync(id, (s, v) => s.UpdateLineAsync(id, v, EstimateLineKind.Service, line.Id,
            new LineForm { Description = "Coolant flush", Quantity = 1, UnitPrice = 1450m }));
        await shop.ChangeAsync(id, (s, v) => s.UpdateLineAsync(id, v, EstimateLineKind.Service, line.Id,
            new LineForm { Description = "Coolant flush", Quantity = 1, UnitPrice = 1450m, Payer = LinePayer.Warranty })); // payer only: no new answer needed
        var reopened = await shop.EstimateAsync(id);

        Assert.Equal((LineDecision.Approved, 1200m, 0m), (approved.Lines[0].Decision, approved.Totals.Approved, approved.Totals.Pending));
        Assert.Contains("waits for the customer's answer again", changed);
        Assert.Equal((LineDecision.Pending, 0m, 1450m), (reopened.Lines[0].Decision, reopened.Totals.Approved, reopened.Totals.Pending));
        Assert.Equal(
            [(ApprovalDecision.Approved, (ApprovalMethod?)ApprovalMethod.Phone, "Ravi Iyer", 1200m), (ApprovalDecision.Reopened, null, null, 1450m)],
            reopened.Evidence.Select(e => (e.Decision, e.Method, e.AnsweredBy, e.PriceShown)));
        Assert.Equal("Arjun Advisor", reopened.Evidence[0].RecordedBy);
        Assert.Equal(reopened.Evidence, reopened.HistoryOf(line.Id));

        // Removing the line keeps its evidence.
        await shop.ChangeAsync(id, (s, v) => s.RemoveLineAsync(id, v, EstimateLineKind.Service, line.Id));
        Assert.Equal(2, (await shop.EstimateAsync(id)).Evidence.Count);
    }

    [DatabaseFact]
    public async Task Approving_a_service_answers_its_waiting_parts_and_approve_all_records_one_row_per_line()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.ChangeAsync(id, (s, v) => s.AddCannedServiceAsync(id, v, shop.OilChange));
        await shop.ChangeAsync(id, (s, v) => s.AddServiceLineAsync(id, v, new LineForm { Description = "Cabin filter", Quantity = 1, UnitPrice = 700m }));
        await shop.ChangeAsync(id, (s, v) => s.AddServiceLineAsync(id, v, new LineForm { Description = "Headlight polish", Quantity = 1, UnitPrice = 900m }));
        var oil = (await shop.EstimateAsync(id)).Lines[0];

        await shop.ChangeAsync(id, (s, v) => s.RecordDecisionAsync(id, v, EstimateLineKind.Service, oil.Id, Answer(ApprovalDecision.Approved, ApprovalMethod.InPerson)));
        var all = await shop.ChangeAsync(id, (s, v) => s.DecideAllPendingAsync(id, v, Answer(ApprovalDecision.Approved, ApprovalMethod.Email)));

        var estimate = await shop.EstimateAsync(id);
        Assert.Equal("Approved: 2 lines.", all);
        Assert.All(estimate.Lines, l => Assert.Equal(LineDecision.Approved, l.Decision));
        Assert.Equal(
            [ApprovalMethod.InPerson, ApprovalMethod.InPerson, ApprovalMethod.Email, ApprovalMethod.Email],
            estimate.Evidence.Select(e => e.Method!.Value));
        Assert.Equal(1500m + 450m + 700m + 900m, estimate.Totals.Approved);
        var none = await shop.AsAsync(shop.Advisor, s => s.DecideAllPendingAsync(id, estimate.Version, Answer(ApprovalDecision.Approved)));
        Assert.Contains("No line is waiting", MessagesAt(none.Result, ""));
    }

    [DatabaseFact]
    public async Task A_declined_line_becomes_one_recommendation_on_the_vehicle_and_approving_it_later_dismisses_it()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.ChangeAsync(id, (s, v) => s.AddCannedServiceAsync(id, v, shop.OilChange));
        var estimate = await shop.EstimateAsync(id);
        var (service, filter) = (estimate.Lines[0], estimate.Lines[1]);

        var missingMethod = await shop.AsAsync(shop.Advisor, s => s.RecordDecisionAsync(id, estimate.Version, EstimateLineKind.Service, service.Id,
            new ApprovalForm { Decision = ApprovalDecision.Declined, AnsweredBy = "Meera Iyer" }));
        await shop.ChangeAsync(id, (s, v) => s.RecordDecisionAsync(id, v, EstimateLineKind.Service, service.Id, Answer(ApprovalDecision.Declined)));
        await shop.ChangeAsync(id, (s, v) => s.RecordDecisionAsync(id, v, EstimateLineKind.Service, service.Id, Answer(ApprovalDecision.Declined)));
        var declined = await shop.EstimateAsync(id);
        var number = await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == id).Select(w => w.WorkOrderNumber).SingleAsync());
        var recommendations = await shop.DbAsync(db => db.ServiceRecommendations.AsNoTracking().Where(r => r.WorkOrderId == id).ToListAsync());

        Assert.Contains("how the customer answered", MessagesAt(missingMethod.Result, nameof(ApprovalForm.Method)));
        Assert.Equal((LineDecision.Declined, LineDecision.Declined), (declined.Lines[0].Decision, declined.Lines[1].Decision));
        Assert.Equal((0m, 1950m, 0m), (declined.Totals.Subtotal, declined.Totals.Declined, declined.Totals.Total));
        var recommendation = Assert.Single(recommendations); // the filter is part of its service's recommendation
        Assert.Equal(((Guid?)null, "Oil change", shop.VehicleId, shop.OilChange, 1950m, $"Declined on {number}", RecommendationStatus.Pending),
            (recommendation.RuleId, recommendation.Title, recommendation.VehicleId, recommendation.CannedServiceId, recommendation.EstimatedCost, recommendation.Reason, recommendation.Status));

        await shop.ChangeAsync(id, (s, v) => s.RecordDecisionAsync(id, v, EstimateLineKind.Service, service.Id, Answer(ApprovalDecision.Approved)));
        var after = await shop.DbAsync(db => db.ServiceRecommendations.AsNoTracking().SingleAsync(r => r.WorkOrderId == id));
        Assert.Equal(RecommendationStatus.Dismissed, after.Status);
        Assert.Contains("Approved on", after.DismissedReason);
        var approved = await shop.EstimateAsync(id);
        Assert.Equal((filter.Id, LineDecision.Approved), (approved.Lines[1].Id, approved.Lines[1].Decision)); // declined with its service, approved with it
        Assert.Equal(
            [ApprovalDecision.Declined, ApprovalDecision.Declined, ApprovalDecision.Declined, ApprovalDecision.Approved, ApprovalDecision.Approved],
            approved.Evidence.Select(e => e.Decision)); // declined twice (service and filter, then the service alone again), approved with the filter
    }

    [DatabaseFact]
    public async Task A_discount_above_the_limit_waits_for_a_manager_who_is_notified_and_an_advisor_cannot_approve_it()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.ChangeAsync(id, (s, v) => s.AddServiceLineAsync(id, v, new LineForm { Description = "Full service", Quantity = 1, UnitPrice = 10_000m }));
        var version = (await shop.EstimateAsync(id)).Version;

        var noReason = await shop.AsAsync(shop.Advisor, s => s.SetDiscountAsync(id, version, new DiscountForm { Type = DiscountType.Percentage, Value = 5 }));
        await shop.ChangeAsync(id, (s, v) => s.SetDiscountAsync(id, v, new DiscountForm { Type = DiscountType.Fixed, Value = 1000m, Reason = "Loyal customer" }));
        var withinLimit = await shop.EstimateAsync(id);
        var requested = await shop.ChangeAsync(id, (s, v) => s.SetDiscountAsync(id, v, new DiscountForm { Type = DiscountType.Percentage, Value = 15, Reason = "Late delivery" }));
        var waiting = await shop.EstimateAsync(id);
        var advisorTries = await shop.AsAsync(shop.Advisor, s => s.DecideDiscountAsync(id, waiting.Version, true));
        var notice = await shop.DbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == shop.ManagerId && n.ActionUrl == $"/workorders/{id}").ToListAsync());
        await shop.ChangeAsync(id, (s, v) => s.DecideDiscountAsync(id, v, true), shop.Manager);
        var approved = await shop.EstimateAsync(id);

        Assert.Contains("reason", MessagesAt(noReason.Result, nameof(DiscountForm.Reason)));
        Assert.Equal((1000m, 9000m * 1.18m), (withinLimit.Totals.Discount, withinLimit.Totals.Total)); // exactly 10%: within the limit
        Assert.Contains("needs a manager's approval", requested);
        Assert.True(waiting.Discount.AwaitingManager);
        Assert.Equal((0m, 11_800m), (waiting.Totals.Discount, waiting.Totals.Total)); // requested, not applied
        Assert.Contains("Only a manager", MessagesAt(advisorTries.Result, ""));
        Assert.Equal(NotificationType.EstimateApproval, Assert.Single(notice).Type);
        Assert.False(approved.Discount.AwaitingManager);
        Assert.Equal(("Maya Manager", 1500m, 10_030m), (approved.Discount.ApprovedBy, approved.Totals.Discount, approved.Totals.Total));
        var stored = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == id));
        Assert.Equal((shop.ManagerId, 1500m), (stored.DiscountApprovedById!.Value, stored.DiscountAmount));
        Assert.NotNull(stored.DiscountApprovedAt);
    }

    [DatabaseFact]
    public async Task The_second_advisor_saving_over_an_older_version_is_told_who_changed_the_work_order_and_when()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.ChangeAsync(id, (s, v) => s.AddServiceLineAsync(id, v, new LineForm { Description = "Battery test", Quantity = 1, UnitPrice = 300m }));
        var both = await shop.EstimateAsync(id); // two advisors open the page
        var line = both.Lines.Single();

        var first = await shop.AsAsync(shop.Advisor, s => s.UpdateLineAsync(id, both.Version, EstimateLineKind.Service, line.Id, new LineForm { Description = "Battery test", Quantity = 1, UnitPrice = 350m }));
        var second = await shop.AsAsync(shop.SecondAdvisor, s => s.UpdateLineAsync(id, both.Version, EstimateLineKind.Service, line.Id, new LineForm { Description = "Battery test", Quantity = 1, UnitPrice = 250m }));

        Assert.True(first.Succeeded);
        Assert.Matches(@"^This work order was changed by Arjun Advisor at \d\d:\d\d while you were editing\.", MessagesAt(second.Result, ""));
        Assert.Equal(350m, (await shop.EstimateAsync(id)).Lines.Single().UnitPrice);
    }

    [DatabaseFact]
    public async Task Fifty_parallel_issues_of_a_part_with_ten_on_hand_give_exactly_ten_and_the_ledger_adds_up()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.SetStockAsync(10);
        var parts = await shop.DbAsync(async db =>
        {
            var rows = Enumerable.Range(0, 50).Select(_ => new WorkOrderPart
            {
                DealerId = shop.DealerId, WorkOrderId = id, InventoryItemId = shop.OilFilter, Description = "Oil filter", Quantity = 1, UnitPrice = 450m,
                Subtotal = 450m, CustomerApproved = true, Source = PartSource.Inventory,
            }).ToList();
            db.WorkOrderParts.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        var before = await shop.DbAsync(db => db.StockMovements.Where(m => m.InventoryItemId == shop.OilFilter).SumAsync(m => m.Quantity));

        using var start = new SemaphoreSlim(0);
        var taps = parts.Select(partId => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await shop.AsAsync(shop.Advisor, s => s.IssuePartAsync(id, partId, 1, Guid.NewGuid()));
        })).ToList();
        start.Release(taps.Count);
        var results = await Task.WhenAll(taps);

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Matches("out of stock|Only \\d+ left", MessagesAt(r.Result, "quantity")));
        Assert.Equal(0, await shop.OnHandAsync());
        var ledger = await shop.DbAsync(db => db.StockMovements.Where(m => m.InventoryItemId == shop.OilFilter).SumAsync(m => m.Quantity));
        Assert.Equal(-10, ledger - before);
        Assert.Equal(10, await shop.DbAsync(db => db.WorkOrderParts.Where(p => p.WorkOrderId == id).SumAsync(p => p.IssuedQuantity)));
    }

    [DatabaseFact]
    public async Task Issuing_needs_an_approved_line_a_repeated_tap_moves_stock_once_and_a_return_puts_it_back()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.SetStockAsync(10);
        await shop.ChangeAsync(id, (s, v) => s.AddPartAsync(id, v, new PartForm { InventoryItemId = shop.OilFilter, Quantity = 3 }));
        var part = (await shop.EstimateAsync(id)).Lines.Single();

        var unapproved = await shop.AsAsync(shop.Advisor, s => s.IssuePartAsync(id, part.Id, 3, Guid.NewGuid()));
        await shop.ChangeAsync(id, (s, v) => s.RecordDecisionAsync(id, v, EstimateLineKind.Part, part.Id, Answer(ApprovalDecision.Approved)));
        var tap = Guid.NewGuid();
        var first = await shop.AsAsync(shop.Advisor, s => s.IssuePartAsync(id, part.Id, 3, tap));
        var repeat = await shop.AsAsync(shop.Advisor, s => s.IssuePartAsync(id, part.Id, 3, tap));
        var more = await shop.AsAsync(shop.Advisor, s => s.IssuePartAsync(id, part.Id, 1, Guid.NewGuid()));
        var version = (await shop.EstimateAsync(id)).Version;
        var remove = await shop.AsAsync(shop.Advisor, s => s.RemoveLineAsync(id, version, EstimateLineKind.Part, part.Id));
        var lower = await shop.AsAsync(shop.Advisor, s => s.UpdateLineAsync(id, version, EstimateLineKind.Part, part.Id, new LineForm { Description = part.Description, Quantity = 2, UnitPrice = part.UnitPrice }));
        var issued = await shop.OnHandAsync();
        var back = await shop.AsAsync(shop.Advisor, s => s.ReturnPartAsync(id, part.Id, 2, Guid.NewGuid()));
        var tooMany = await shop.AsAsync(shop.Advisor, s => s.ReturnPartAsync(id, part.Id, 2, Guid.NewGuid()));

        Assert.Contains("Only parts the customer approved", MessagesAt(unapproved.Result, "quantity"));
        Assert.True(first.Succeeded && repeat.Succeeded);
        Assert.Contains("3 of 3 already issued", MessagesAt(more.Result, "quantity"));
        Assert.Contains("return it first", MessagesAt(remove.Result, ""));
        Assert.Contains("3 already issued", MessagesAt(lower.Result, nameof(LineForm.Quantity)));
        Assert.Equal(7, issued);
        Assert.True(back.Succeeded);
        Assert.Contains("at most 1 can go back", MessagesAt(tooMany.Result, "quantity"));
        Assert.Equal(9, await shop.OnHandAsync());
        var movements = await shop.DbAsync(db => db.StockMovements.AsNoTracking().Where(m => m.WorkOrderPartId == part.Id).OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Equal([(StockMovementType.Issue, -3, 7), (StockMovementType.Return, 2, 9)], movements.Select(m => (m.Type, m.Quantity, m.QuantityAfter)));
        Assert.Equal(1, (await shop.EstimateAsync(id)).Lines.Single().IssuedQuantity);
    }

    [DatabaseFact]
    public async Task Red_and_yellow_findings_become_priced_lines_once_and_unmapped_ones_are_priced_by_hand()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        var (red, yellow, unmapped, green) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await shop.DbAsync(async db =>
        {
            var inspection = new WorkOrderInspection { DealerId = shop.DealerId, WorkOrderId = id, Name = "Multi-point inspection" };
            inspection.Items.AddRange(
            [
                new WorkOrderInspectionItem { Id = red, DealerId = shop.DealerId, Sequence = 1, Name = "Brake pads", Condition = InspectionCondition.Red, Notes = "2 mm left", CannedServiceId = shop.BrakeService },
                new WorkOrderInspectionItem { Id = yellow, DealerId = shop.DealerId, Sequence = 2, Name = "Engine oil", Condition = InspectionCondition.Yellow, LaborCatalogId = shop.OilDrain },
                new WorkOrderInspectionItem { Id = unmapped, DealerId = shop.DealerId, Sequence = 3, Name = "Wiper blades", Condition = InspectionCondition.Yellow, Notes = "Streaking" },
                new WorkOrderInspectionItem { Id = green, DealerId = shop.DealerId, Sequence = 4, Name = "Horn", Condition = InspectionCondition.Green },
            ]);
            db.WorkOrderInspections.Add(inspection);
            return await db.SaveChangesAsync();
        });
        var listed = await shop.EstimateAsync(id);

        var one = await shop.ChangeAsync(id, (s, v) => s.AddFindingAsync(id, v, red));
        var again = await shop.AsAsync(shop.Advisor, async s => await s.AddFindingAsync(id, (await s.EstimateAsync(id))!.Version, red));
        var stale = await shop.AsAsync(shop.SecondAdvisor, s => s.AddFindingAsync(id, listed.Version, red)); // a second advisor from the old page
        var unpriced = await shop.AsAsync(shop.Advisor, async s => await s.AddFindingAsync(id, (await s.EstimateAsync(id))!.Version, unmapped));
        var all = await shop.ChangeAsync(id, (s, v) => s.AddAllFindingsAsync(id, v));
        await shop.ChangeAsync(id, (s, v) => s.AddFindingAsync(id, v, unmapped, new LineForm { Description = "Replace wiper blades", Quantity = 1, UnitPrice = 650m }));
        var estimate = await shop.EstimateAsync(id);

        Assert.Equal(["Brake pads", "Engine oil", "Wiper blades"], listed.Findings.Select(f => f.Name));
        Assert.Equal(("Brake service", "Drain and refill oil"), (listed.Findings[0].MapsTo, listed.Findings[1].MapsTo));
        Assert.StartsWith("Brake pads: Added Brake service", one);
        Assert.Contains("already on the estimate", MessagesAt(again.Result, ""));
        Assert.Contains("was changed by", MessagesAt(stale.Result, ""));
        Assert.Contains("price it as a line", MessagesAt(unpriced.Result, ""));
        Assert.Equal("Added 1 finding to the estimate. 1 without a service still need a price.", all);
        Assert.Equal(["Brake service", "Drain and refill oil", "Replace wiper blades"], estimate.Services.Select(s => s.Description));
        Assert.All(estimate.Services, s => Assert.NotNull(s.InspectionItemId));
        Assert.All(estimate.Findings, f => Assert.True(f.OnEstimate));
        Assert.Equal(3750m, estimate.Totals.Subtotal); // 2,500 + 30 min at 1,200/h + 650

        // Removing the line makes the finding available again.
        await shop.ChangeAsync(id, (s, v) => s.RemoveLineAsync(id, v, EstimateLineKind.Service, estimate.Services.First().Id));
        Assert.False((await shop.EstimateAsync(id)).Findings.Single(f => f.ItemId == red).OnEstimate);
    }

    [DatabaseFact]
    public async Task Another_dealers_work_order_is_not_found_and_cannot_be_changed()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        var version = (await shop.EstimateAsync(id)).Version;

        var seen = await app.AsUserAsync<WorkOrderEstimateService, WorkOrderEstimate?>("advisor@d1.motortrace.test", s => s.EstimateAsync(id));
        var changed = await app.AsUserAsync<WorkOrderEstimateService, ServiceResult<string>>("advisor@d1.motortrace.test", s => s.AddCannedServiceAsync(id, version, shop.OilChange));
        var issued = await app.AsUserAsync<WorkOrderEstimateService, ServiceResult<Guid>>("advisor@d1.motortrace.test", s => s.IssuePartAsync(id, Guid.NewGuid(), 1, Guid.NewGuid()));

        Assert.Null(seen);
        Assert.Contains("no longer exists", MessagesAt(changed.Result, ""));
        Assert.Contains("no longer exists", MessagesAt(issued.Result, ""));
        Assert.Empty((await shop.EstimateAsync(id)).Lines);
    }

    [DatabaseFact]
    public async Task A_technician_is_assigned_to_a_labour_step_only_from_the_dealers_technicians()
    {
        var shop = await ShopAsync();
        var id = await shop.NewWorkOrderAsync();
        await shop.ChangeAsync(id, (s, v) => s.AddCannedServiceAsync(id, v, shop.OilChange));
        var estimate = await shop.EstimateAsync(id);
        var labor = estimate.Lines[0].Labor.Single();

        var stranger = await shop.AsAsync(shop.Advisor, s => s.AssignTechnicianAsync(id, estimate.Version, labor.Id, shop.ManagerId));
        var done = await shop.ChangeAsync(id, (s, v) => s.AssignTechnicianAsync(id, v, labor.Id, shop.TechnicianId));

        Assert.Contains("this dealer's technicians", MessagesAt(stranger.Result, "technician"));
        Assert.Equal("Drain and refill oil assigned to Tarun Technician.", done);
        Assert.Equal([new StaffChoice(shop.TechnicianId, "Tarun Technician")], estimate.Technicians);
        Assert.Equal("Tarun Technician", (await shop.EstimateAsync(id)).Lines[0].Labor.Single().Technician);
    }
}
