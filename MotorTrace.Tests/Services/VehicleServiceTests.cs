using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Integration")]
public sealed class SqliteVehicleServiceTests(SqliteFactory app) : VehicleServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresVehicleServiceTests(PostgresFactory app) : VehicleServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The rules of the vehicle pages (issue 3), proven at the services the pages call, acting as demo users over a real
/// database: VIN rules, plate normalisation, concurrency, the mileage rule with the manager's odometer correction,
/// history, expenses, recommendations, transfer, profile and tenancy.
/// </summary>
public abstract class VehicleServiceTests(MotorTraceFactory app)
{
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string Manager = "manager@d1.motortrace.test";

    private readonly VehicleTestData _data = new(app);

    private static VehicleForm Form(string vin, string? plate = null) => new()
    {
        Vin = vin, LicensePlate = plate, Make = "Skoda", Model = "Kushaq", Year = 2023, Color = "Candy White", Status = VehicleStatus.Active,
    };

    private Task<T> As<TService, T>(string email, Func<TService, Task<T>> work, string? dealerCode = null) where TService : notnull =>
        app.AsUserAsync(email, work, dealerCode);

    private Task<Guid> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> VehiclesWithVinAsync(string vin) => app.WithDbAsync(db => db.Vehicles.CountAsync(v => v.Vin == vin));

    private static string Messages(ServiceResult result, string field) =>
        string.Join(" | ", result.Errors.Where(e => e.Field == field).Select(e => e.Message));

    // ---- Create and edit: VIN rules, plate, concurrency ----

    [DatabaseTheory]
    [InlineData("WVWZZZ1JZ", "A VIN has 17 characters; this one has 9.")]
    [InlineData("WVWZZZ1JZXW00000123", "A VIN has 17 characters; this one has 19.")]
    [InlineData("WVWZZZ1JZXW0O0001", "A VIN never contains the letters I, O or Q")]
    [InlineData("WVWZZZ1JZXW0I0001", "A VIN never contains the letters I, O or Q")]
    [InlineData("WVWZZZ1JZXW0Q0001", "A VIN never contains the letters I, O or Q")]
    public async Task A_malformed_vin_is_refused_at_the_vin_field_and_nothing_is_saved(string vin, string message)
    {
        var customer = await _data.CustomerAsync();

        var result = await As<VehicleService, ServiceResult<Guid>>(Advisor, s => s.CreateConfirmedAsync(customer.Id, Form(vin)));

        Assert.Contains(message, Messages(result.Result, nameof(VehicleForm.Vin)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Vehicles.CountAsync(v => v.CustomerId == customer.Id)));
    }

    [DatabaseFact]
    public async Task A_vin_already_registered_at_the_same_dealer_is_refused_naming_the_other_vehicle()
    {
        var owner = await _data.CustomerAsync(name: "Asha Rao");
        var existing = await _data.VehicleAsync(owner, plate: "MH 12 AB 1234");
        var customer = await _data.CustomerAsync();

        var check = await As<VehicleService, VinCheck>(Advisor, s => s.CheckVinAsync(existing.Vin.ToLowerInvariant()));
        var result = await As<VehicleService, ServiceResult<Guid>>(Advisor, s => s.CreateConfirmedAsync(customer.Id, Form(existing.Vin.ToLowerInvariant())));

        Assert.Equal("Asha Rao's 2022 Volkswagen Virtus (MH 12 AB 1234)", check.Duplicate?.Description);
        Assert.Contains("already registered here, on Asha Rao's 2022 Volkswagen Virtus (MH 12 AB 1234)", Messages(result.Result, nameof(VehicleForm.Vin)));
        Assert.Equal(1, await VehiclesWithVinAsync(existing.Vin));
    }

    [DatabaseFact]
    public async Task The_same_vin_at_another_dealer_is_allowed()
    {
        var atDealerTwo = await _data.VehicleOfNewCustomerAsync(dealer: 2);
        var customer = await _data.CustomerAsync(dealer: 1);

        var result = await As<VehicleService, ServiceResult<Guid>>(Advisor, s => s.CreateConfirmedAsync(customer.Id, Form(atDealerTwo.Vin)));

        Assert.True(result.Succeeded);
        Assert.Equal(2, await VehiclesWithVinAsync(atDealerTwo.Vin));
        Assert.Equal(1, await app.WithDbAsync(db => db.Vehicles.CountAsync(v => v.CustomerId == customer.Id && v.Vin == atDealerTwo.Vin)));
    }

