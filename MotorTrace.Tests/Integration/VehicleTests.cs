using System.Net;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Pages.Vehicles;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteVehicleTests(SqliteFactory app) : VehicleTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresVehicleTests(PostgresFactory app) : VehicleTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The vehicle pages on their first (prerendered) request: what they show, 404 for what the user may not see, no
/// controls that change anything for a read-only role. Their rules are proven at the services (VehicleServiceTests).
/// </summary>
public abstract class VehicleTests(MotorTraceFactory app)
{
    private const string Advisor = "advisor@d1.motortrace.test";

    private readonly VehicleTestData _data = new(app);

    private static IEnumerable<string> PagesOf(Vehicle vehicle) =>
    [
        $"/vehicles/{vehicle.Id}", $"/vehicles/{vehicle.Id}/edit", $"/vehicles/new?customerId={vehicle.CustomerId}",
        .. VehicleDetail.Tabs.Select(t => $"/vehicles/{vehicle.Id}/{t.Key}"),
        .. VehicleDetail.Tabs.Select(t => $"/vehicles/{vehicle.Id}?tab={t.Key}"),
    ];

    [DatabaseFact]
    public async Task Every_vehicle_page_and_tab_answers_404_on_the_first_request_for_another_dealers_vehicle()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(dealer: 2, odometer: 20_000);
        var advisor = await app.UserAsync(Advisor);

        var answers = new List<string>();
        foreach (var url in PagesOf(vehicle))
        {
            using var response = await advisor.Client.GetAsync(url);
            answers.Add($"GET {url} {(int)response.StatusCode}");
        }

        Assert.All(answers, answer => Assert.EndsWith(" 404", answer));
    }

    [DatabaseFact]
    public async Task A_tab_that_does_not_exist_answers_404()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var advisor = await app.UserAsync(Advisor);

        using var response = await advisor.Client.GetAsync($"/vehicles/{vehicle.Id}/nonsense");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [DatabaseFact]
    public async Task Each_tab_has_its_own_address_and_opens_selected_with_the_vehicle_in_the_header()
    {
        var owner = await _data.CustomerAsync(name: VehicleTestData.UniqueName("Asha Rao"));
        var vehicle = await _data.VehicleAsync(owner, odometer: 45_210, plate: "MH 12 AB 1234");
        var advisor = await app.UserAsync(Advisor);

        foreach (var tab in VehicleDetail.Tabs)
        {
            var page = await Forms.GetPageAsync(advisor.Client, $"/vehicles/{vehicle.Id}/{tab.Key}");

            Assert.Equal("2022 Volkswagen Virtus", page.QuerySelector("h1")?.TextContent.Trim());
            Assert.Contains("45,210 km", page.Body!.TextContent);
            Assert.NotNull(page.QuerySelector($"a[href='/customers/{owner.Id}']"));
            Assert.Equal(tab.Title, page.QuerySelector(".mud-tab-active")?.TextContent.Trim(), ignoreCase: true);
        }
    }

    [DatabaseFact]
    public async Task A_warranty_manager_reads_the_vehicle_without_any_form_or_edit_link()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        await _data.RecommendationAsync(vehicle);
        var warranty = await app.UserAsync("warranty@d1.motortrace.test");

        foreach (var tab in VehicleDetail.Tabs)
        {
            var page = await Forms.GetPageAsync(warranty.Client, $"/vehicles/{vehicle.Id}/{tab.Key}");
            var forms = page.QuerySelectorAll("main form").Select(f => f.GetAttribute("action") ?? "(interactive form)").Where(a => a != "/account/logout").ToList();
            Assert.True(forms.Count == 0, $"{tab.Key}: forms {string.Join(", ", forms)}");
            Assert.Null(page.QuerySelector($"a[href='/vehicles/{vehicle.Id}/edit']"));
        }
    }

    [DatabaseFact]
    public async Task The_new_vehicle_page_answers_404_without_a_customer_and_names_the_customer_with_one()
    {
        var customer = await _data.CustomerAsync(name: VehicleTestData.UniqueName("Asha Rao"));
        var advisor = await app.UserAsync(Advisor);

        using var withoutCustomer = await advisor.Client.GetAsync("/vehicles/new");
        var page = await Forms.GetPageAsync(advisor.Client, $"/vehicles/new?customerId={customer.Id}");

        Assert.Equal(HttpStatusCode.NotFound, withoutCustomer.StatusCode);
        Assert.Equal($"New vehicle for {customer.Name}", page.QuerySelector("h1")?.TextContent.Trim());
    }
}
