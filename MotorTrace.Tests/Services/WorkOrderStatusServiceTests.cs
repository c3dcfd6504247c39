using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteWorkOrderStatusServiceTests(SqliteFactory app) : WorkOrderStatusServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresWorkOrderStatusServiceTests(PostgresFactory app) : WorkOrderStatusServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// <see cref="WorkOrderStatusService"/>: every step of <see cref="WorkOrderFlow"/> as each of the six staff roles, the rules
/// on top of the flow (a reason to cancel, lines before sending, an approval before starting), the quality check, and
/// completion into the vehicle's service history.
/// </summary>
public abstract class WorkOrderStatusServiceTests(MotorTraceFactory app)
{
    public static TheoryData<string> StaffRoles => [.. Roles.Staff];

    [DatabaseTheory]
    [MemberData(nameof(StaffRoles))]
    public async Task Every_step_of_the_flow_succeeds_for_the_roles_it_names_and_is_refused_with_the_reason_for_the_others(string role)
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var user = shop.ByRole[role];
        var failures = new List<string>();

        foreach (var step in WorkOrderFlow.Steps)
        {
            var order = await shop.InsertAsync(step.From);
            var result = await ChangeAsync(shop, user, order, step.To, "Because the test says so");
            var after = await StatusOfAsync(shop, order.Id);
            if (step.Roles.Contains(role))
            {
                if (!result.Succeeded || after != step.To)
                    failures.Add($"{step.From} → {step.To} ({step.Action}) should succeed for {role}: {Messages(result)}");
            }
            else
            {
                var expected = WorkOrderFlow.WhyNot(step.From, step.To, [role])!;
                if (result.Succeeded || Messages(result) != expected || after != step.From)
                    failures.Add($"{step.From} → {step.To} ({step.Action}) should be refused for {role} with \"{expected}\", got \"{Messages(result)}\" and {after}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [DatabaseFact]
    public async Task A_step_the_flow_does_not_have_is_refused_with_where_the_work_order_can_go()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync(WorkOrderStatus.Open);

        var result = await ChangeAsync(shop, shop.Manager, order, WorkOrderStatus.Completed);

        Assert.Equal("A work order that is pending cannot become completed; from here it can go to estimate sent, cancelled.", Messages(result));
        Assert.Equal(WorkOrderStatus.Open, await StatusOfAsync(shop, order.Id));
    }

    [DatabaseFact]
    public async Task Each_step_is_recorded_in_the_history_with_who_when_and_why_and_the_workflow_step_follows()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync(WorkOrderStatus.Open);

        Assert.True((await ChangeAsync(shop, shop.Advisor, order, WorkOrderStatus.AwaitingApproval, "Sent by email")).Succeeded);
        var view = await shop.AsAsync<WorkOrderStatusService, WorkOrderStatusView?>(shop.Advisor, s => s.ViewAsync(order.Id));

        Assert.Equal(WorkOrderStatus.AwaitingApproval, view!.Status);
        var change = Assert.Single(view.History);
        Assert.Equal((WorkOrderStatus.Open, WorkOrderStatus.AwaitingApproval, "Test Advisor", "Sent by email"), (change.From, change.To, change.By, change.Note));
        Assert.Equal(["Back to editing", "Mark approved", "Cancel work order"], view.Next.Select(s => s.Action));
        Assert.Equal(WorkflowStep.Approval, await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == order.Id).Select(w => w.WorkflowStep).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Cancelling_needs_a_reason_and_without_one_nothing_changes()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync(WorkOrderStatus.InProgress);

        var refused = await ChangeAsync(shop, shop.Advisor, order, WorkOrderStatus.Cancelled, "  ");
        Assert.Equal("Give the reason for cancelling.", Messages(refused, WorkOrderStatusService.NoteField));
        Assert.Equal(WorkOrderStatus.InProgress, await StatusOfAsync(shop, order.Id));

        Assert.True((await ChangeAsync(shop, shop.Advisor, order, WorkOrderStatus.Cancelled, "Customer took the car elsewhere")).Succeeded);
        Assert.Equal("Customer took the car elsewhere",
            await shop.DbAsync(db => db.WorkOrderStatusChanges.Where(c => c.WorkOrderId == order.Id).Select(c => c.Note).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Sending_an_estimate_needs_a_line_and_starting_work_needs_an_approved_line()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var empty = await shop.InsertAsync(WorkOrderStatus.Open, lines: false);
        var unapproved = await shop.InsertAsync(WorkOrderStatus.Approved, approved: false);

        Assert.Equal("Add at least one line to the estimate before sending it.", Messages(await ChangeAsync(shop, shop.Advisor, empty, WorkOrderStatus.AwaitingApproval)));
        Assert.Equal("No line is approved by the customer yet: record an approval before starting work.",
            Messages(await ChangeAsync(shop, shop.Technician, unapproved, WorkOrderStatus.InProgress)));
        Assert.Equal(WorkOrderStatus.Open, await StatusOfAsync(shop, empty.Id));
        Assert.Equal(WorkOrderStatus.Approved, await StatusOfAsync(shop, unapproved.Id));
    }

    [DatabaseFact]
    public async Task A_step_from_a_stale_page_is_refused_naming_who_changed_the_work_order_and_when()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync(WorkOrderStatus.InProgress);
        var seen = order.Version;
        Assert.True((await ChangeAsync(shop, shop.Technician, order, WorkOrderStatus.WaitingForParts)).Succeeded);

        var stale = await shop.AsAsync<WorkOrderStatusService, ServiceResult>(shop.Advisor, s => s.ChangeAsync(order.Id, WorkOrderStatus.Cancelled, "Too late", seen));

        var updatedAt = await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == order.Id).Select(w => w.UpdatedAt).SingleAsync());
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(updatedAt, DateTimeKind.Utc), AppointmentScenario.Zone);
        Assert.Contains($"changed by Test Technician at {local:HH:mm}", Messages(stale));
        Assert.Equal(WorkOrderStatus.WaitingForParts, await StatusOfAsync(shop, order.Id));
    }

    [DatabaseFact]
    public async Task A_failed_quality_check_needs_rework_notes_records_the_inspector_and_sends_the_job_back()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync(WorkOrderStatus.QualityCheck);

        Assert.Equal("Write what must be reworked.", Messages(await ChangeAsync(shop, shop.Manager, order, WorkOrderStatus.InProgress), WorkOrderStatusService.NoteField));
        Assert.True((await ChangeAsync(shop, shop.Manager, order, WorkOrderStatus.InProgress, "Rear left wheel nut not torqued")).Succeeded);

        Assert.Equal(WorkOrderStatus.InProgress, await StatusOfAsync(shop, order.Id));
        var check = await shop.DbAsync(db => db.WorkOrderQcs.SingleAsync(q => q.WorkOrderId == order.Id));
        Assert.Equal((false, shop.Manager.UserId, "Rear left wheel nut not torqued"), (check.Passed, check.CheckedById, check.Notes));
        Assert.Equal(0, await shop.DbAsync(db => db.VehicleServiceHistories.CountAsync(h => h.WorkOrderId == order.Id)));
    }

    [DatabaseFact]
    public async Task A_passed_quality_check_completes_the_job_into_the_service_history_and_completes_the_matching_recommendation()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var (customerId, vehicleId) = await shop.NewCustomerAsync("Meera Iyer");
        var order = await shop.InsertAsync(WorkOrderStatus.QualityCheck, customerId: customerId, vehicleId: vehicleId, change: w =>
        {
            w.OdometerReading = 23_456;
            w.Services.Add(new MotorTrace.Data.Entities.WorkOrders.WorkOrderService
            {
                DealerId = shop.DealerId, CannedServiceId = shop.Shop.Brakes.Id, Description = "Brake inspection", Quantity = 1, UnitPrice = 1000.50m,
                Subtotal = 1000.50m, CustomerRejected = true,
            });
        });
        var oilRecommendation = new ServiceRecommendation
        {
            DealerId = shop.DealerId, VehicleId = vehicleId, CannedServiceId = shop.Shop.Oil.Id, Title = "Oil change", TriggeredAt = DateTime.UtcNow.AddDays(-30),
        };
        var brakeRecommendation = new ServiceRecommendation
        {
            DealerId = shop.DealerId, VehicleId = vehicleId, CannedServiceId = shop.Shop.Brakes.Id, Title = "Brake inspection", TriggeredAt = DateTime.UtcNow.AddDays(-30),
        };
        await shop.DbAsync(db => { db.ServiceRecommendations.AddRange(oilRecommendation, brakeRecommendation); return db.SaveChangesAsync(); });

        Assert.True((await ChangeAsync(shop, shop.Advisor, order, WorkOrderStatus.Completed, "Road-tested")).Succeeded);

        Assert.Equal(WorkOrderStatus.Completed, await StatusOfAsync(shop, order.Id));
        var check = await shop.DbAsync(db => db.WorkOrderQcs.SingleAsync(q => q.WorkOrderId == order.Id));
        Assert.Equal((true, shop.Advisor.UserId, "Road-tested"), (check.Passed, check.CheckedById, check.Notes));
        var history = await shop.DbAsync(db => db.VehicleServiceHistories.Where(h => h.VehicleId == vehicleId).ToListAsync());
        var row = Assert.Single(history); // the declined brake line is not history
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, AppointmentScenario.Zone));
        Assert.Equal(("Oil change", today, 23_456, 1000.20m, order.Id), (row.ServiceName, row.ServiceDate, row.ServiceMileage, row.Cost, row.WorkOrderId));
        var statuses = await shop.DbAsync(db => db.ServiceRecommendations.Where(r => r.VehicleId == vehicleId).ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal(RecommendationStatus.Completed, statuses[oilRecommendation.Id]);
        Assert.Equal(RecommendationStatus.Pending, statuses[brakeRecommendation.Id]);
        Assert.NotNull(await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == order.Id).Select(w => w.ClosedAt).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Another_dealers_work_order_cannot_be_seen_or_moved()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync(WorkOrderStatus.Open);
        const string otherDealersAdvisor = "advisor@d1.motortrace.test";

        var view = await app.AsUserAsync<WorkOrderStatusService, WorkOrderStatusView?>(otherDealersAdvisor, s => s.ViewAsync(order.Id));
        var result = await app.AsUserAsync<WorkOrderStatusService, ServiceResult>(otherDealersAdvisor,
            s => s.ChangeAsync(order.Id, WorkOrderStatus.Cancelled, "Not mine", order.Version));

        Assert.Null(view);
        Assert.Equal("This work order no longer exists.", Messages(result));
        Assert.Equal(WorkOrderStatus.Open, await StatusOfAsync(shop, order.Id));
    }

    private static Task<ServiceResult> ChangeAsync(WorkOrderScenario shop, SignedInUser user, WorkOrder order, WorkOrderStatus to, string? note = null) =>
        shop.AsAsync<WorkOrderStatusService, ServiceResult>(user, async s =>
        {
            var version = await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == order.Id).Select(w => w.Version).SingleAsync());
            return await s.ChangeAsync(order.Id, to, note, version);
        });

    private static Task<WorkOrderStatus> StatusOfAsync(WorkOrderScenario shop, Guid id) =>
        shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == id).Select(w => w.Status).SingleAsync());

    private static string Messages(ServiceResult result, string? field = null) =>
        string.Join(" | ", result.Errors.Where(e => field is null || e.Field == field).Select(e => e.Message));
}
