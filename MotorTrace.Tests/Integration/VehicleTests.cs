using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteVehicleTests(SqliteFactory app) : VehicleTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresVehicleTests(PostgresFactory app) : VehicleTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The vehicle pages (issue 3) driven through their real forms: VIN rules, plate normalisation, concurrency,
/// the mileage rule with the manager's odometer correction, history, expenses, recommendations, transfer, tenancy.
/// </summary>
public abstract class VehicleTests(MotorTraceFactory app)
{
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string Manager = "manager@d1.motortrace.test";

    private readonly VehicleTestData _data = new(app);

    private static Dictionary<string, string> VehicleFields(string vin, string? plate = null) => new()
    {
        ["Input.Vin"] = vin,
        ["Input.LicensePlate"] = plate ?? "",
        ["Input.Make"] = "Skoda",
        ["Input.Model"] = "Kushaq",
        ["Input.Year"] = "2023",
        ["Input.Color"] = "Candy White",
        ["Input.Status"] = nameof(VehicleStatus.Active),
    };

    private Task<int> VehiclesWithVinAsync(string vin) => app.WithDbAsync(db => db.Vehicles.CountAsync(v => v.Vin == vin));

    private static string VinFeedback(IDocument page) => page.QuerySelector("#vin-feedback")?.TextContent ?? "";

