using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteWorkOrderHeaderServiceTests(SqliteFactory app) : WorkOrderHeaderServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresWorkOrderHeaderServiceTests(PostgresFactory app) : WorkOrderHeaderServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// <see cref="WorkOrderHeaderService"/>: a work order opened at the desk is numbered in the dealer's series, feeds the
/// vehicle's mileage by check-in's rules, is created once however often Create is tapped; its header is edited until it
/// is invoiced, and a stale save is refused naming who saved last.
/// </summary>
public abstract class WorkOrderHeaderServiceTests(MotorTraceFactory app)
{
    [DatabaseFact]
    public async Task A_walk_in_work_order_continues_the_dealers_series_and_records_its_header_and_the_odometer()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var (customerId, vehicleId) = await shop.NewCustomerAsync("Walk In Wanda", mileage: 40_000);
        var earlier = await shop.InsertAsync(change: w => w.WorkOrderNumber = $"WO-{shop.Shop.DealerCode}-{Random.Shared.Next(700_000, 799_999):000000}");
        var form = Form(customerId, vehicleId, 41_250);
        form.Source = JobSource.Phone;
        form.JobType = JobType.Repair;
        form.Priority = JobPriority.Urgent;
        form.Complaint = "  Rattle from the front  ";
        form.PromisedDate = new DateTime(2030, 3, 4);
        form.PromisedTime = new TimeSpan(17, 30, 0);
        form.WarrantyClaimNumber = "CLM-1";
        form.CampaignId = "RC-2030-01";
        form.InternalNotes = "Check the mount";
        form.AdvisorId = shop.Advisor.UserId;
        // The series starts afresh from the numbers on file (as for a dealer's first work order here).
        await shop.DbAsync(db => db.DealerSequences.Where(q => q.DealerId == shop.DealerId).ExecuteDeleteAsync());

        var first = await CreateAsync(shop, shop.Advisor, form);
        var second = await CreateAsync(shop, shop.Advisor, Form(customerId, vehicleId, 41_300));