    [DatabaseFact]
    public async Task A_north_american_vin_with_a_wrong_check_digit_is_warned_about_and_saves_once_the_advisor_confirms()
    {
        var vin = VehicleTestData.NewNorthAmericanVin(rightCheckDigit: false);
        var customer = await _data.CustomerAsync();

        var check = await As<VehicleService, VinCheck>(Advisor, s => s.CheckVinAsync(vin));
        var unconfirmed = await As<VehicleService, ServiceResult<Guid>>(Advisor, s => s.CreateConfirmedAsync(customer.Id, Form(vin)));

        Assert.Contains($"should be '{VinRules.CheckDigit(vin)}'", check.Warning);
        Assert.True(check.IsValid);
        Assert.Contains("tick the box to confirm it as typed", Messages(unconfirmed.Result, nameof(VehicleForm.VinWarningConfirmed)));
        Assert.Equal(0, await VehiclesWithVinAsync(vin));

        var form = Form(vin);
        form.VinWarningConfirmed = true;
        var confirmed = await As<VehicleService, ServiceResult<Guid>>(Advisor, s => s.CreateConfirmedAsync(customer.Id, form));

        Assert.True(confirmed.Succeeded);
        Assert.Equal(1, await VehiclesWithVinAsync(vin));
    }

    [DatabaseFact]
    public async Task A_north_american_vin_with_the_right_check_digit_saves_without_a_warning()
    {
        var vin = VehicleTestData.NewNorthAmericanVin(rightCheckDigit: true);
        var customer = await _data.CustomerAsync();

        var check = await As<VehicleService, VinCheck>(Advisor, s => s.CheckVinAsync(vin));
        var result = await As<VehicleService, ServiceResult<Guid>>(Advisor, s => s.CreateConfirmedAsync(customer.Id, Form(vin)));

        Assert.Null(check.Warning);
        Assert.True(result.Succeeded);
        Assert.Equal(1, await VehiclesWithVinAsync(vin));
    }

