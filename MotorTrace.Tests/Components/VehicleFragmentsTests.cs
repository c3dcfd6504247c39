using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Components.Pages.Vehicles;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Tests.Components;

/// <summary>The fragments the vehicle endpoints render alone for htmx, and the badges of the vehicle page.</summary>
[Trait("Category", "Component")]
public sealed class VehicleFragmentsTests
{
    [Fact]
    public async Task Vin_feedback_shows_errors_as_refusals_without_a_confirmation_box()
    {
        var html = await RenderAsync<VinFeedback>(new() { [nameof(VinFeedback.Errors)] = new[] { "A VIN has 17 characters; this one has 12." }, [nameof(VinFeedback.ShowValid)] = true });

        Assert.Equal("A VIN has 17 characters; this one has 12.", html.QuerySelector(".invalid-feedback")?.TextContent.Trim());
        Assert.Null(html.QuerySelector("input[type=checkbox]"));
        Assert.Null(html.QuerySelector(".text-success"));
    }

    [Fact]
    public async Task Vin_feedback_names_and_links_the_vehicle_that_already_has_the_vin()
    {
        var owner = new VinOwner(Guid.NewGuid(), "Asha Rao", 2022, "Volkswagen", "Virtus", "MH 12 AB 1234");

        var html = await RenderAsync<VinFeedback>(new() { [nameof(VinFeedback.Duplicate)] = owner, [nameof(VinFeedback.ShowValid)] = true });

        var link = html.QuerySelector(".invalid-feedback a");
        Assert.Equal($"/vehicles/{owner.VehicleId}", link?.GetAttribute("href"));
        Assert.Equal("Asha Rao's 2022 Volkswagen Virtus (MH 12 AB 1234)", link?.TextContent);
        Assert.Null(html.QuerySelector(".text-success"));
    }

    [Fact]
    public async Task Vin_feedback_shows_the_check_digit_warning_with_a_box_posting_the_confirmation()
    {
        var html = await RenderAsync<VinFeedback>(new()
        {
            [nameof(VinFeedback.Warning)] = "The check digit (9th character) should be 'X'.",
            [nameof(VinFeedback.AskConfirmation)] = true,
            [nameof(VinFeedback.Confirmed)] = true,
            [nameof(VinFeedback.ConfirmError)] = "Tick the box.",
        });

        Assert.Contains("should be 'X'", html.QuerySelector("[data-vin-warning]")?.TextContent);
        var box = html.QuerySelector("input[type=checkbox]");
        Assert.Equal(("Input.VinWarningConfirmed", "true"), (box?.GetAttribute("name"), box?.GetAttribute("value")));
        Assert.True(box!.HasAttribute("checked"));
        Assert.Contains("is-invalid", box.ClassList);
        Assert.Equal("vin-confirm", html.QuerySelector("label")?.GetAttribute("for"));
        Assert.Equal("Tick the box.", html.QuerySelector(".invalid-feedback")?.TextContent.Trim());
    }

    [Fact]
    public async Task Vin_feedback_shows_the_warning_without_a_box_when_the_vin_is_unchanged()
    {
        var html = await RenderAsync<VinFeedback>(new() { [nameof(VinFeedback.Warning)] = "Check digit.", [nameof(VinFeedback.AskConfirmation)] = false });

        Assert.NotNull(html.QuerySelector("[data-vin-warning]"));
        Assert.Null(html.QuerySelector("input[type=checkbox]"));
    }

    [Theory]
    [InlineData(true, "Valid VIN; the check digit matches.")]
    [InlineData(false, "Valid VIN.")]
    public async Task Vin_feedback_confirms_a_valid_vin_while_typing(bool northAmerican, string message)
    {
        var html = await RenderAsync<VinFeedback>(new() { [nameof(VinFeedback.ShowValid)] = true, [nameof(VinFeedback.NorthAmerican)] = northAmerican });

        Assert.Equal(message, html.QuerySelector(".text-success")?.TextContent.Trim());
    }

    [Fact]
    public async Task Vin_feedback_is_empty_on_a_forms_first_load()
    {
        var html = await RenderAsync<VinFeedback>(new());

        Assert.Equal("", html.Body?.TextContent.Trim());
    }

    [Fact]
    public async Task Transfer_candidates_are_radio_buttons_of_the_transfer_form_with_the_chosen_one_checked()
    {
        var chosen = new CustomerMatch(Guid.NewGuid(), "Vikram Mehta", "+919822011111", "vikram@example.in", ["MH 14 XY 9876"]);
        var other = new CustomerMatch(Guid.NewGuid(), "Priya Kulkarni", "+919900022222", null, []);

        var html = await RenderAsync<TransferCandidates>(new()
        {
            [nameof(TransferCandidates.Candidates)] = new[] { chosen, other },
            [nameof(TransferCandidates.Search)] = "vik",
            [nameof(TransferCandidates.Chosen)] = chosen.Id,
        });

        var radios = html.QuerySelectorAll("input[type=radio]").ToList();
        Assert.Equal([chosen.Id.ToString(), other.Id.ToString()], radios.Select(r => r.GetAttribute("value")));
        Assert.All(radios, r => Assert.Equal("Transfer.NewOwnerId", r.GetAttribute("name")));
        Assert.Equal([true, false], radios.Select(r => r.HasAttribute("checked")));
        Assert.Contains("+919822011111 · vikram@example.in", radios[0].ParentElement?.TextContent);
        Assert.Contains("MH 14 XY 9876", radios[0].ParentElement?.TextContent);
        Assert.Equal("vik", html.QuerySelector("input[type=hidden][name=q]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Transfer_candidates_say_when_nobody_matches_and_where_to_add_the_customer()
    {
        var html = await RenderAsync<TransferCandidates>(new() { [nameof(TransferCandidates.Candidates)] = Array.Empty<CustomerMatch>(), [nameof(TransferCandidates.Search)] = "zz" });

        Assert.Contains("No other customer of this dealer matches “zz”", html.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal("/customers/new", html.QuerySelector("[role=status] a")?.GetAttribute("href"));
        Assert.Null(html.QuerySelector("input[type=radio]"));
    }

    [Fact]
    public async Task Transfer_candidates_ask_for_a_search_before_one_is_typed()
    {
        var html = await RenderAsync<TransferCandidates>(new() { [nameof(TransferCandidates.Candidates)] = Array.Empty<CustomerMatch>() });

        Assert.Equal("Search for the new owner above.", html.QuerySelector("[role=status]")?.TextContent.Trim());
    }

    [Theory]
    [InlineData(VehicleStatus.Active, "Active", "text-bg-success")]
    [InlineData(VehicleStatus.InService, "In service", "text-bg-primary")]
    [InlineData(VehicleStatus.Scrapped, "Scrapped", "text-bg-dark")]
    [InlineData(RecommendationStatus.Pending, "Pending", "text-bg-warning")]
    [InlineData(RecommendationStatus.Dismissed, "Dismissed", "text-bg-secondary")]
    [InlineData(ServicePriority.Critical, "Critical", "text-bg-danger")]
    public async Task Badges_name_the_value_in_words_and_colour_it_by_urgency(Enum value, string text, string css)
    {
        var html = await RenderAsync<VehicleBadge>(new() { [nameof(VehicleBadge.Value)] = value });

        var badge = html.QuerySelector(".badge");
        Assert.Equal(text, badge?.TextContent);
        Assert.Contains(css, badge!.ClassList);
    }

    private static async Task<IDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument($"<html><body>{html}</body></html>");
    }
}