        Assert.True(first.Succeeded, string.Join(" | ", first.Result.Errors));
        var numbers = await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == first.Value || w.Id == second.Value)
            .OrderBy(w => w.WorkOrderNumber).Select(w => w.WorkOrderNumber).ToListAsync());
        var last = int.Parse(earlier.WorkOrderNumber[^6..]);
        var highest = await shop.DbAsync(db => db.WorkOrders.Where(w => w.DealerId == shop.DealerId && w.Id != first.Value && w.Id != second.Value)
            .Select(w => w.WorkOrderNumber).ToListAsync());
        Assert.All(numbers, n => Assert.Matches($"^WO-{shop.Shop.DealerCode}-\\d{{6}}$", n));
        Assert.Equal(int.Parse(numbers[0][^6..]) + 1, int.Parse(numbers[1][^6..]));
        Assert.True(highest.All(n => string.CompareOrdinal(n, numbers[0]) < 0), "A new number continues after every number on file.");
        Assert.True(int.Parse(numbers[0][^6..]) > last);

        var order = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == first.Value));
        Assert.Equal((customerId, vehicleId, shop.Advisor.UserId, WorkOrderStatus.Open, JobSource.Phone, JobType.Repair, JobPriority.Urgent),
            (order.CustomerId, order.VehicleId, order.AdvisorId, order.Status, order.Source, order.JobType, order.Priority));
        Assert.Equal(("Rattle from the front", 41_250, "CLM-1", "RC-2030-01", "Check the mount"),
            (order.Complaint, order.OdometerReading, order.WarrantyClaimNumber, order.CampaignId, order.InternalNotes));
        Assert.Equal(AppointmentScenario.ToUtc(new DateTime(2030, 3, 4, 17, 30, 0)), order.PromisedAt);
        Assert.Equal(41_300, await shop.DbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == vehicleId).Select(m => m.CurrentMileage).SingleAsync()));
        Assert.Equal([1_250, 50], await shop.DbAsync(db => db.MileageEntries.Where(m => m.VehicleId == vehicleId).OrderBy(m => m.Mileage).Select(m => m.Distance ?? 0).ToListAsync()));
        Assert.Equal(WorkOrderStatus.Open, await shop.DbAsync(db => db.WorkOrderStatusChanges.Where(c => c.WorkOrderId == first.Value).Select(c => c.ToStatus).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Tapping_create_twice_with_the_same_form_creates_one_work_order()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var (customerId, vehicleId) = await shop.NewCustomerAsync("Double Tap");
        var form = Form(customerId, vehicleId, 10_100);

        var results = await Task.WhenAll(CreateAsync(shop, shop.Advisor, form), CreateAsync(shop, shop.Advisor, form));
        var again = await CreateAsync(shop, shop.Advisor, form);

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" | ", r.Result.Errors)));
        Assert.Equal(results[0].Value, results[1].Value);
        Assert.Equal(results[0].Value, again.Value);
        Assert.Equal(1, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.VehicleId == vehicleId)));
    }

    [DatabaseFact]
    public async Task A_lower_odometer_reading_is_refused_with_check_ins_message_and_nothing_is_saved()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var (customerId, vehicleId) = await shop.NewCustomerAsync("Low Reading", mileage: 50_000);

        var result = await CreateAsync(shop, shop.Advisor, Form(customerId, vehicleId, 49_999));

        Assert.Equal(MotorTrace.Web.Services.WorkOrders.WorkOrderService.LowerOdometer(new MotorTrace.Data.Entities.Vehicles.VehicleMileage { CurrentMileage = 50_000 }, 49_999),
            Messages(result.Result, nameof(WorkOrderHeaderForm.Odometer)));
        Assert.Contains("last recorded reading of this vehicle is 50,000 km", Messages(result.Result, nameof(WorkOrderHeaderForm.Odometer)));
        Assert.Equal(0, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.VehicleId == vehicleId)));
        Assert.Equal(50_000, await shop.DbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == vehicleId).Select(m => m.CurrentMileage).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Another_customers_vehicle_an_unknown_customer_and_a_half_promised_time_are_refused_at_their_fields()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var (customerId, _) = await shop.NewCustomerAsync("Owner One");
        var (_, otherVehicle) = await shop.NewCustomerAsync("Owner Two");

        var wrongCar = Form(customerId, otherVehicle, 10_500);
        wrongCar.PromisedDate = new DateTime(2030, 1, 1);
        var result = await CreateAsync(shop, shop.Advisor, wrongCar);
        var noCustomer = await CreateAsync(shop, shop.Advisor, Form(Guid.NewGuid(), otherVehicle, 10_500));

        Assert.Equal("Choose one of this customer's vehicles.", Messages(result.Result, nameof(WorkOrderHeaderForm.VehicleId)));
        Assert.Equal("Enter the time promised too.", Messages(result.Result, nameof(WorkOrderHeaderForm.PromisedTime)));
        Assert.Equal("Choose the customer.", Messages(noCustomer.Result, nameof(WorkOrderHeaderForm.CustomerId)));
        Assert.Equal(0, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.VehicleId == otherVehicle)));
    }

    [DatabaseFact]
    public async Task Only_advisors_managers_and_admins_open_work_orders_even_when_they_call_the_service()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var (customerId, vehicleId) = await shop.NewCustomerAsync("Role Check");

        foreach (var user in new[] { shop.Technician, shop.Parts, shop.Warranty })
        {
            var result = await CreateAsync(shop, user, Form(customerId, vehicleId, 10_100));
            Assert.Equal("Only service advisors and managers open and edit work orders.", Messages(result.Result));
        }
        Assert.True((await CreateAsync(shop, shop.Manager, Form(customerId, vehicleId, 10_100))).Succeeded);
        Assert.True((await CreateAsync(shop, shop.Admin, Form(customerId, vehicleId, 10_200))).Succeeded);
    }

    [DatabaseFact]
    public async Task A_stale_header_save_is_refused_naming_who_saved_and_when_and_the_first_save_stays()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync(WorkOrderStatus.InProgress);
        var advisorsForm = (await EditAsync(shop, shop.Advisor, order.Id))!.Form;
        var managersForm = (await EditAsync(shop, shop.Manager, order.Id))!.Form;

        managersForm.Complaint = "Noise at 80 km/h";
        Assert.True((await UpdateAsync(shop, shop.Manager, order.Id, managersForm)).Succeeded);
        advisorsForm.Complaint = "Noise when braking";
        var stale = await UpdateAsync(shop, shop.Advisor, order.Id, advisorsForm);

        var saved = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == order.Id));
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(saved.UpdatedAt, DateTimeKind.Utc), AppointmentScenario.Zone);
        Assert.Contains($"This work order was changed by Test Manager at {local:HH:mm}", Messages(stale));
        Assert.Contains("Your input is kept", Messages(stale));
        Assert.Equal("Noise at 80 km/h", saved.Complaint);
    }

    [DatabaseFact]
    public async Task The_header_is_editable_until_invoiced_and_an_unchanged_odometer_is_not_held_against_a_later_reading()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var (customerId, vehicleId) = await shop.NewCustomerAsync("Edit Me", mileage: 30_000);
        var created = await CreateAsync(shop, shop.Advisor, Form(customerId, vehicleId, 30_500));
        // A later visit raised the car's mileage; editing this work order's notes must still save.
        await shop.DbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == vehicleId).ExecuteUpdateAsync(m => m.SetProperty(x => x.CurrentMileage, 35_000)));

        var form = (await EditAsync(shop, shop.Advisor, created.Value))!.Form;
        form.CustomerNotes = "Call before 5 pm";
        Assert.True((await UpdateAsync(shop, shop.Advisor, created.Value, form)).Succeeded);
        form = (await EditAsync(shop, shop.Advisor, created.Value))!.Form;
        form.Odometer = 30_600;
        Assert.Contains("higher than 30,600 km", Messages(await UpdateAsync(shop, shop.Advisor, created.Value, form), nameof(WorkOrderHeaderForm.Odometer)));

        var invoiced = await shop.InsertAsync(WorkOrderStatus.Invoiced);
        var invoicedForm = (await EditAsync(shop, shop.Advisor, invoiced.Id))!;
        Assert.False(invoicedForm.IsEditable);
        Assert.Equal("A work order that is invoiced can no longer be changed.", Messages(await UpdateAsync(shop, shop.Advisor, invoiced.Id, invoicedForm.Form)));
        Assert.Equal("Call before 5 pm", await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == created.Value).Select(w => w.CustomerNotes).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Another_dealers_work_order_cannot_be_opened_for_editing()
    {
        var shop = await WorkOrderScenario.ForAsync(app);
        var order = await shop.InsertAsync();

        Assert.Null(await app.AsUserAsync<WorkOrderHeaderService, WorkOrderHeaderEdit?>("advisor@d1.motortrace.test", s => s.EditAsync(order.Id)));
    }

    private static WorkOrderHeaderForm Form(Guid customerId, Guid vehicleId, int odometer) =>
        new() { CustomerId = customerId, VehicleId = vehicleId, Odometer = odometer, Complaint = "Check engine light" };

    private static Task<ServiceResult<Guid>> CreateAsync(WorkOrderScenario shop, SignedInUser user, WorkOrderHeaderForm form) =>
        shop.AsAsync<WorkOrderHeaderService, ServiceResult<Guid>>(user, s => s.CreateAsync(form));

    private static Task<WorkOrderHeaderEdit?> EditAsync(WorkOrderScenario shop, SignedInUser user, Guid id) =>
        shop.AsAsync<WorkOrderHeaderService, WorkOrderHeaderEdit?>(user, s => s.EditAsync(id));

    private static Task<ServiceResult> UpdateAsync(WorkOrderScenario shop, SignedInUser user, Guid id, WorkOrderHeaderForm form) =>
        shop.AsAsync<WorkOrderHeaderService, ServiceResult>(user, s => s.UpdateAsync(id, form));

    private static string Messages(ServiceResult result, string? field = null) =>
        string.Join(" | ", result.Errors.Where(e => field is null || e.Field == field).Select(e => e.Message));
}
