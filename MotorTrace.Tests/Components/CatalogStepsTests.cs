using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Web.Components.Pages.Catalog;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Catalog;

namespace MotorTrace.Tests.Components;

/// <summary>The labor steps list of a canned service, as its page and the htmx step endpoints render it.</summary>
[Trait("Category", "Component")]
public sealed class CatalogStepsTests
{
    private static readonly Guid ServiceId = Guid.Parse("0194a000-0000-7000-8000-000000000001");
    private static readonly LaborOption Inspection = new(Guid.Parse("0194a000-0000-7000-8000-0000000000a1"), "PM-INSP", "Periodic maintenance inspection", 60, "Maintenance");
    private static readonly LaborOption Oil = new(Guid.Parse("0194a000-0000-7000-8000-0000000000a2"), "PM-OIL", "Engine oil and filter", 30, "Maintenance");
    private static readonly LaborOption Wash = new(Guid.Parse("0194a000-0000-7000-8000-0000000000a3"), "WASH", "Exterior wash", 30, "Valeting");

    private static ServiceStep Step(int sequence, LaborOption labor, int? minutes = null, string? notes = null, bool active = true) =>
        new(Guid.Parse($"0194a000-0000-7000-8000-00000000010{sequence}"), sequence, labor.Id, labor.Code, labor.Name, SkillLevel.Technician,
            active, labor.EstimatedMinutes, minutes ?? labor.EstimatedMinutes, notes);

    private static ServiceStepsView View(int duration, params ServiceStep[] steps) => new(ServiceId, duration, steps, [Inspection, Oil, Wash]);

