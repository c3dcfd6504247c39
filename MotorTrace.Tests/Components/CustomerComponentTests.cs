using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotorTrace.Web.Components.Pages.Customers;
using MotorTrace.Web.Services.Customers;

namespace MotorTrace.Tests.Components;

/// <summary>The customer picker's results fragment and the duplicate warning, rendered on their own.</summary>
[Trait("Category", "Component")]
public sealed class CustomerComponentTests
{
    private static readonly CustomerMatch Asha = new(Guid.NewGuid(), "Asha Rao", "+919845012345", "asha@example.com", ["MH12AB1234", "MH14CD5678"]);
    private static readonly CustomerMatch Ravi = new(Guid.NewGuid(), "Ravi Kumar", null, null, []);

    [Fact]
    public async Task Lookup_results_link_each_match_to_the_customer_with_name_phone_and_plates()
    {
        var page = await RenderAsync<CustomerLookupResults>(new() { ["Query"] = "MH12", ["Matches"] = new[] { Asha, Ravi } });

        var links = page.QuerySelectorAll("a.list-group-item");
        Assert.Equal([$"/customers/{Asha.Id}", $"/customers/{Ravi.Id}"], links.Select(a => a.GetAttribute("href")));
        Assert.Contains("Asha Rao", links[0].TextContent);
        Assert.Contains("+919845012345", links[0].TextContent);
        Assert.Equal(["MH12AB1234", "MH14CD5678"], links[0].QuerySelectorAll(".badge").Select(b => b.TextContent));
        Assert.Empty(page.QuerySelectorAll("button"));
        Assert.DoesNotContain("type more", page.Body!.TextContent);
    }

    [Fact]
    public async Task Lookup_results_with_a_field_are_submit_buttons_carrying_the_customer_id()
    {
        var page = await RenderAsync<CustomerLookupResults>(new() { ["Query"] = "asha", ["Matches"] = new[] { Asha }, ["Field"] = "Input.CustomerId" });

        var button = Assert.Single(page.QuerySelectorAll<IHtmlButtonElement>("button.list-group-item"));
        Assert.Equal("submit", button.Type);
        Assert.Equal("Input.CustomerId", button.Name);
        Assert.Equal(Asha.Id.ToString(), button.Value);
        Assert.Contains("Asha Rao", button.TextContent);
        Assert.Empty(page.QuerySelectorAll("a.list-group-item"));
    }

    [Fact]
    public async Task Lookup_results_for_a_short_query_ask_for_more_characters()
    {
        var page = await RenderAsync<CustomerLookupResults>(new() { ["Query"] = "a", ["Matches"] = Array.Empty<CustomerMatch>() });

        Assert.Contains("Type at least 2 characters", page.Body!.TextContent);
        Assert.Null(page.QuerySelector(".list-group"));
    }

    [Fact]
    public async Task Lookup_results_without_matches_say_so_and_offer_a_new_customer_to_those_who_may_create_one()
    {
        var writer = await RenderAsync<CustomerLookupResults>(new() { ["Query"] = "zz-nobody", ["Matches"] = Array.Empty<CustomerMatch>(), ["CanCreate"] = true });
        var reader = await RenderAsync<CustomerLookupResults>(new() { ["Query"] = "zz-nobody", ["Matches"] = Array.Empty<CustomerMatch>() });

        Assert.Contains("No customer matches “zz-nobody”", writer.QuerySelector("[role='status']")!.TextContent);
        Assert.NotNull(writer.QuerySelector("a[href='/customers/new']"));
        Assert.Contains("No customer matches", reader.Body!.TextContent);
        Assert.Null(reader.QuerySelector("a[href='/customers/new']"));
    }

    [Fact]
    public async Task Lookup_results_at_the_limit_suggest_typing_more()
    {
        var matches = Enumerable.Range(1, CustomerLookupResults.Limit)
            .Select(i => new CustomerMatch(Guid.NewGuid(), $"Customer {i}", null, null, [])).ToArray();

        var page = await RenderAsync<CustomerLookupResults>(new() { ["Query"] = "customer", ["Matches"] = matches });

        Assert.Equal(CustomerLookupResults.Limit, page.QuerySelectorAll("a.list-group-item").Length);
        Assert.Contains("type more to narrow them down", page.Body!.TextContent);
    }

    [Fact]
    public async Task The_duplicate_warning_lists_each_candidate_with_a_link_that_keeps_the_form_open_and_the_reason()
    {
        DuplicateCandidate[] candidates =
        [
            new(Guid.NewGuid(), "Ravi Kumar", "+919845012345", null, "same phone"),
            new(Guid.NewGuid(), "Ravi K", "+919845012345", "ravi@example.com", "same phone and email"),
        ];

        var page = await RenderAsync<DuplicateWarning>(new() { ["Candidates"] = candidates });

        var panel = page.QuerySelector("#duplicate-warning")!;
        Assert.Equal("alert", panel.GetAttribute("role"));
        Assert.Contains("2 customers at this dealer have the same phone number or email", Normalize(panel.TextContent));
        Assert.Contains("Nothing has been saved yet", panel.TextContent);
        var items = panel.QuerySelectorAll("li");
        Assert.Equal(2, items.Length);
        var link = items[1].QuerySelector("a")!;
        Assert.Equal($"/customers/{candidates[1].Id}", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("Ravi K", link.TextContent);
        Assert.Equal("same phone and email", items[1].QuerySelector(".badge")!.TextContent);
        Assert.Contains("ravi@example.com", items[1].TextContent);
    }

    [Fact]
    public async Task The_duplicate_warning_confirms_with_a_submit_button_posting_ConfirmedNotDuplicate()
    {
        var page = await RenderAsync<DuplicateWarning>(new() { ["Candidates"] = new[] { new DuplicateCandidate(Guid.NewGuid(), "Ravi Kumar", null, "ravi@example.com", "same email") } });

        var confirm = Assert.Single(page.QuerySelectorAll<IHtmlButtonElement>("#duplicate-warning button"));
        Assert.Equal("submit", confirm.Type);
        Assert.Equal("Input.ConfirmedNotDuplicate", confirm.Name);
        Assert.Equal("true", confirm.Value);
        Assert.Contains("This is a different person — save anyway", confirm.TextContent);
        Assert.Contains("One customer at this dealer has the same phone number or email", Normalize(page.Body!.TextContent));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<IDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }
}