    [DatabaseFact]
    public async Task The_licence_plate_is_stored_upper_case_with_single_spaces_and_its_search_key_compact()
    {
        var vin = VehicleTestData.NewVin();
        var customer = await _data.CustomerAsync();

        var result = await As<VehicleService, ServiceResult<Guid>>(Advisor, s => s.CreateConfirmedAsync(customer.Id, Form(vin, plate: "  mh-12   ab 1234 ")));

        var stored = await app.WithDbAsync(db => db.Vehicles.Where(v => v.Vin == vin).Select(v => new { v.LicensePlate, v.LicensePlateNormalized, v.Id }).SingleAsync());
        Assert.Equal(stored.Id, result.Value);
        Assert.Equal("MH 12 AB 1234", stored.LicensePlate);
        Assert.Equal("MH12AB1234", stored.LicensePlateNormalized);
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_looking_at_all_dealers_is_asked_to_choose_a_dealer_before_adding_a_vehicle()
    {
        var vin = VehicleTestData.NewVin();
        var customer = await _data.CustomerAsync();

        var result = await As<VehicleService, ServiceResult<Guid>>("network@motortrace.test", s => s.CreateConfirmedAsync(customer.Id, Form(vin)));

        Assert.Contains("Choose a dealer in the header first", Messages(result.Result, ""));
        Assert.Equal(0, await VehiclesWithVinAsync(vin));
    }

    [DatabaseFact]
    public async Task Saving_an_edit_loaded_before_someone_elses_change_is_refused_naming_who_changed_it_and_when()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var mine = (await As<VehicleService, VehicleHeader?>(Advisor, s => s.GetHeaderAsync(vehicle.Id)))!.ToForm();
        var theirs = (await As<VehicleService, VehicleHeader?>(Manager, s => s.GetHeaderAsync(vehicle.Id)))!.ToForm();
        theirs.Color = "Changed elsewhere";
        Assert.True((await As<VehicleService, ServiceResult>(Manager, s => s.UpdateAsync(vehicle.Id, theirs))).Succeeded);

        mine.Color = "Mine";
        var result = await As<VehicleService, ServiceResult>(Advisor, s => s.UpdateAsync(vehicle.Id, mine));

        var changedAt = await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.UpdatedAt).SingleAsync());
        var zone = await app.WithDbAsync(db => db.Dealers.Where(d => d.Id == vehicle.DealerId).Select(d => d.TimeZoneId).SingleAsync());
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(changedAt, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Contains($"changed by Maria Manager at {local:HH:mm}", Messages(result, ""));
        Assert.Equal("Mine", mine.Color);
        Assert.Equal("Changed elsewhere", await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.Color).SingleAsync()));
    }

    [DatabaseFact]
    public async Task An_edit_with_the_current_version_saves_the_changes()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var form = (await As<VehicleService, VehicleHeader?>(Advisor, s => s.GetHeaderAsync(vehicle.Id)))!.ToForm();
        form.Status = VehicleStatus.Sold;
        form.Make = "Skoda";

        var result = await As<VehicleService, ServiceResult>(Advisor, s => s.UpdateAsync(vehicle.Id, form));

        Assert.True(result.Succeeded);
        var stored = await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => new { v.Status, v.Make, v.Version }).SingleAsync());
        Assert.Equal((VehicleStatus.Sold, "Skoda"), (stored.Status, stored.Make));
        Assert.NotEqual(vehicle.Version, stored.Version);
    }

    // ---- Mileage ----

    private static MileageEntryForm Reading(int km, decimal? fuel = null, bool correction = false) =>
        new() { Mileage = km, FuelUsed = fuel, IsOdometerCorrection = correction };

    [DatabaseFact]
    public async Task A_reading_lower_than_the_last_one_is_refused_for_an_advisor_with_the_last_reading_named_even_marked_as_a_correction()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);

        var plain = await As<VehicleMileageService, ServiceResult>(Advisor, s => s.AddAsync(vehicle.Id, Reading(44_000), mayApproveCorrection: false));
        var forged = await As<VehicleMileageService, ServiceResult>(Advisor, s => s.AddAsync(vehicle.Id, Reading(44_000, correction: true), mayApproveCorrection: false));

        foreach (var result in new[] { plain, forged })
        {
            var message = Messages(result, nameof(MileageEntryForm.Mileage));
            Assert.Contains("The last reading was 45,210 km on", message);
            Assert.Contains("a lower reading needs a manager's odometer correction", message);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.MileageEntries.CountAsync(e => e.VehicleId == vehicle.Id)));
        Assert.Equal(45_210, await app.WithDbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == vehicle.Id).Select(m => m.CurrentMileage).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_manager_records_a_lower_reading_only_as_an_odometer_correction_flagged_with_their_approval()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);

        var unmarked = await As<VehicleMileageService, ServiceResult>(Manager, s => s.AddAsync(vehicle.Id, Reading(44_000), mayApproveCorrection: true));
        Assert.Contains("Tick “Odometer correction”", Messages(unmarked, nameof(MileageEntryForm.Mileage)));
        Assert.Equal(0, await app.WithDbAsync(db => db.MileageEntries.CountAsync(e => e.VehicleId == vehicle.Id)));

        var marked = await As<VehicleMileageService, ServiceResult>(Manager, s => s.AddAsync(vehicle.Id, Reading(44_000, correction: true), mayApproveCorrection: true));

        Assert.True(marked.Succeeded);
        var entry = await app.WithDbAsync(db => db.MileageEntries.SingleAsync(e => e.VehicleId == vehicle.Id));
        Assert.True(entry.IsOdometerCorrection);
        Assert.Equal(await UserIdAsync(Manager), entry.CorrectionApprovedById);
        Assert.Null(entry.Distance);
        Assert.Equal(44_000, await app.WithDbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == vehicle.Id).Select(m => m.CurrentMileage).SingleAsync()));
        var log = await As<VehicleMileageService, GridResult<MileageEntryRow>>(Manager, s => s.ListAsync(vehicle.Id, new GridQuery()));
        Assert.Equal("Maria Manager", Assert.Single(log.Items).CorrectionApprovedBy);
    }

    [DatabaseFact]
    public async Task A_correction_that_is_not_lower_than_the_last_reading_is_refused()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);

        var result = await As<VehicleMileageService, ServiceResult>(Manager, s => s.AddAsync(vehicle.Id, Reading(46_000, correction: true), mayApproveCorrection: true));

        Assert.Contains("not a correction", Messages(result, nameof(MileageEntryForm.IsOdometerCorrection)));
        Assert.Equal(0, await app.WithDbAsync(db => db.MileageEntries.CountAsync(e => e.VehicleId == vehicle.Id)));
    }

    [DatabaseFact]
    public async Task A_reading_computes_distance_from_the_last_one_and_efficiency_and_updates_the_running_totals()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);

        var result = await As<VehicleMileageService, ServiceResult>(Advisor, s => s.AddAsync(vehicle.Id, Reading(45_830, fuel: 41.2m), mayApproveCorrection: false));

        Assert.True(result.Succeeded);
        var entry = await app.WithDbAsync(db => db.MileageEntries.SingleAsync(e => e.VehicleId == vehicle.Id));
        Assert.Equal((620, 41.2m, 15.049m, false), (entry.Distance, entry.FuelUsed, entry.Efficiency, entry.IsOdometerCorrection));
        Assert.Equal(await UserIdAsync(Advisor), entry.RecordedById);
        var totals = await app.WithDbAsync(db => db.VehicleMileages.SingleAsync(m => m.VehicleId == vehicle.Id));
        Assert.Equal((45_830, 620, 41.2m, 15.049m), (totals.CurrentMileage, totals.TotalDistance, totals.TotalFuelUsed, totals.AverageEfficiency));
        var summary = await As<VehicleMileageService, MileageSummary>(Advisor, s => s.GetSummaryAsync(vehicle.Id));
        Assert.Equal((45_830, 1), (summary.Last?.Mileage, summary.Entries));
        Assert.Equal("15.05 km/L", VehicleDisplay.Efficiency(summary.AverageEfficiency));
    }

    // ---- Service history ----

    [DatabaseFact]
    public async Task Service_history_lists_history_rows_and_finished_work_orders_without_one_each_once()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recorded = await _data.WorkOrderAsync(vehicle, WorkOrderStatus.Closed, "Periodic maintenance");
        await _data.HistoryAsync(vehicle, recorded, "15,000 km periodic maintenance", 4200m);
        await _data.HistoryAsync(vehicle, recorded, "Engine oil and filter change", 2290m);
        var unrecorded = await _data.WorkOrderAsync(vehicle, WorkOrderStatus.Invoiced, "Front stabiliser link replacement");
        var inProgress = await _data.WorkOrderAsync(vehicle, WorkOrderStatus.InProgress, "Clutch replacement");
        await _data.HistoryAsync(vehicle, null, "Four new tyres", 24800m);

        var rows = (await As<VehicleHistoryService, GridResult<ServiceHistoryRow>>(Advisor, s => s.ListAsync(vehicle.Id, new GridQuery()))).Items;

        Assert.Equal(4, rows.Count);
        Assert.Equal(2, rows.Count(r => r.WorkOrderNumber == recorded.WorkOrderNumber));
        Assert.Single(rows, r => r.WorkOrderNumber == unrecorded.WorkOrderNumber && r.ServiceName.Contains("Front stabiliser link replacement"));
        Assert.DoesNotContain(rows, r => r.WorkOrderNumber == inProgress.WorkOrderNumber);
        Assert.Single(rows, r => r.ServiceName == "Four new tyres" && r.IsExternal);
    }

    [DatabaseFact]
    public async Task A_service_done_elsewhere_is_added_to_the_history_without_a_work_order_and_can_be_removed()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var form = new ExternalServiceForm
        {
            ServiceDate = DateTime.UtcNow.AddDays(-10), ServiceType = "Tyres", ServiceName = "Four new tyres 205/55 R16", Mileage = 41000,
            Provider = "Apollo Tyres, Baner", Cost = 24800m,
        };

        var result = await As<VehicleHistoryService, ServiceResult>(Advisor, s => s.AddExternalAsync(vehicle.Id, form));

        Assert.True(result.Succeeded);
        var row = await app.WithDbAsync(db => db.VehicleServiceHistories.SingleAsync(h => h.VehicleId == vehicle.Id));
        Assert.Equal((null, "Four new tyres 205/55 R16", "Apollo Tyres, Baner", 24800m, 41000), (row.WorkOrderId, row.ServiceName, row.Provider, row.Cost, row.ServiceMileage));

        Assert.True(await As<VehicleHistoryService, bool?>(Advisor, s => s.DeleteExternalAsync(vehicle.Id, row.Id)));
        Assert.False(await app.WithDbAsync(db => db.VehicleServiceHistories.AnyAsync(h => h.Id == row.Id)));
    }

    [DatabaseFact]
    public async Task A_service_in_the_future_is_refused_and_a_work_orders_history_row_cannot_be_removed()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var workOrder = await _data.WorkOrderAsync(vehicle, WorkOrderStatus.Closed, "Periodic maintenance");
        var fromWorkOrder = await _data.HistoryAsync(vehicle, workOrder, "Periodic maintenance", 4200m);
        var future = new ExternalServiceForm { ServiceDate = DateTime.UtcNow.AddDays(3), ServiceType = "Tyres", ServiceName = "Tyres", Provider = "Apollo" };

        var refused = await As<VehicleHistoryService, ServiceResult>(Advisor, s => s.AddExternalAsync(vehicle.Id, future));
        var removed = await As<VehicleHistoryService, bool?>(Advisor, s => s.DeleteExternalAsync(vehicle.Id, fromWorkOrder.Id));

        Assert.Contains("cannot be in the future", Messages(refused, nameof(ExternalServiceForm.ServiceDate)));
        Assert.False(removed);
        Assert.True(await app.WithDbAsync(db => db.VehicleServiceHistories.AnyAsync(h => h.Id == fromWorkOrder.Id)));
    }

    // ---- Expenses ----

    [DatabaseFact]
    public async Task Expense_totals_are_summed_per_category_and_per_year()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        await _data.ExpenseAsync(vehicle, ExpenseCategory.Fuel, 1000.10m, new DateOnly(2025, 3, 1));
        await _data.ExpenseAsync(vehicle, ExpenseCategory.Fuel, 2000.20m, new DateOnly(2026, 1, 5));
        await _data.ExpenseAsync(vehicle, ExpenseCategory.Insurance, 18450m, new DateOnly(2026, 6, 12));

        var totals = await As<VehicleExpenseService, ExpenseTotals>(Advisor, s => s.TotalsAsync(vehicle.Id));

        Assert.Contains(new ExpenseTotal<ExpenseCategory>(ExpenseCategory.Fuel, 2, 3000.30m), totals.ByCategory);
        Assert.Contains(new ExpenseTotal<ExpenseCategory>(ExpenseCategory.Insurance, 1, 18450m), totals.ByCategory);
        Assert.Equal([new ExpenseTotal<int>(2026, 2, 20450.20m), new ExpenseTotal<int>(2025, 1, 1000.10m)], totals.ByYear);
        Assert.Equal((21450.30m, 3), (totals.Total, totals.Count));
    }

    [DatabaseFact]
    public async Task An_expense_is_added_with_valid_input_and_refused_without_an_amount_above_zero()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        ExpenseForm Expense(decimal amount) => new()
        {
            Date = DateTime.UtcNow.AddDays(-2), Category = ExpenseCategory.Tolls, Amount = amount, Provider = "NHAI FASTag", Description = "FASTag recharge",
        };

        var refused = await As<VehicleExpenseService, ServiceResult>(Advisor, s => s.AddAsync(vehicle.Id, Expense(-5)));
        Assert.Contains("Enter an amount above zero.", Messages(refused, nameof(ExpenseForm.Amount)));
        Assert.False(await app.WithDbAsync(db => db.CarExpenses.AnyAsync(e => e.VehicleId == vehicle.Id)));

        var added = await As<VehicleExpenseService, ServiceResult>(Advisor, s => s.AddAsync(vehicle.Id, Expense(1500)));
        Assert.True(added.Succeeded);
        var stored = await app.WithDbAsync(db => db.CarExpenses.SingleAsync(e => e.VehicleId == vehicle.Id));
        Assert.Equal((ExpenseCategory.Tolls, 1500m, await UserIdAsync(Advisor)), (stored.Category, stored.Amount, stored.CreatedById));
    }

    [DatabaseFact]
    public async Task Deleting_an_expense_removes_it()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var expense = await _data.ExpenseAsync(vehicle, ExpenseCategory.Parking, 250m, new DateOnly(2026, 2, 1));

        Assert.True(await As<VehicleExpenseService, bool>(Advisor, s => s.DeleteAsync(vehicle.Id, expense.Id)));

        Assert.False(await app.WithDbAsync(db => db.CarExpenses.AnyAsync(e => e.Id == expense.Id)));
    }

    // ---- Recommendations ----

    private Task<RecommendationStatus> StatusAsync(Guid id) =>
        app.WithDbAsync(db => db.ServiceRecommendations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    private Task<ServiceResult?> ChangeAsync(Vehicle vehicle, Guid id, RecommendationAction action, RecommendationStatus expected, string? reason = null) =>
        As<VehicleRecommendationService, ServiceResult?>(Advisor, s => s.ChangeAsync(vehicle.Id, id, action, expected, reason));

    [DatabaseFact]
    public async Task Dismissing_a_recommendation_requires_a_reason()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle);

        var withoutReason = await ChangeAsync(vehicle, recommendation.Id, RecommendationAction.Dismiss, RecommendationStatus.Pending, "  ");

        Assert.Contains("Enter why the recommendation is dismissed", Messages(withoutReason!, nameof(DismissRecommendationForm.Reason)));
        Assert.Equal(RecommendationStatus.Pending, await StatusAsync(recommendation.Id));

        var withReason = await ChangeAsync(vehicle, recommendation.Id, RecommendationAction.Dismiss, RecommendationStatus.Pending, "Done at another workshop last month");

        Assert.True(withReason!.Succeeded);
        var stored = await app.WithDbAsync(db => db.ServiceRecommendations.SingleAsync(r => r.Id == recommendation.Id));
        Assert.Equal((RecommendationStatus.Dismissed, "Done at another workshop last month"), (stored.Status, stored.DismissedReason));
        Assert.NotNull(stored.DismissedAt);
    }

    [DatabaseFact]
    public async Task Scheduling_sets_the_scheduled_time_then_completing_sets_the_completed_time()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle);

        Assert.True((await ChangeAsync(vehicle, recommendation.Id, RecommendationAction.Schedule, RecommendationStatus.Pending))!.Succeeded);
        var afterSchedule = await app.WithDbAsync(db => db.ServiceRecommendations.AsNoTracking().SingleAsync(r => r.Id == recommendation.Id));
        Assert.Equal(RecommendationStatus.Scheduled, afterSchedule.Status);
        Assert.NotNull(afterSchedule.ScheduledAt);

        Assert.True((await ChangeAsync(vehicle, recommendation.Id, RecommendationAction.Complete, RecommendationStatus.Scheduled))!.Succeeded);
        var afterComplete = await app.WithDbAsync(db => db.ServiceRecommendations.AsNoTracking().SingleAsync(r => r.Id == recommendation.Id));
        Assert.Equal(RecommendationStatus.Completed, afterComplete.Status);
        Assert.NotNull(afterComplete.CompletedAt);
    }

    [DatabaseTheory]
    [InlineData(RecommendationStatus.Dismissed, RecommendationAction.Complete)]
    [InlineData(RecommendationStatus.Completed, RecommendationAction.Schedule)]
    [InlineData(RecommendationStatus.Expired, RecommendationAction.Complete)]
    [InlineData(RecommendationStatus.Scheduled, RecommendationAction.Schedule)]
    public async Task A_recommendation_changes_only_from_pending_or_scheduled(RecommendationStatus status, RecommendationAction action)
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle, status);

        var result = await ChangeAsync(vehicle, recommendation.Id, action, status);

        Assert.False(result!.Succeeded);
        Assert.Equal(status, await StatusAsync(recommendation.Id));
    }

    [DatabaseFact]
    public async Task An_action_based_on_a_stale_status_is_refused()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle, RecommendationStatus.Dismissed);

        // The advisor's page still showed it as pending when someone else dismissed it.
        var result = await ChangeAsync(vehicle, recommendation.Id, RecommendationAction.Schedule, RecommendationStatus.Pending);

        Assert.Contains("Someone else changed this recommendation in the meantime: it is now dismissed", Messages(result!, ""));
        Assert.Equal(RecommendationStatus.Dismissed, await StatusAsync(recommendation.Id));
    }

    // ---- Transfer ----

    [DatabaseFact]
    public async Task A_transfer_moves_the_vehicle_to_the_new_owner_keeps_its_history_and_records_the_transfer()
    {
        var from = await _data.CustomerAsync(name: "Asha Rao");
        var to = await _data.CustomerAsync(name: VehicleTestData.UniqueName("Vikram Mehta"));
        var vehicle = await _data.VehicleAsync(from, odometer: 30_000);
        await _data.ExpenseAsync(vehicle, ExpenseCategory.Insurance, 18450m, new DateOnly(2026, 6, 12));
        await _data.HistoryAsync(vehicle, null, "Four new tyres", 24800m);
        await _data.RecommendationAsync(vehicle);

        var candidates = await As<VehicleTransferService, IReadOnlyList<Web.Services.Customers.CustomerMatch>>(Advisor, s => s.CandidatesAsync(from.Id, to.Name));
        var result = await As<VehicleTransferService, ServiceResult>(Advisor, s => s.TransferAsync(vehicle.Id,
            new VehicleTransferForm { NewOwnerId = Assert.Single(candidates).Id, Note = "Sold privately", Version = vehicle.Version }));

        Assert.True(result.Succeeded);
        Assert.Equal(to.Id, await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.CustomerId).SingleAsync()));
        var transfer = await app.WithDbAsync(db => db.VehicleTransfers.SingleAsync(t => t.VehicleId == vehicle.Id));
        Assert.Equal((from.Id, to.Id, await UserIdAsync(Advisor), "Sold privately"), (transfer.FromCustomerId, transfer.ToCustomerId, transfer.TransferredById, transfer.Note));
        var kept = await app.WithDbAsync(async db => (
            await db.CarExpenses.CountAsync(e => e.VehicleId == vehicle.Id),
            await db.VehicleServiceHistories.CountAsync(h => h.VehicleId == vehicle.Id),
            await db.ServiceRecommendations.CountAsync(r => r.VehicleId == vehicle.Id),
            await db.VehicleMileages.CountAsync(m => m.VehicleId == vehicle.Id)));
        Assert.Equal((1, 1, 1, 1), kept);
        var timeline = await As<VehicleTransferService, IReadOnlyList<OwnershipPeriod>>(Advisor, s => s.TimelineAsync(vehicle.Id));
        Assert.Equal(["Asha Rao", to.Name], timeline.Select(p => p.CustomerName));
        Assert.Equal(("Sold privately", true), (timeline[1].Note, timeline[1].IsCurrent));
    }

    [DatabaseFact]
    public async Task A_transfer_from_a_form_loaded_before_someone_elses_change_is_refused()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var to = await _data.CustomerAsync();
        var edit = (await As<VehicleService, VehicleHeader?>(Manager, s => s.GetHeaderAsync(vehicle.Id)))!.ToForm();
        edit.Color = "Repainted";
        Assert.True((await As<VehicleService, ServiceResult>(Manager, s => s.UpdateAsync(vehicle.Id, edit))).Succeeded);

        var result = await As<VehicleTransferService, ServiceResult>(Advisor, s => s.TransferAsync(vehicle.Id,
            new VehicleTransferForm { NewOwnerId = to.Id, Version = vehicle.Version }));

        Assert.Contains("changed by Maria Manager at", Messages(result, ""));
        Assert.Equal(vehicle.CustomerId, await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.CustomerId).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_customer_of_another_dealer_can_never_be_chosen_as_the_new_owner()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var elsewhere = await _data.CustomerAsync(dealer: 2, name: VehicleTestData.UniqueName("Ravi Shankar"));

        var candidates = await As<VehicleTransferService, IReadOnlyList<Web.Services.Customers.CustomerMatch>>(Advisor, s => s.CandidatesAsync(vehicle.CustomerId, elsewhere.Name));
        var result = await As<VehicleTransferService, ServiceResult>(Advisor, s => s.TransferAsync(vehicle.Id,
            new VehicleTransferForm { NewOwnerId = elsewhere.Id, Version = vehicle.Version }));

        Assert.Empty(candidates);
        Assert.Contains("not found at this dealer", Messages(result, nameof(VehicleTransferForm.NewOwnerId)));
        Assert.Equal(vehicle.CustomerId, await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.CustomerId).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.VehicleTransfers.AnyAsync(t => t.VehicleId == vehicle.Id)));
    }

    // ---- Profile ----

    [DatabaseFact]
    public async Task The_profile_is_created_on_its_first_save_and_a_save_from_a_stale_form_is_refused()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var first = (await As<VehicleProfileService, VehicleProfileView>(Advisor, s => s.GetAsync(vehicle.Id))).Form;
        first.DrivingCondition = DrivingCondition.Severe;
        first.AverageDailyMileage = 45;
        first.FuelType = "Petrol";
        first.PreferredServiceInterval = ServiceInterval.Severe;
        first.NotifySms = true;
        first.NotifyWhatsApp = true;

        Assert.True((await As<VehicleProfileService, ServiceResult>(Advisor, s => s.SaveAsync(vehicle.Id, first))).Succeeded);

        var stored = await app.WithDbAsync(db => db.VehicleProfiles.AsNoTracking().SingleAsync(p => p.VehicleId == vehicle.Id));
        Assert.Equal((DrivingCondition.Severe, 45, "Petrol"), (stored.DrivingCondition, stored.AverageDailyMileage, stored.FuelType));
        Assert.Equal(["sms", "whatsapp"], stored.NotificationPreferences.Order());

        var loaded = (await As<VehicleProfileService, VehicleProfileView>(Advisor, s => s.GetAsync(vehicle.Id))).Form;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.WithDbAsync(async db =>
        {
            (await db.VehicleProfiles.SingleAsync(p => p.VehicleId == vehicle.Id)).PrimaryUse = "Company fleet";
            await db.SaveChangesAsync();
        });
        loaded.PrimaryUse = "Daily commute";
        var stale = await As<VehicleProfileService, ServiceResult>(Advisor, s => s.SaveAsync(vehicle.Id, loaded));

        Assert.Contains("Someone else changed this vehicle profile", Messages(stale, ""));
        Assert.Equal("Daily commute", loaded.PrimaryUse);
        Assert.Equal("Company fleet", await app.WithDbAsync(db => db.VehicleProfiles.Where(p => p.VehicleId == vehicle.Id).Select(p => p.PrimaryUse).SingleAsync()));
    }

    // ---- Tenancy ----

    [DatabaseFact]
    public async Task Another_dealers_vehicle_is_not_found_by_any_vehicle_service_and_nothing_changes()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(dealer: 2, odometer: 20_000);
        var recommendation = await _data.RecommendationAsync(vehicle);
        var expense = await _data.ExpenseAsync(vehicle, ExpenseCategory.Fuel, 900m, new DateOnly(2026, 1, 2));
        var history = await _data.HistoryAsync(vehicle, null, "Wiper blades", 700m);

        Assert.Null(await As<VehicleService, VehicleHeader?>(Advisor, s => s.GetHeaderAsync(vehicle.Id)));
        Assert.Null(await As<VehicleService, CustomerName?>(Advisor, s => s.GetCustomerAsync(vehicle.CustomerId)));
        Assert.Null(await As<VehicleRecommendationService, ServiceResult?>(Advisor, s => s.ChangeAsync(vehicle.Id, recommendation.Id, RecommendationAction.Complete, RecommendationStatus.Pending)));
        Assert.False(await As<VehicleExpenseService, bool>(Advisor, s => s.DeleteAsync(vehicle.Id, expense.Id)));
        Assert.Null(await As<VehicleHistoryService, bool?>(Advisor, s => s.DeleteExternalAsync(vehicle.Id, history.Id)));
        var reading = await As<VehicleMileageService, ServiceResult>(Advisor, s => s.AddAsync(vehicle.Id, Reading(25_000), mayApproveCorrection: false));
        Assert.Contains("no longer exists", Messages(reading, ""));
        var transfer = await As<VehicleTransferService, ServiceResult>(Advisor, s => s.TransferAsync(vehicle.Id, new VehicleTransferForm { NewOwnerId = vehicle.CustomerId }));
        Assert.Contains("no longer exists", Messages(transfer, ""));

        Assert.Equal(RecommendationStatus.Pending, await StatusAsync(recommendation.Id));
        Assert.True(await app.WithDbAsync(db => db.CarExpenses.AnyAsync(e => e.Id == expense.Id)));
        Assert.True(await app.WithDbAsync(db => db.VehicleServiceHistories.AnyAsync(h => h.Id == history.Id)));
        Assert.False(await app.WithDbAsync(db => db.MileageEntries.AnyAsync(e => e.VehicleId == vehicle.Id)));
    }
}