    [Fact]
    public async Task Steps_are_listed_in_order_with_their_position_minutes_and_notes()
    {
        var page = await RenderAsync(View(120, Step(1, Inspection), Step(2, Oil, minutes: 40, notes: "Use 5W-30")));

        var rows = page.QuerySelectorAll("[data-step-id]");
        Assert.Equal(["1", "2"], rows.Select(r => r.QuerySelector(".badge.rounded-pill")!.TextContent.Trim()));
        Assert.Contains("PM-INSP", rows[0].TextContent);
        Assert.Contains("PM-OIL", rows[1].TextContent);
        Assert.Contains("40 min", rows[1].TextContent);
        Assert.Contains("book time 30 min", rows[1].TextContent);
        Assert.Contains("Use 5W-30", rows[1].TextContent);
        Assert.DoesNotContain("book time", rows[0].TextContent);
        Assert.Equal($"/catalog/labor/{Inspection.Id}", rows[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_total_labor_is_shown_against_the_duration_and_flagged_when_it_is_longer()
    {
        var within = await RenderAsync(View(120, Step(1, Inspection), Step(2, Oil)));
        var over = await RenderAsync(View(60, Step(1, Inspection), Step(2, Oil)));

        var total = within.QuerySelector("[data-testid='labor-total']")!;
        Assert.Equal("Labor 1 h 30 min of 2 h booked", Normalize(total.TextContent));
        Assert.DoesNotContain("bg-warning-subtle", total.ClassName);
        Assert.Contains("bg-warning-subtle", over.QuerySelector("[data-testid='labor-total']")!.ClassName);
    }

    [Fact]
    public async Task Move_and_remove_are_plain_forms_that_htmx_posts_to_the_same_step_endpoints()
    {
        var page = await RenderAsync(View(120, Step(1, Inspection), Step(2, Oil), Step(3, Wash)));

        var second = page.QuerySelectorAll("[data-step-id]")[1];
        var stepId = second.GetAttribute("data-step-id");
        var forms = second.QuerySelectorAll("form");
        Assert.Equal(
            [$"/catalog/services/{ServiceId}/steps/{stepId}/move-up", $"/catalog/services/{ServiceId}/steps/{stepId}/move-down", $"/catalog/services/{ServiceId}/steps/{stepId}/remove"],
            forms.Select(f => f.GetAttribute("action")));
        Assert.All(forms, form =>
        {
            Assert.Equal("post", form.GetAttribute("method"));
            Assert.Equal(form.GetAttribute("action"), form.GetAttribute("hx-post"));
            Assert.Equal("#service-steps", form.GetAttribute("hx-target"));
            Assert.Equal("outerHTML", form.GetAttribute("hx-swap"));
            Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        });
    }

    [Fact]
    public async Task The_first_step_cannot_move_up_and_the_last_cannot_move_down()
    {
        var page = await RenderAsync(View(120, Step(1, Inspection), Step(2, Oil), Step(3, Wash)));

        var rows = page.QuerySelectorAll("[data-step-id]");
        Assert.True(Button(rows[0], "up").HasAttribute("disabled"));
        Assert.False(Button(rows[0], "down").HasAttribute("disabled"));
        Assert.False(Button(rows[1], "up").HasAttribute("disabled"));
        Assert.False(Button(rows[1], "down").HasAttribute("disabled"));
        Assert.True(Button(rows[2], "down").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_add_form_posts_to_the_page_without_script_and_to_the_steps_endpoint_with_htmx()
    {
        var page = await RenderAsync(View(120, Step(1, Inspection)));

        var form = page.QuerySelector("form[hx-post$='/steps']")!;
        Assert.Equal($"/catalog/services/{ServiceId}#service-steps", form.GetAttribute("action"));
        Assert.Equal($"/catalog/services/{ServiceId}/steps", form.GetAttribute("hx-post"));
        // Its form name (the hidden _handler field) is added by the app's renderer, not by HtmlRenderer: the
        // integration tests post it by that name.
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        var options = form.QuerySelectorAll("select[name='NewStep.LaborCatalogId'] optgroup");
        Assert.Equal(["Maintenance", "Valeting"], options.Select(g => g.GetAttribute("label")));
        Assert.NotNull(form.QuerySelector("input[name='NewStep.EstimatedMinutes']"));
        Assert.NotNull(form.QuerySelector("input[name='NewStep.Notes']"));
    }

    [Fact]
    public async Task A_refused_step_shows_each_message_next_to_its_field_and_keeps_what_was_typed()
    {
        var result = new ServiceResult { Errors = [(nameof(StepForm.EstimatedMinutes), "Enter whole minutes, from 1 to 1,440.")] };
        var form = new StepForm { LaborCatalogId = Oil.Id.ToString(), EstimatedMinutes = "2000", Notes = "Synthetic" };

        var page = await RenderAsync(View(120, Step(1, Inspection)), result: result, form: form);

        var minutes = page.GetElementById("step-minutes")!;
        Assert.Equal("2000", minutes.GetAttribute("value"));
        Assert.Contains("is-invalid", minutes.ClassName);
        Assert.Equal("Enter whole minutes, from 1 to 1,440.", minutes.ParentElement!.QuerySelector(".invalid-feedback")!.TextContent.Trim());
        Assert.Equal(Oil.Id.ToString(), page.QuerySelector("#step-labor option[selected]")?.GetAttribute("value"));
        Assert.DoesNotContain("is-invalid", page.GetElementById("step-labor")!.ClassName);
        Assert.Equal("Synthetic", page.GetElementById("step-notes")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_read_only_user_sees_the_steps_without_any_control()
    {
        var page = await RenderAsync(View(120, Step(1, Inspection), Step(2, Oil)), canEdit: false);

        Assert.Equal(2, page.QuerySelectorAll("[data-step-id]").Length);
        Assert.Empty(page.QuerySelectorAll("form"));
        Assert.Empty(page.QuerySelectorAll("button"));
    }

    [Fact]
    public async Task An_empty_list_says_what_to_do()
    {
        var page = await RenderAsync(View(60));

        Assert.Contains("No labor steps yet", page.QuerySelector("#service-steps [role='status']")!.TextContent);
        Assert.Equal("Labor 0 min of 1 h booked", Normalize(page.QuerySelector("[data-testid='labor-total']")!.TextContent));
    }

    [Fact]
    public async Task A_deactivated_operation_on_a_step_is_marked()
    {
        var page = await RenderAsync(View(60, Step(1, Inspection, active: false)));

        Assert.Contains("Inactive operation", page.QuerySelector("[data-step-id]")!.TextContent);
    }

    [Fact]
    public async Task The_htmx_answer_also_updates_the_total_beside_the_duration_field()
    {
        var page = await RenderAsync(View(60, Step(1, Inspection), Step(2, Oil)), outOfBand: true);
        var inPage = await RenderAsync(View(60, Step(1, Inspection), Step(2, Oil)));

        var total = page.GetElementById("duration-labor-total")!;
        Assert.Equal("true", total.GetAttribute("hx-swap-oob"));
        Assert.Equal("Labor steps add up to 1 h 30 min: more than the booked duration.", total.TextContent.Trim());
        Assert.Null(inPage.GetElementById("duration-labor-total"));
    }

    private static IElement Button(IElement row, string direction) =>
        row.QuerySelector($"button[title='Move {direction}']") ?? throw new InvalidOperationException($"No move-{direction} button.");

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<IDocument> RenderAsync(ServiceStepsView view, bool canEdit = true, ServiceResult? result = null, StepForm? form = null, bool outOfBand = false)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ServiceSteps>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ServiceSteps.View)] = view,
                [nameof(ServiceSteps.CanEdit)] = canEdit,
                [nameof(ServiceSteps.Result)] = result,
                [nameof(ServiceSteps.Form)] = form,
                [nameof(ServiceSteps.OutOfBand)] = outOfBand,
            }));
            return output.ToHtmlString();
        });
        return new HtmlParser().ParseDocument($"<html><body>{html}</body></html>");
    }

    /// <summary>What the app's antiforgery provides in a request, for rendering outside one.</summary>
    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