    private static string FieldMessages(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".invalid-feedback").Select(e => e.TextContent.Trim()));

    // ---- Create and edit: VIN rules, plate, concurrency ----

    [DatabaseTheory]
    [InlineData("WVWZZZ1JZ", "A VIN has 17 characters; this one has 9.")]
    [InlineData("WVWZZZ1JZXW00000123", "A VIN has 17 characters; this one has 19.")]
    [InlineData("WVWZZZ1JZXW0O0001", "A VIN never contains the letters I, O or Q")]
    [InlineData("WVWZZZ1JZXW0I0001", "A VIN never contains the letters I, O or Q")]
    [InlineData("WVWZZZ1JZXW0Q0001", "A VIN never contains the letters I, O or Q")]
    public async Task A_malformed_vin_is_refused_next_to_the_field_and_nothing_is_saved(string vin, string message)
    {
        var customer = await _data.CustomerAsync();
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/new?customerId={customer.Id}", "vehicle-new", VehicleFields(vin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, VinFeedback(await Forms.ParseAsync(response)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Vehicles.CountAsync(v => v.CustomerId == customer.Id)));
    }

    [DatabaseFact]
    public async Task A_vin_already_registered_at_the_same_dealer_is_refused_naming_the_other_vehicle()
    {
        var owner = await _data.CustomerAsync(name: "Asha Rao");
        var existing = await _data.VehicleAsync(owner, plate: "MH 12 AB 1234");
        var customer = await _data.CustomerAsync();
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/new?customerId={customer.Id}", "vehicle-new",
            VehicleFields(existing.Vin.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already registered here, on Asha Rao's 2022 Volkswagen Virtus (MH 12 AB 1234)", VinFeedback(await Forms.ParseAsync(response)));
        Assert.Equal(1, await VehiclesWithVinAsync(existing.Vin));
    }

    [DatabaseFact]
    public async Task The_same_vin_at_another_dealer_is_allowed()
    {
        var atDealerTwo = await _data.VehicleOfNewCustomerAsync(dealer: 2);
        var customer = await _data.CustomerAsync(dealer: 1);
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/new?customerId={customer.Id}", "vehicle-new", VehicleFields(atDealerTwo.Vin));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await VehiclesWithVinAsync(atDealerTwo.Vin));
        Assert.Equal(1, await app.WithDbAsync(db => db.Vehicles.CountAsync(v => v.CustomerId == customer.Id && v.Vin == atDealerTwo.Vin)));
    }

    [DatabaseFact]
    public async Task A_north_american_vin_with_a_wrong_check_digit_shows_a_warning_and_saves_once_the_advisor_confirms()
    {
        var vin = VehicleTestData.NewNorthAmericanVin(rightCheckDigit: false);
        var customer = await _data.CustomerAsync();
        var advisor = await app.UserAsync(Advisor);
        var url = $"/vehicles/new?customerId={customer.Id}";

        using var unconfirmed = await Forms.SubmitAsync(advisor.Client, url, "vehicle-new", VehicleFields(vin));

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var page = await Forms.ParseAsync(unconfirmed);
        Assert.Contains($"should be '{Web.Services.Vehicles.VinRules.CheckDigit(vin)}'", page.QuerySelector("#vin-feedback [data-vin-warning]")?.TextContent);
        Assert.NotNull(page.QuerySelector("#vin-feedback input[type=checkbox][name='Input.VinWarningConfirmed'][value=true]"));
        Assert.Equal(0, await VehiclesWithVinAsync(vin));

        using var confirmed = await Forms.SubmitAsync(advisor.Client, page, "vehicle-new",
            new Dictionary<string, string>(VehicleFields(vin)) { ["Input.VinWarningConfirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(1, await VehiclesWithVinAsync(vin));
    }

    [DatabaseFact]
    public async Task A_north_american_vin_with_the_right_check_digit_saves_without_a_warning()
    {
        var vin = VehicleTestData.NewNorthAmericanVin(rightCheckDigit: true);
        var customer = await _data.CustomerAsync();
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/new?customerId={customer.Id}", "vehicle-new", VehicleFields(vin));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await VehiclesWithVinAsync(vin));
    }

    [DatabaseFact]
    public async Task The_licence_plate_is_stored_upper_case_with_single_spaces_and_its_search_key_compact()
    {
        var vin = VehicleTestData.NewVin();
        var customer = await _data.CustomerAsync();
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/new?customerId={customer.Id}", "vehicle-new",
            VehicleFields(vin, plate: "  mh-12   ab 1234 "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Vehicles.Where(v => v.Vin == vin).Select(v => new { v.LicensePlate, v.LicensePlateNormalized, v.Id }).SingleAsync());
        Assert.Equal("MH 12 AB 1234", stored.LicensePlate);
        Assert.Equal("MH12AB1234", stored.LicensePlateNormalized);
        Assert.Equal($"/vehicles/{stored.Id}", AccountFlow.PathOf(response.Headers.Location!));
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_looking_at_all_dealers_is_asked_to_choose_a_dealer_before_adding_a_vehicle()
    {
        var vin = VehicleTestData.NewVin();
        var customer = await _data.CustomerAsync();
        var network = await app.SignInAsync("network@motortrace.test");

        using var response = await Forms.SubmitAsync(network.Client, $"/vehicles/new?customerId={customer.Id}", "vehicle-new", VehicleFields(vin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a dealer in the header first", Forms.Alerts(await Forms.ParseAsync(response)));
        Assert.Equal(0, await VehiclesWithVinAsync(vin));
    }

    [DatabaseFact]
    public async Task Saving_an_edit_form_loaded_before_someone_elses_change_is_refused_as_a_conflict()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var advisor = await app.UserAsync(Advisor);
        var form = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}/edit");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Vehicles.SingleAsync(v => v.Id == vehicle.Id);
            stored.Color = "Changed elsewhere";
            await db.SaveChangesAsync();
        });

        using var response = await Forms.SubmitAsync(advisor.Client, form, "vehicle-edit",
            new Dictionary<string, string>(VehicleFields(vehicle.Vin)) { ["Input.Color"] = "Mine" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this vehicle", Forms.Alerts(await Forms.ParseAsync(response)));
        Assert.Equal("Changed elsewhere", await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.Color).SingleAsync()));
    }

    [DatabaseFact]
    public async Task An_edit_with_the_current_version_saves_the_changes()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/{vehicle.Id}/edit", "vehicle-edit",
            new Dictionary<string, string>(VehicleFields(vehicle.Vin)) { ["Input.Status"] = nameof(VehicleStatus.Sold) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => new { v.Status, v.Make, v.Version }).SingleAsync());
        Assert.Equal((VehicleStatus.Sold, "Skoda"), (stored.Status, stored.Make));
        Assert.NotEqual(vehicle.Version, stored.Version);
    }

    // ---- Mileage ----

    private static Dictionary<string, string> Reading(int km, string? fuel = null, bool correction = false) => new()
    {
        ["Entry.Mileage"] = km.ToString(),
        ["Entry.FuelUsed"] = fuel ?? "",
        ["Entry.Distance"] = "",
        ["Entry.LocationName"] = "",
        ["Entry.Notes"] = "",
        ["Entry.IsOdometerCorrection"] = correction ? "true" : "false",
    };

    [DatabaseFact]
    public async Task A_reading_lower_than_the_last_one_is_refused_for_an_advisor_with_the_last_reading_named()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);
        var advisor = await app.UserAsync(Advisor);
        var page = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=mileage");
        Assert.Null(page.QuerySelector("input[name='Entry.IsOdometerCorrection']"));

        using var plain = await Forms.SubmitAsync(advisor.Client, page, "mileage-add", Reading(44_000));
        using var forged = await Forms.SubmitAsync(advisor.Client, page, "mileage-add", Reading(44_000, correction: true));

        foreach (var response in new[] { plain, forged })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = FieldMessages(await Forms.ParseAsync(response));
            Assert.Contains("The last reading was 45,210 km on", message);
            Assert.Contains("a lower reading needs a manager's odometer correction", message);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.MileageEntries.CountAsync(e => e.VehicleId == vehicle.Id)));
        Assert.Equal(45_210, await app.WithDbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == vehicle.Id).Select(m => m.CurrentMileage).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_manager_records_a_lower_reading_as_an_odometer_correction_flagged_with_their_approval()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);
        var manager = await app.UserAsync(Manager);
        var page = await Forms.GetPageAsync(manager.Client, $"/vehicles/{vehicle.Id}?tab=mileage");
        Assert.NotNull(page.QuerySelector("input[name='Entry.IsOdometerCorrection']"));

        using var unmarked = await Forms.SubmitAsync(manager.Client, page, "mileage-add", Reading(44_000));
        Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.MileageEntries.CountAsync(e => e.VehicleId == vehicle.Id)));

        using var marked = await Forms.SubmitAsync(manager.Client, page, "mileage-add", Reading(44_000, correction: true));

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var entry = await app.WithDbAsync(db => db.MileageEntries.SingleAsync(e => e.VehicleId == vehicle.Id));
        Assert.True(entry.IsOdometerCorrection);
        Assert.Equal(manager.UserId, entry.CorrectionApprovedById);
        Assert.Null(entry.Distance);
        Assert.Equal(44_000, await app.WithDbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == vehicle.Id).Select(m => m.CurrentMileage).SingleAsync()));
        var log = await Forms.GetPageAsync(manager.Client, $"/vehicles/{vehicle.Id}?tab=mileage");
        Assert.Contains("Correction, approved by", log.QuerySelector("#mileage-grid tbody")?.TextContent);
    }

    [DatabaseFact]
    public async Task A_reading_computes_distance_from_the_last_one_and_efficiency_and_updates_the_running_totals()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=mileage", "mileage-add", Reading(45_830, fuel: "41.2"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await app.WithDbAsync(db => db.MileageEntries.SingleAsync(e => e.VehicleId == vehicle.Id));
        Assert.Equal((620, 41.2m, 15.049m, false), (entry.Distance, entry.FuelUsed, entry.Efficiency, entry.IsOdometerCorrection));
        Assert.Equal(advisor.UserId, entry.RecordedById);
        var totals = await app.WithDbAsync(db => db.VehicleMileages.SingleAsync(m => m.VehicleId == vehicle.Id));
        Assert.Equal((45_830, 620, 41.2m, 15.049m), (totals.CurrentMileage, totals.TotalDistance, totals.TotalFuelUsed, totals.AverageEfficiency));
        var page = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=mileage");
        Assert.Contains("15.05 km/L", page.QuerySelector("#mileage-grid tbody")?.TextContent);
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
        var advisor = await app.UserAsync(Advisor);

        var page = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=history");

        var rows = page.QuerySelectorAll("#history-grid tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Contains(recorded.WorkOrderNumber)));
        Assert.Single(rows, r => r.Contains(unrecorded.WorkOrderNumber) && r.Contains("Front stabiliser link replacement"));
        Assert.DoesNotContain(rows, r => r.Contains(inProgress.WorkOrderNumber));
        Assert.Single(rows, r => r.Contains("Four new tyres") && r.Contains("Elsewhere"));
    }

    [DatabaseFact]
    public async Task A_service_done_elsewhere_is_added_to_the_history_without_a_work_order()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=history", "history-add", new Dictionary<string, string>
        {
            ["Service.ServiceDate"] = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd"),
            ["Service.ServiceType"] = "Tyres",
            ["Service.ServiceName"] = "Four new tyres 205/55 R16",
            ["Service.Mileage"] = "41000",
            ["Service.Provider"] = "Apollo Tyres, Baner",
            ["Service.Cost"] = "24800",
            ["Service.Notes"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await app.WithDbAsync(db => db.VehicleServiceHistories.SingleAsync(h => h.VehicleId == vehicle.Id));
        Assert.Equal((null, "Four new tyres 205/55 R16", "Apollo Tyres, Baner", 24800m, 41000), (row.WorkOrderId, row.ServiceName, row.Provider, row.Cost, row.ServiceMileage));
    }

    // ---- Expenses ----

    [DatabaseFact]
    public async Task Expense_totals_are_shown_per_category_and_per_year()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        await _data.ExpenseAsync(vehicle, ExpenseCategory.Fuel, 1000.10m, new DateOnly(2025, 3, 1));
        await _data.ExpenseAsync(vehicle, ExpenseCategory.Fuel, 2000.20m, new DateOnly(2026, 1, 5));
        await _data.ExpenseAsync(vehicle, ExpenseCategory.Insurance, 18450m, new DateOnly(2026, 6, 12));
        var advisor = await app.UserAsync(Advisor);

        var page = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=expenses");

        var totals = page.QuerySelectorAll(".list-group-item").Select(li => string.Join(" ", li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(totals, t => t.StartsWith("Fuel 2") && t.EndsWith("3,000.30"));
        Assert.Contains(totals, t => t.StartsWith("Insurance 1") && t.EndsWith("18,450.00"));
        Assert.Contains(totals, t => t.StartsWith("2026 2") && t.EndsWith("20,450.20"));
        Assert.Contains(totals, t => t.StartsWith("2025 1") && t.EndsWith("1,000.10"));
        Assert.Equal(2, totals.Count(t => t.StartsWith("Total") && t.EndsWith("21,450.30")));
    }

    [DatabaseFact]
    public async Task An_expense_is_added_with_valid_input_and_refused_without_an_amount_above_zero()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var advisor = await app.UserAsync(Advisor);
        Dictionary<string, string> Expense(string amount) => new()
        {
            ["Expense.Date"] = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"),
            ["Expense.Category"] = nameof(ExpenseCategory.Tolls),
            ["Expense.Amount"] = amount,
            ["Expense.Provider"] = "NHAI FASTag",
            ["Expense.Description"] = "FASTag recharge",
        };

        using var refused = await Forms.SubmitAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=expenses", "expense-add", Expense("-5"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter an amount above zero.", FieldMessages(await Forms.ParseAsync(refused)));

        using var added = await Forms.SubmitAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=expenses", "expense-add", Expense("1500"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var stored = await app.WithDbAsync(db => db.CarExpenses.SingleAsync(e => e.VehicleId == vehicle.Id));
        Assert.Equal((ExpenseCategory.Tolls, 1500m, advisor.UserId), (stored.Category, stored.Amount, stored.CreatedById));
    }

    [DatabaseFact]
    public async Task Deleting_an_expense_removes_it()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var expense = await _data.ExpenseAsync(vehicle, ExpenseCategory.Parking, 250m, new DateOnly(2026, 2, 1));
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.PostWithTokenAsync(advisor.Client, $"/vehicles/{vehicle.Id}/expenses/{expense.Id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CarExpenses.AnyAsync(e => e.Id == expense.Id)));
    }

    // ---- Recommendations ----

    [DatabaseFact]
    public async Task Dismissing_a_recommendation_requires_a_reason()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle);
        var advisor = await app.UserAsync(Advisor);
        var url = $"/vehicles/{vehicle.Id}?tab=recommendations&dismiss={recommendation.Id}";

        using var withoutReason = await Forms.SubmitAsync(advisor.Client, url, "recommendation-dismiss", new Dictionary<string, string> { ["Dismissal.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Enter why the recommendation is dismissed", FieldMessages(await Forms.ParseAsync(withoutReason)));
        Assert.Equal(RecommendationStatus.Pending, await StatusAsync(recommendation.Id));

        using var withReason = await Forms.SubmitAsync(advisor.Client, url, "recommendation-dismiss",
            new Dictionary<string, string> { ["Dismissal.Reason"] = "Done at another workshop last month" });

        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var stored = await app.WithDbAsync(db => db.ServiceRecommendations.SingleAsync(r => r.Id == recommendation.Id));
        Assert.Equal((RecommendationStatus.Dismissed, "Done at another workshop last month"), (stored.Status, stored.DismissedReason));
        Assert.NotNull(stored.DismissedAt);
    }

    [DatabaseFact]
    public async Task Scheduling_sets_the_scheduled_time_and_offers_to_book_then_completing_sets_the_completed_time()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle);
        var advisor = await app.UserAsync(Advisor);

        using var scheduled = await Forms.PostWithTokenAsync(advisor.Client, $"/vehicles/{vehicle.Id}/recommendations/{recommendation.Id}/schedule",
            new Dictionary<string, string> { ["expectedStatus"] = "Pending" });

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var page = await Forms.GetPageAsync(advisor.Client, scheduled.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector($"[role=status] a[href='/appointments/new?vehicleId={vehicle.Id}']"));
        var afterSchedule = await app.WithDbAsync(db => db.ServiceRecommendations.AsNoTracking().SingleAsync(r => r.Id == recommendation.Id));
        Assert.Equal(RecommendationStatus.Scheduled, afterSchedule.Status);
        Assert.NotNull(afterSchedule.ScheduledAt);

        using var completed = await Forms.PostWithTokenAsync(advisor.Client, $"/vehicles/{vehicle.Id}/recommendations/{recommendation.Id}/complete",
            new Dictionary<string, string> { ["expectedStatus"] = "Scheduled" });

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var afterComplete = await app.WithDbAsync(db => db.ServiceRecommendations.AsNoTracking().SingleAsync(r => r.Id == recommendation.Id));
        Assert.Equal(RecommendationStatus.Completed, afterComplete.Status);
        Assert.NotNull(afterComplete.CompletedAt);
    }

    [DatabaseTheory]
    [InlineData(RecommendationStatus.Dismissed, "complete")]
    [InlineData(RecommendationStatus.Completed, "schedule")]
    [InlineData(RecommendationStatus.Expired, "complete")]
    [InlineData(RecommendationStatus.Scheduled, "schedule")]
    public async Task A_recommendation_changes_only_from_pending_or_scheduled(RecommendationStatus status, string action)
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle, status);
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.PostWithTokenAsync(advisor.Client, $"/vehicles/{vehicle.Id}/recommendations/{recommendation.Id}/{action}",
            new Dictionary<string, string> { ["expectedStatus"] = status.ToString() });

        Assert.Contains("error=changed", response.Headers.Location?.OriginalString);
        Assert.Equal(status, await StatusAsync(recommendation.Id));
    }

    [DatabaseFact]
    public async Task An_action_based_on_a_stale_status_is_refused()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var recommendation = await _data.RecommendationAsync(vehicle, RecommendationStatus.Dismissed);
        var advisor = await app.UserAsync(Advisor);

        // The advisor's page still showed it as pending when someone else dismissed it.
        using var response = await Forms.PostWithTokenAsync(advisor.Client, $"/vehicles/{vehicle.Id}/recommendations/{recommendation.Id}/schedule",
            new Dictionary<string, string> { ["expectedStatus"] = "Pending" });

        Assert.Contains("error=changed", response.Headers.Location?.OriginalString);
        Assert.Equal(RecommendationStatus.Dismissed, await StatusAsync(recommendation.Id));
    }

    private Task<RecommendationStatus> StatusAsync(Guid id) =>
        app.WithDbAsync(db => db.ServiceRecommendations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

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
        var advisor = await app.UserAsync(Advisor);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=ownership&q={Uri.EscapeDataString(to.Name)}", "vehicle-transfer",
            new Dictionary<string, string> { ["Transfer.NewOwnerId"] = to.Id.ToString(), ["Transfer.Note"] = "Sold privately" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to.Id, await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.CustomerId).SingleAsync()));
        var transfer = await app.WithDbAsync(db => db.VehicleTransfers.SingleAsync(t => t.VehicleId == vehicle.Id));
        Assert.Equal((from.Id, to.Id, advisor.UserId, "Sold privately"), (transfer.FromCustomerId, transfer.ToCustomerId, transfer.TransferredById, transfer.Note));
        var kept = await app.WithDbAsync(async db => (
            await db.CarExpenses.CountAsync(e => e.VehicleId == vehicle.Id),
            await db.VehicleServiceHistories.CountAsync(h => h.VehicleId == vehicle.Id),
            await db.ServiceRecommendations.CountAsync(r => r.VehicleId == vehicle.Id),
            await db.VehicleMileages.CountAsync(m => m.VehicleId == vehicle.Id)));
        Assert.Equal((1, 1, 1, 1), kept);
        var timeline = (await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=ownership")).QuerySelector("#ownership-timeline")?.TextContent ?? "";
        Assert.Contains("Asha Rao", timeline);
        Assert.Contains(to.Name, timeline);
        Assert.Contains("Sold privately", timeline);
    }

    [DatabaseFact]
    public async Task A_customer_of_another_dealer_can_never_be_chosen_as_the_new_owner()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var elsewhere = await _data.CustomerAsync(dealer: 2, name: VehicleTestData.UniqueName("Ravi Shankar"));
        var advisor = await app.UserAsync(Advisor);

        var search = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}?tab=ownership&q={Uri.EscapeDataString(elsewhere.Name)}");
        Assert.Empty(search.QuerySelectorAll("input[name='Transfer.NewOwnerId']"));
        using var response = await Forms.SubmitAsync(advisor.Client, search, "vehicle-transfer",
            new Dictionary<string, string> { ["Transfer.NewOwnerId"] = elsewhere.Id.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not found at this dealer", FieldMessages(await Forms.ParseAsync(response)));
        Assert.Equal(vehicle.CustomerId, await app.WithDbAsync(db => db.Vehicles.Where(v => v.Id == vehicle.Id).Select(v => v.CustomerId).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.VehicleTransfers.AnyAsync(t => t.VehicleId == vehicle.Id)));
    }

    // ---- Profile ----

    [DatabaseFact]
    public async Task The_profile_is_created_on_its_first_save_and_a_save_from_a_stale_form_is_refused()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var advisor = await app.UserAsync(Advisor);
        var url = $"/vehicles/{vehicle.Id}?tab=profile";
        var profile = new Dictionary<string, string>
        {
            ["Profile.DrivingCondition"] = nameof(DrivingCondition.Severe),
            ["Profile.AverageDailyMileage"] = "45",
            ["Profile.FuelType"] = "Petrol",
            ["Profile.PreferredServiceInterval"] = nameof(ServiceInterval.Severe),
            ["Profile.NotifySms"] = "true",
            ["Profile.NotifyWhatsApp"] = "true",
        };

        using var created = await Forms.SubmitAsync(advisor.Client, url, "vehicle-profile", profile);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await app.WithDbAsync(db => db.VehicleProfiles.AsNoTracking().SingleAsync(p => p.VehicleId == vehicle.Id));
        Assert.Equal((DrivingCondition.Severe, 45, "Petrol"), (stored.DrivingCondition, stored.AverageDailyMileage, stored.FuelType));
        Assert.Equal(["sms", "whatsapp"], stored.NotificationPreferences.Order());

        var form = await Forms.GetPageAsync(advisor.Client, url);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.WithDbAsync(async db =>
        {
            (await db.VehicleProfiles.SingleAsync(p => p.VehicleId == vehicle.Id)).PrimaryUse = "Company fleet";
            await db.SaveChangesAsync();
        });
        using var stale = await Forms.SubmitAsync(advisor.Client, form, "vehicle-profile", profile);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this vehicle profile", Forms.Alerts(await Forms.ParseAsync(stale)));
        Assert.Equal("Company fleet", await app.WithDbAsync(db => db.VehicleProfiles.Where(p => p.VehicleId == vehicle.Id).Select(p => p.PrimaryUse).SingleAsync()));
    }

    // ---- Tenancy and permissions ----

    [DatabaseFact]
    public async Task Every_vehicle_route_answers_404_for_another_dealers_vehicle_and_changes_nothing()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(dealer: 2, odometer: 20_000);
        var recommendation = await _data.RecommendationAsync(vehicle);
        var expense = await _data.ExpenseAsync(vehicle, ExpenseCategory.Fuel, 900m, new DateOnly(2026, 1, 2));
        var history = await _data.HistoryAsync(vehicle, null, "Wiper blades", 700m);
        var advisor = await app.UserAsync(Advisor);
        var gets = new List<string>
        {
            $"/vehicles/{vehicle.Id}", $"/vehicles/{vehicle.Id}/edit", $"/vehicles/{vehicle.Id}/owner-candidates?q=a",
            $"/vehicles/new?customerId={vehicle.CustomerId}",
        };
        gets.AddRange(Web.Components.Pages.Vehicles.VehicleDetail.Tabs.Select(t => $"/vehicles/{vehicle.Id}?tab={t.Key}"));
        string[] posts =
        [
            $"/vehicles/{vehicle.Id}/recommendations/{recommendation.Id}/schedule",
            $"/vehicles/{vehicle.Id}/recommendations/{recommendation.Id}/complete",
            $"/vehicles/{vehicle.Id}/expenses/{expense.Id}/delete",
            $"/vehicles/{vehicle.Id}/history/{history.Id}/delete",
        ];

        var answers = new List<string>();
        foreach (var url in gets)
        {
            using var response = await advisor.Client.GetAsync(url);
            answers.Add($"GET {url} {(int)response.StatusCode}");
        }
        foreach (var url in posts)
        {
            using var response = await Forms.PostWithTokenAsync(advisor.Client, url, new Dictionary<string, string> { ["expectedStatus"] = "Pending" });
            answers.Add($"POST {url} {(int)response.StatusCode}");
        }
        // A page form posted at the other dealer's vehicle (the advisor's own vehicle page supplies a valid form): the
        // page renders no form for a vehicle it cannot find, so Blazor refuses the post (400) before any handler runs.
        var own = await _data.VehicleOfNewCustomerAsync();
        var ownPage = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{own.Id}?tab=mileage");
        var form = Forms.FindForm(ownPage, "mileage-add");
        form.SetAttribute("action", $"/vehicles/{vehicle.Id}?tab=mileage");
        using (var response = await Forms.SubmitAsync(advisor.Client, ownPage, "mileage-add", Reading(25_000)))
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.All(answers, answer => Assert.EndsWith(" 404", answer));
        Assert.Equal(RecommendationStatus.Pending, await StatusAsync(recommendation.Id));
        Assert.True(await app.WithDbAsync(db => db.CarExpenses.AnyAsync(e => e.Id == expense.Id)));
        Assert.True(await app.WithDbAsync(db => db.VehicleServiceHistories.AnyAsync(h => h.Id == history.Id)));
        Assert.False(await app.WithDbAsync(db => db.MileageEntries.AnyAsync(e => e.VehicleId == vehicle.Id)));
    }

    [DatabaseFact]
    public async Task A_warranty_manager_reads_the_vehicle_without_any_form_to_change_it()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        await _data.RecommendationAsync(vehicle);
        var warranty = await app.UserAsync("warranty@d1.motortrace.test");

        foreach (var tab in Web.Components.Pages.Vehicles.VehicleDetail.Tabs)
        {
            var page = await Forms.GetPageAsync(warranty.Client, $"/vehicles/{vehicle.Id}?tab={tab.Key}");
            var forms = page.QuerySelectorAll("form[method=post]").Select(f => f.GetAttribute("action")).Where(a => a != "/account/logout").ToList();
            Assert.True(forms.Count == 0, $"{tab.Key}: forms posting to {string.Join(", ", forms)}");
            Assert.Null(page.QuerySelector($"a[href='/vehicles/{vehicle.Id}/edit']"));
        }
    }
}
