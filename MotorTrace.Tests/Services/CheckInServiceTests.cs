using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Numbering;
using MotorTrace.Web.Services.WorkOrders;
using WorkOrderService = MotorTrace.Web.Services.WorkOrders.WorkOrderService;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteCheckInServiceTests(SqliteFactory app) : CheckInServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresCheckInServiceTests(PostgresFactory app) : CheckInServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Check-in on <see cref="WorkOrderService"/>: one work order per appointment, numbered per dealer in the one format,
/// with the booking's services, odometer and complaint; the read-only work order page shows it (prerendered GET).
/// </summary>
public abstract partial class CheckInServiceTests(MotorTraceFactory app)
{
    [DatabaseFact]
    public async Task Check_in_opens_one_numbered_work_order_with_the_services_copied_and_moves_the_appointment_on()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), AppointmentStatus.Confirmed, notes: "Brakes squeal");

        var checkInPage = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}/check-in");
        Assert.Equal("Brakes squeal", checkInPage.QuerySelector("textarea")!.TextContent.Trim());
        var result = await CheckInAsync(shop, shop.Advisor, id, 12345, "Brakes squeal when cold");

        Assert.True(result.Succeeded, string.Join(" | ", result.Result.Errors));
        var order = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().Include(w => w.Services).SingleAsync(w => w.AppointmentId == id));
        Assert.Equal(result.Value, order.Id);
        Assert.Matches($"^WO-{shop.DealerCode}-\\d{{6}}$", order.WorkOrderNumber);
        Assert.Equal((shop.CustomerId, shop.VehicleId, shop.Advisor.UserId), (order.CustomerId, order.VehicleId, order.AdvisorId));
        Assert.Equal((WorkOrderStatus.Open, JobSource.Appointment, 12345, "Brakes squeal when cold"),
            (order.Status, order.Source, order.OdometerReading, order.Complaint));
        Assert.True(app.Clock.GetUtcNow().UtcDateTime - order.OpenedAt < TimeSpan.FromMinutes(1));
        Assert.Equal(
            [("Brake inspection", 1, 950m, 950m), ("Oil change", 2, 500m, 1000m)],
            order.Services.OrderBy(s => s.Description).Select(s => (s.Description, s.Quantity, s.UnitPrice, s.Subtotal)));
        Assert.Equal((1950m, 1950m), (order.EstimatedTotal, order.TotalAmount));

        Assert.Equal(AppointmentStatus.InProgress, await shop.StatusAsync(id));
        Assert.Equal(AppointmentStatus.InProgress, await shop.DbAsync(db => db.AppointmentStatusChanges.Where(c => c.AppointmentId == id).Select(c => c.ToStatus).SingleAsync()));
        Assert.Equal(12345, await shop.DbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == shop.VehicleId).Select(m => m.CurrentMileage).SingleAsync()));

        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/workorders/{order.Id}");
        Assert.Contains(order.WorkOrderNumber, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/appointments/{id}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/customers/{shop.CustomerId}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/vehicles/{shop.VehicleId}']"));
        Assert.Contains("12,345 km", page.Body!.TextContent);
        Assert.Contains("INR 1,950.00", page.QuerySelector("[data-testid='work-order-subtotal']")!.TextContent);

        var technicianView = await Forms.GetPageAsync(shop.Technician.Client, $"/workorders/{order.Id}");
        Assert.Empty(technicianView.QuerySelectorAll("a[href^='/customers/'], a[href^='/vehicles/']"));
    }

    [DatabaseFact]
    public async Task The_work_order_totals_are_computed_from_its_lines_whatever_total_is_stored()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var order = new WorkOrder
        {
            DealerId = shop.DealerId, WorkOrderNumber = $"WO-{shop.DealerCode}-9{Random.Shared.Next(10_000, 99_999)}", CustomerId = shop.CustomerId,
            VehicleId = shop.VehicleId, Status = WorkOrderStatus.InProgress, OpenedAt = DateTime.UtcNow, EstimatedTotal = 99m, TotalAmount = 12_345m,
        };
        order.Services.Add(new MotorTrace.Data.Entities.WorkOrders.WorkOrderService { DealerId = shop.DealerId, Description = "Oil change", Quantity = 2, UnitPrice = 500m, Subtotal = 1000m });
        order.Parts.Add(new WorkOrderPart { DealerId = shop.DealerId, Description = "Oil filter", Quantity = 1, UnitPrice = 250.50m, Subtotal = 250.50m });
        await shop.DbAsync(db => { db.WorkOrders.Add(order); return db.SaveChangesAsync(); });

        var estimate = await shop.AsAsync<WorkOrderEstimateService, WorkOrderEstimate?>(shop.Advisor, s => s.EstimateAsync(order.Id));

        Assert.Equal((1250.50m, 225.09m, 1475.59m), (estimate!.Totals.Subtotal, estimate.Totals.Tax, estimate.Totals.Total)); // the dealer's 18% tax
        Assert.Equal([EstimateLineKind.Service, EstimateLineKind.Part], estimate.Lines.Select(l => l.Kind));
        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/workorders/{order.Id}");
        Assert.Contains("INR 1,250.50", page.QuerySelector("[data-testid='work-order-subtotal']")!.TextContent);
        Assert.Contains("INR 1,475.59", page.QuerySelector("[data-testid='work-order-total']")!.TextContent);
    }

    [DatabaseFact]
    public async Task A_second_check_in_is_refused_naming_the_existing_work_order()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));
        var version = await shop.VersionAsync(id); // two desks open the form before either saves

        var first = await CheckInAsync(shop, shop.Advisor, id, 11000, version: version);
        var again = await CheckInAsync(shop, shop.Manager, id, 11000, version: version);

        Assert.True(first.Succeeded);
        var number = await shop.DbAsync(db => db.WorkOrders.Where(w => w.AppointmentId == id).Select(w => w.WorkOrderNumber).SingleAsync());
        Assert.Contains($"already checked in as work order {number}", AppointmentScenario.MessagesAt(again.Result, ""));
        Assert.Equal(1, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.DealerId == shop.DealerId)));
    }

    [DatabaseFact]
    public async Task A_lower_odometer_reading_is_refused_at_the_odometer_and_nothing_is_saved()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));

        var result = await CheckInAsync(shop, shop.Advisor, id, AppointmentScenario.StartingMileage - 1);

        Assert.Contains("last recorded reading of this vehicle is 10,000 km", AppointmentScenario.MessagesAt(result.Result, nameof(CheckInForm.Odometer)));
        Assert.Equal(0, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.AppointmentId == id)));
        Assert.Equal(AppointmentStatus.Pending, await shop.StatusAsync(id));
        Assert.Equal(AppointmentScenario.StartingMileage, await shop.DbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == shop.VehicleId).Select(m => m.CurrentMileage).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Check_in_is_refused_on_another_day_and_for_a_cancelled_appointment_and_the_pages_say_why()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var tomorrow = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow.Date.AddDays(1).AddHours(10)));
        var cancelled = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), AppointmentStatus.Cancelled);

        foreach (var (id, reason) in new[] { (tomorrow, "Check-in opens on the day of the appointment"), (cancelled, "this one is cancelled") })
        {
            var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}/check-in");
            Assert.Contains(reason, page.Body!.TextContent);
            Assert.Empty(page.QuerySelectorAll("form"));
            var result = await CheckInAsync(shop, shop.Advisor, id, 20000);
            Assert.Contains(reason, AppointmentScenario.MessagesAt(result.Result, ""));
        }
        Assert.Equal(0, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.DealerId == shop.DealerId)));
    }

    [DatabaseFact]
    public async Task A_new_series_continues_after_work_orders_already_on_file()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        await shop.DbAsync(async db =>
        {
            await db.DealerSequences.Where(s => s.DealerId == shop.DealerId && s.Name == NumberingService.WorkOrders).ExecuteDeleteAsync();
            db.WorkOrders.Add(new WorkOrder
            {
                DealerId = shop.DealerId, WorkOrderNumber = $"WO-{shop.DealerCode}-000041", CustomerId = shop.CustomerId, VehicleId = shop.VehicleId,
                Status = WorkOrderStatus.Closed, OpenedAt = DateTime.UtcNow.AddYears(-1),
            });
            return await db.SaveChangesAsync();
        });
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));

        Assert.True((await CheckInAsync(shop, shop.Advisor, id, 10100)).Succeeded);

        Assert.Equal($"WO-{shop.DealerCode}-000042", await shop.DbAsync(db => db.WorkOrders.Where(w => w.AppointmentId == id).Select(w => w.WorkOrderNumber).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Numbers_taken_at_the_same_moment_are_all_different_and_follow_on_from_each_other()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        const string series = "ConcurrencyProbe";

        var numbers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MotorTraceDbContext>>().CreateDbContextAsync();
            return await scope.ServiceProvider.GetRequiredService<NumberingService>().NextAsync(db, shop.DealerId, series);
        })));

        Assert.Equal(24, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 24).Select(n => (long)n), numbers.Order());
        Assert.Equal(25, await shop.DbAsync(db => db.DealerSequences.Where(s => s.DealerId == shop.DealerId && s.Name == series).Select(s => s.NextValue).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Two_desks_checking_in_two_cars_at_the_same_moment_get_different_work_order_numbers()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var first = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), withServices: false);
        var second = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), withServices: false);

        var results = await Task.WhenAll(
            CheckInAsync(shop, shop.Advisor, first, 15000),
            CheckInAsync(shop, shop.Manager, second, 15000));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" | ", r.Result.Errors)));
        var numbers = await shop.DbAsync(db => db.WorkOrders.Where(w => w.DealerId == shop.DealerId).Select(w => w.WorkOrderNumber).ToListAsync());
        Assert.Equal(2, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(WorkOrderNumber(), n));
    }

    [DatabaseFact]
    public async Task Another_dealers_appointment_and_work_order_answer_404_on_every_page()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));
        var order = (await CheckInAsync(shop, shop.Advisor, id, 10500)).Value;
        var otherDealer = await app.UserAsync("manager@d2.motortrace.test");

        foreach (var path in new[] { $"/appointments/{id}", $"/appointments/{id}/edit", $"/appointments/{id}/check-in", $"/workorders/{order}",
                     $"/appointments/new?vehicleId={shop.VehicleId}", $"/appointments/new?customerId={shop.CustomerId}", $"/workorders/{Guid.NewGuid()}" })
        {
            using var response = await otherDealer.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} to another dealer's manager.");
        }
        Assert.Null(await app.AsUserAsync<WorkOrderService, WorkOrderDetail?>("manager@d2.motortrace.test", s => s.DetailAsync(order)));
    }

    private static async Task<ServiceResult<Guid>> CheckInAsync(AppointmentScenario shop, SignedInUser user, Guid id, int odometer, string? complaint = null, Guid? version = null)
    {
        var form = new CheckInForm { Odometer = odometer, Complaint = complaint, Version = version ?? await shop.VersionAsync(id) };
        return await shop.AsAsync<WorkOrderService, ServiceResult<Guid>>(user, s => s.CheckInAsync(id, form));
    }

    [GeneratedRegex(@"^WO-D\d{3}-\d{6}$")]
    private static partial Regex WorkOrderNumber();
}
