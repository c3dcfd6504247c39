using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotorTrace.Web.Components.Pages.Appointments;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Customers;

namespace MotorTrace.Tests.Components;

/// <summary>The booking page's customer search results (<see cref="BookingCustomerResults"/>), as the live search swaps them in.</summary>
[Trait("Category", "Component")]
public sealed class AppointmentCustomerSearchTests
{
    private static readonly BookingLinks Links = new(new DateTime(2026, 11, 24, 10, 0, 0), null);
    private static readonly CustomerMatch Asha = new(Guid.NewGuid(), "Asha Rao", "+919800000001", "asha@example.test", ["MH 14 XY 4321"]);
    private static readonly CustomerMatch Ravi = new(Guid.NewGuid(), "Ravi Kulkarni", null, null, []);
    private static readonly VehicleChoice Octavia = new(Guid.NewGuid(), Asha.Id, "Asha Rao", null, 2021, "Skoda", "Octavia", "MH 14 XY 4321", "TMBJJ7NE5L0123456");
    private static readonly VehicleChoice Polo = new(Guid.NewGuid(), Asha.Id, "Asha Rao", null, 2019, "Volkswagen", "Polo", null, "WVWZZZ6RZKY000001");

    private static async Task<IDocument> RenderAsync(string? query, IReadOnlyList<CustomerMatch> matches, IReadOnlyList<VehicleChoice> vehicles)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<BookingCustomerResults>(
            ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                ["Query"] = query, ["Matches"] = matches, ["Vehicles"] = vehicles, ["Links"] = Links,
            }))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    private static Dictionary<string, string> QueryOf(IElement link)
    {
        var href = link.GetAttribute("href")!;
        Assert.StartsWith("/appointments/new?", href);
        return QueryHelpers.ParseQuery(href[href.IndexOf('?')..]).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    [Fact]
    public async Task Each_vehicle_of_a_match_books_that_vehicle_at_the_time_picked_on_the_calendar()
    {
        var page = await RenderAsync("asha", [Asha, Ravi], [Octavia, Polo]);

        var asha = page.QuerySelector($"[data-customer='{Asha.Id}']")!;
        var cars = asha.QuerySelectorAll("a").Where(a => a.GetAttribute("href")!.Contains("vehicleId")).ToList();
        Assert.Equal(["MH 14 XY 4321", "WVWZZZ6RZKY000001"], cars.Select(a => a.QuerySelector(".fw-semibold")!.TextContent));
        Assert.Equal(new Dictionary<string, string> { ["vehicleId"] = Octavia.VehicleId.ToString(), ["start"] = "2026-11-24T10:00" }, QueryOf(cars[0]));
        Assert.Contains("+919800000001", asha.TextContent);
    }

    [Fact]
    public async Task A_customer_without_a_vehicle_is_offered_to_add_one()
    {
        var page = await RenderAsync("ravi", [Ravi], []);

        var add = page.QuerySelector($"[data-customer='{Ravi.Id}'] a")!;
        Assert.Equal("Add their vehicle", add.TextContent.Trim());
        Assert.Equal(Ravi.Id.ToString(), QueryOf(add)["customerId"]);
    }

    [Fact]
    public async Task No_match_offers_a_new_customer_keeping_what_was_typed_and_the_time()
    {
        var page = await RenderAsync("Meera", [], []);

        Assert.Contains("No customer matches “Meera”", page.Body!.TextContent);
        var link = page.QuerySelectorAll("a").Single();
        Assert.Equal(new Dictionary<string, string> { ["new"] = "1", ["q"] = "Meera", ["start"] = "2026-11-24T10:00" }, QueryOf(link));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a")]
    [InlineData(" ")]
    public async Task Too_short_a_search_shows_how_to_search_and_no_results(string? query)
    {
        var page = await RenderAsync(query, [], []);

        Assert.Contains("Type at least 2 characters", page.Body!.TextContent);
        Assert.Empty(page.QuerySelectorAll("a, li"));
    }
}
