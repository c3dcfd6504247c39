using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Web.Components.Pages.Inventory;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Tests.Components;

/// <summary>
/// One line of the count sheet on its own: − and + step the count (never below zero), a count that is not a whole number
/// from zero is refused at the field with nothing sent, a good count is sent once with the line's version, and a refused
/// or failed save keeps the number on screen with the reason under the field.
/// </summary>
[Trait("Category", "Component")]
public sealed class StockTakeCountCardTests : MudComponentTest
{
    private static readonly StockTakeLineRow Pads =
        new(Guid.NewGuid(), Guid.NewGuid(), "BPD-001", "Front brake pad set", "Rack A-01", 7, null, null, null, 2496m, Guid.NewGuid());

    private readonly List<(StockTakeLineRow Line, int Count)> _sent = [];
    private readonly List<StockTakeLineRow> _saved = [];

    public StockTakeCountCardTests() => Services.AddScoped(_ => new DealerContext(null!, new CurrentUser(), TimeProvider.System));

    private IRenderedComponent<StockTakeCountCard> Render(Func<int, ServiceResult<StockTakeLineRow>>? answer = null) =>
        RenderWithProviders<StockTakeCountCard>(p => p
            .Add(c => c.Line, Pads)
            .Add(c => c.Currency, "INR")
            .Add(c => c.Save, async (line, count) =>
            {
                _sent.Add((line, count));
                await Task.Yield();
                return answer?.Invoke(count) ?? new ServiceResult<StockTakeLineRow>(
                    line with { Counted = count, CountedBy = "Paul Parts", CountedAt = DateTime.UtcNow, Version = Guid.NewGuid() }, ServiceResult.Ok);
            })
            .Add(c => c.OnSaved, saved => _saved.Add(saved)));

    private static string Field(IRenderedComponent<StockTakeCountCard> card) => card.Find("input").GetAttribute("value") ?? "";

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    private static void Type(IRenderedComponent<StockTakeCountCard> card, string text) => card.Find("input").Input(text);

    private static void Tap(IRenderedComponent<StockTakeCountCard> card, string label) => card.Find($"button[aria-label='{label}']").Click();

    [Fact]
    public void Minus_and_plus_step_the_count_and_never_go_below_zero()
    {
        var card = Render();

        Tap(card, "one more BPD-001");
        Tap(card, "one more BPD-001");
        Assert.Equal("2", Field(card));
        Tap(card, "one less BPD-001");
        Tap(card, "one less BPD-001");
        Assert.Equal("0", Field(card));
        Assert.True(card.Find("button[aria-label='one less BPD-001']").HasAttribute("disabled"));

        Type(card, "12");
        Tap(card, "one less BPD-001");
        Assert.Equal("11", Field(card));
        Assert.Empty(_sent);
    }

    [Theory]
    [InlineData("-1", "A count cannot be below zero: enter 0 when the shelf is empty.")]
    [InlineData("2.5", "Enter a whole number of units, like 4.")]
    [InlineData("", "Enter the number counted on the shelf (0 when it is empty).")]
    public void A_count_that_is_not_a_whole_number_from_zero_is_refused_at_the_field_and_not_sent(string typed, string message)
    {
        var card = Render();

        Type(card, typed);
        card.Find("button[aria-label='save count of BPD-001']").Click();

        Assert.Empty(_sent);
        Assert.Equal(message, card.Find(".mud-input-helper-text").TextContent.Trim());
        Assert.Equal(typed, Field(card));
    }

    [Fact]
    public void A_count_is_saved_once_and_the_difference_shows_with_its_value_at_cost()
    {
        var card = Render();

        Type(card, "5");
        card.Find("button[aria-label='save count of BPD-001']").Click();

        card.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal([(Pads, 5)], _sent);
        // The page hands the saved line back.
        card.Render(p => p.Add(c => c.Line, _saved[0]));
        Assert.Contains("Counted 5 · difference -2 (INR -4,992.00 at cost)", Squash(card.Find("[data-testid=count-result]").TextContent));
        Assert.Contains("mt-count-differs", card.Find("[data-testid=count-line]").ClassName);
        var save = card.Find("button[aria-label='saved count of BPD-001']");
        Assert.True(save.HasAttribute("disabled"));
        Assert.Contains("Saved", save.TextContent);
    }

    [Fact]
    public void A_refused_save_keeps_the_number_with_the_reason_under_the_field()
    {
        var card = Render(_ => ServiceResult.Fail("count", "This count was changed by Asha at 10:42 to 6. Your number is kept: count again, then save."));

        Type(card, "5");
        card.Find("button[aria-label='save count of BPD-001']").Click();

        card.WaitForAssertion(() => Assert.Equal("This count was changed by Asha at 10:42 to 6. Your number is kept: count again, then save.",
            card.Find(".mud-input-helper-text").TextContent.Trim()));
        Assert.Equal("5", Field(card));
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_save_that_cannot_reach_the_server_keeps_the_number_and_says_so()
    {
        var card = Render(_ => throw new InvalidOperationException("connection lost"));

        Type(card, "5");
        card.Find("button[aria-label='save count of BPD-001']").Click();

        card.WaitForAssertion(() => Assert.StartsWith("Not saved", card.Find(".mud-input-helper-text").TextContent.Trim()));
        Assert.Equal("5", Field(card));
        Assert.False(card.Find("button[aria-label='save count of BPD-001']").HasAttribute("disabled"));
    }
}
