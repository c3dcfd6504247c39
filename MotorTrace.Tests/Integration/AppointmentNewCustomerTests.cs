using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteAppointmentNewCustomerTests(SqliteFactory app) : AppointmentNewCustomerTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresAppointmentNewCustomerTests(PostgresFactory app) : AppointmentNewCustomerTests(app), IClassFixture<PostgresFactory>;

/// <summary>The booking page's first step: find the customer (live search), or enter a new customer and their car inline.</summary>
public abstract class AppointmentNewCustomerTests(MotorTraceFactory app)
{
    private const string Start = "2026-12-02T10:00";

    [DatabaseFact]
    public async Task The_live_search_finds_the_customer_and_links_each_vehicle_to_booking_it()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/appointments/new/customers?q=asha&start={Start}");
        request.Headers.Add("HX-Request", "true");

        using var fragment = await shop.Advisor.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        var page = await Forms.ParseAsync(fragment);
        Assert.NotNull(page.QuerySelector($"a[href='/appointments/new?vehicleId={shop.VehicleId}&start=2026-12-02T10%3A00']"));

        using var plain = await shop.Advisor.Client.GetAsync($"/appointments/new/customers?q=asha&start={Start}");
        Assert.True(AccountFlow.IsRedirectTo(plain, "/appointments/new"), $"Answered {(int)plain.StatusCode}");
        var full = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/new?q=asha&start={Start}");
        Assert.NotNull(full.QuerySelector($"#customer-results a[href*='vehicleId={shop.VehicleId}']"));

        using var technician = await shop.Technician.Client.GetAsync("/appointments/new/customers?q=asha");
        Assert.True(AccountFlow.IsRedirectTo(technician, AccountFlow.AccessDeniedPath), $"Answered {(int)technician.StatusCode}");
    }

    [DatabaseFact]
    public async Task A_new_customer_and_their_car_are_created_together_and_the_booking_continues_with_the_time_kept()
    {
        var shop = await AppointmentScenario.ForAsync(app);

        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, $"/appointments/new?new=1&start={Start}", "new-visit", Visit("Meera Iyer", "+91 98111 22334", "MA3FJEB1S00654321"));

        AppointmentScenario.AssertRedirectTo(response, "/appointments/new");
        var vehicle = await shop.DbAsync(db => db.Vehicles.AsNoTracking().Where(v => v.Vin == "MA3FJEB1S00654321")
            .Select(v => new { v.Id, v.DealerId, Customer = v.Customer.Name, v.Customer.Phone, Mileage = v.Mileage!.CurrentMileage }).SingleAsync());
        Assert.Equal((shop.DealerId, "Meera Iyer", "+91 98111 22334", 23456), (vehicle.DealerId, vehicle.Customer, vehicle.Phone, vehicle.Mileage));
        Assert.Equal($"/appointments/new?vehicleId={vehicle.Id}&start=2026-12-02T10%3A00", new Uri(MotorTraceFactory.BaseAddress, response.Headers.Location!).PathAndQuery);
    }

    [DatabaseFact]
    public async Task A_possible_duplicate_is_shown_and_needs_confirmation_and_what_was_typed_is_kept()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        var customers = await shop.DbAsync(db => db.Customers.CountAsync());

        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, "/appointments/new?new=1", "new-visit",
            Visit("Asha R.", "+91 98000 00001", "MA3FJEB1S00111111"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Asha Rao", page.QuerySelector(".alert-warning")!.TextContent);
        Assert.NotNull(page.QuerySelector($".alert-warning a[href^='/appointments/new?customerId={shop.CustomerId}']"));
        Assert.Equal("Asha R.", page.QuerySelector<IHtmlInputElement>("#c-name")!.Value);
        Assert.Equal("MA3FJEB1S00111111", page.QuerySelector<IHtmlInputElement>("#visit-vehicle-vin")!.Value);
        Assert.Equal(customers, await shop.DbAsync(db => db.Customers.CountAsync()));

        using var confirmed = await BrowserForm.SubmitAsync(shop.Advisor.Client, page, "new-visit", new Dictionary<string, string> { ["Visit.Customer.ConfirmedNotDuplicate"] = "True" });

        AppointmentScenario.AssertRedirectTo(confirmed, "/appointments/new");
        Assert.Equal(customers + 1, await shop.DbAsync(db => db.Customers.CountAsync()));
    }

    [DatabaseFact]
    public async Task A_refused_vehicle_leaves_no_customer_behind()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        var customers = await shop.DbAsync(db => db.Customers.CountAsync());

        // The scenario's car already has this VIN.
        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, "/appointments/new?new=1", "new-visit",
            Visit("Karan Mehta", "+91 97000 12345", "TMBJJ7NE5L0123456"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("already registered here", AppointmentScenario.MessagesNextTo(page, "visit-vehicle-vin"));
        Assert.Equal("Karan Mehta", page.QuerySelector<IHtmlInputElement>("#c-name")!.Value);
        Assert.Equal(customers, await shop.DbAsync(db => db.Customers.CountAsync()));
    }

    private static Dictionary<string, string> Visit(string name, string phone, string vin) => new()
    {
        ["Visit.Customer.Name"] = name,
        ["Visit.Customer.Phone"] = phone,
        ["Visit.Vehicle.Vin"] = vin,
        ["Visit.Vehicle.LicensePlate"] = "MH 12 CD 5678",
        ["Visit.Vehicle.Make"] = "Volkswagen",
        ["Visit.Vehicle.Model"] = "Virtus",
        ["Visit.Vehicle.Year"] = "2023",
        ["Visit.Vehicle.Odometer"] = "23456",
    };
}
