using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Components.Pages.WorkOrders;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The work-order page's estimate parts on their own: the line editor (services with labour and parts, the answer and
/// the actions each line offers, its history), the totals and discount panel, and the approval dialog that records the
/// customer's answer as evidence.
/// </summary>
[Trait("Category", "Component")]
public sealed class EstimateComponentTests : MudComponentTest
{
    private static readonly Guid Oil = Guid.NewGuid(), Filter = Guid.NewGuid(), Wipers = Guid.NewGuid(), Tech = Guid.NewGuid(), Drain = Guid.NewGuid();

    public EstimateComponentTests()
    {
        // Money and LocalTime read the dealer's currency and time zone; these tests give the currency on every record.
        Services.AddScoped(_ => new DealerContext(null!, new CurrentUser(), TimeProvider.System));
    }

    private static WorkOrderEstimate Estimate(bool canEdit = true, LineDecision oil = LineDecision.Approved, bool discountWaiting = false, bool manager = false)
    {
        var lines = new List<EstimateLine>
        {
            new(EstimateLineKind.Service, Oil, null, "Oil change", 1, 1500m, oil, LinePayer.Customer, null, null, 0, null, null, null, null, false,
                [new EstimateLabor(Drain, "Drain and refill oil", 30, Tech, "Tarun Technician", ServiceStatus.Pending)]),
            new(EstimateLineKind.Part, Filter, Oil, "Oil filter", 2, 450.125m, oil, LinePayer.Customer, PartSource.Inventory, Guid.NewGuid(), 0, 7, null, null, null, false, []),
            new(EstimateLineKind.Part, Wipers, null, "Wiper blades", 1, 650m, LineDecision.Declined, LinePayer.Warranty, PartSource.Supplier, null, 0, null, "Bosch depot", "INV-9", null, false, []),
        };
        var totals = WorkOrderTotals.Compute(lines.Select(l => new PricedLine(l.Kind, l.Quantity, l.UnitPrice, l.Decision)),
            discountWaiting ? DiscountType.None : DiscountType.Percentage, discountWaiting ? 0 : 5m, 18m);
        var evidence = new List<EstimateEvidence>
        {
            new(Guid.NewGuid(), EstimateLineKind.Service, Oil, ApprovalDecision.Approved, ApprovalMethod.Phone, "Oil change", 1, 1400m, "Meera Iyer", null, "Arjun Advisor", new DateTime(2026, 12, 6, 5, 0, 0, DateTimeKind.Utc)),
            new(Guid.NewGuid(), EstimateLineKind.Service, Oil, ApprovalDecision.Reopened, null, "Oil change", 1, 1500m, null, "Changed after the customer's answer", "Arjun Advisor", new DateTime(2026, 12, 6, 6, 0, 0, DateTimeKind.Utc)),
        };
        return new WorkOrderEstimate(Guid.NewGuid(), "WO-D001-000042", WorkOrderStatus.Open, Guid.NewGuid(), Guid.NewGuid(), "Meera Iyer", "INR", lines, totals,
            new DiscountState(discountWaiting ? DiscountType.Percentage : DiscountType.Percentage, discountWaiting ? 15m : 5m, "Loyal customer", discountWaiting,
                discountWaiting ? DateTime.UtcNow : null, null, null),
            18m, 10m, evidence, [], [new StaffChoice(Tech, "Tarun Technician")], canEdit, manager, canEdit);
    }

    [Fact]
    public void The_line_editor_nests_labour_and_parts_under_their_service_with_each_lines_answer_and_price()
    {
        var editor = RenderWithProviders<EstimateLines>(p => p.Add(c => c.Estimate, Estimate()));

        var rows = editor.FindAll("[data-testid=line-row]");
        Assert.Equal([Oil.ToString(), Filter.ToString(), Wipers.ToString()], rows.Select(r => r.GetAttribute("data-line")));
        Assert.Contains("Drain and refill oil · 30 min", editor.Find("[data-testid=labor-row]").TextContent);
        Assert.Contains("mt-estimate-sub", rows[1].InnerHtml); // the filter sits under its service
        Assert.Contains("INR 900.25", rows[1].TextContent); // 2 × 450.125, rounded half away from zero
        Assert.Contains("Approved", rows[0].TextContent);
        Assert.Contains("Declined", rows[2].TextContent);
        Assert.Contains("Bosch depot · invoice INV-9", rows[2].TextContent);
        Assert.Contains("Issued 0 of 2 · 7 on hand", rows[1].TextContent);
        // An approved line offers Decline (not Approve), a declined one Approve; only an approved stock part can be issued.
        Assert.Empty(rows[0].QuerySelectorAll("[aria-label='approve Oil change']"));
        Assert.Single(rows[0].QuerySelectorAll("[aria-label='decline Oil change']"));
        Assert.Single(rows[2].QuerySelectorAll("[aria-label='approve Wiper blades']"));
        Assert.Single(rows[1].QuerySelectorAll("[aria-label='issue Oil filter from stock']"));
        Assert.Empty(rows[2].QuerySelectorAll("[aria-label^='issue']"));
    }

    [Fact]
    public void Answering_editing_and_removing_a_line_ask_the_page_and_the_history_opens_under_the_line()
    {
        var asked = new List<string>();
        var editor = RenderWithProviders<EstimateLines>(p => p
            .Add(c => c.Estimate, Estimate(oil: LineDecision.Pending))
            .Add(c => c.OnDecide, args => asked.Add($"{args.Decision} {args.Line.Description}"))
            .Add(c => c.OnEdit, line => asked.Add($"edit {line.Description}"))
            .Add(c => c.OnRemove, line => asked.Add($"remove {line.Description}")));

        editor.Find("[aria-label='approve Oil change']").Click();
        editor.Find("[aria-label='decline Oil filter']").Click();
        editor.Find("[aria-label='edit Wiper blades']").Click();
        editor.Find("[aria-label='remove Oil change']").Click();
        Assert.Empty(editor.FindAll("[data-testid=evidence-row]"));
        editor.Find("[aria-label='history of Oil change']").Click();

        Assert.Equal(["Approved Oil change", "Declined Oil filter", "edit Wiper blades", "remove Oil change"], asked);
        var history = editor.FindAll("[data-testid=evidence-row]");
        Assert.Equal(2, history.Count);
        Assert.Contains("INR 1,400.00", history[0].TextContent);
        Assert.Contains("Phone", history[0].TextContent);
        Assert.Contains("Meera Iyer", history[0].TextContent);
        Assert.Contains("Re-opened", history[1].TextContent);
        Assert.Contains("INR 1,500.00", history[1].TextContent);
    }

    [Fact]
    public void Someone_who_may_only_read_sees_the_lines_without_any_action()
    {
        var editor = RenderWithProviders<EstimateLines>(p => p.Add(c => c.Estimate, Estimate(canEdit: false)));

        Assert.Equal(3, editor.FindAll("[data-testid=line-row]").Count);
        Assert.Empty(editor.FindAll("[aria-label^='approve'], [aria-label^='decline'], [aria-label^='edit'], [aria-label^='remove'], [aria-label^='issue']"));
        Assert.Contains("Tarun Technician", editor.Find("[data-testid=labor-row]").TextContent);
    }

    [Fact]
    public void The_totals_show_the_money_of_the_one_computation_and_the_answers_apart()
    {
        var estimate = Estimate();
        var panel = RenderWithProviders<EstimateTotalsPanel>(p => p.Add(c => c.Estimate, estimate));

        string At(string id) => panel.Find($"[data-testid={id}]").TextContent.Trim();
        // 1,500 + 900.25 charged (the wipers were declined); 5% discount 120.01; 18% tax on 2,280.24 = 410.44.
        Assert.Equal("INR 1,500.00", At("total-services"));
        Assert.Equal("INR 900.25", At("total-parts"));
        Assert.Equal("INR 2,400.25", At("work-order-subtotal"));
        Assert.Equal("− INR 120.01", At("total-discount"));
        Assert.Equal("INR 410.44", At("total-tax"));
        Assert.Equal("INR 2,690.68", At("work-order-total"));
        Assert.Equal("INR 2,400.25", At("total-approved"));
        Assert.Equal("INR 650.00", At("total-declined"));
        Assert.Equal("INR 0.00", At("total-pending"));
        Assert.Equal((120.01m, 410.44m, 2690.68m), (estimate.Totals.Discount, estimate.Totals.Tax, estimate.Totals.Total));
    }

    [Fact]
    public void A_refused_discount_shows_the_reason_at_its_field_and_keeps_what_was_typed()
    {
        DiscountForm? sent = null;
        var panel = RenderWithProviders<EstimateTotalsPanel>(p => p
            .Add(c => c.Estimate, Estimate())
            .Add(c => c.SaveDiscount, form =>
            {
                sent = form;
                return Task.FromResult<ServiceResult<string>>(ServiceResult.Fail(nameof(DiscountForm.Reason), "Give the reason for the discount."));
            }));

        panel.Find("#discount-reason").Change("");
        panel.Find("#discount-value").Change("12");
        panel.Find("form#discount-form").Submit();

        Assert.Equal(12m, sent!.Value);
        Assert.Contains("Give the reason for the discount.", panel.Find("[data-testid=discount]").TextContent);
        Assert.Equal("12", panel.Find("#discount-value").GetAttribute("value"));
    }

    [Fact]
    public void A_discount_waiting_for_a_manager_is_not_applied_and_only_a_manager_sees_approve_and_reject()
    {
        var advisor = RenderWithProviders<EstimateTotalsPanel>(p => p.Add(c => c.Estimate, Estimate(discountWaiting: true)));
        var manager = Render<EstimateTotalsPanel>(p => p.Add(c => c.Estimate, Estimate(discountWaiting: true, manager: true)));

        Assert.Contains("15% requested", advisor.Find("[data-testid=discount-request]").TextContent);
        Assert.Contains("not applied until a manager approves it", advisor.Find("[data-testid=discount-request]").TextContent);
        Assert.Equal("INR 0.00", advisor.Find("[data-testid=total-discount]").TextContent.Trim());
        Assert.DoesNotContain("Approve discount", advisor.Markup);
        Assert.Contains("Approve discount", manager.Markup);
        Assert.Contains("Reject discount", manager.Markup);
    }

    [Fact]
    public async Task The_approval_dialog_shows_exactly_what_is_answered_and_keeps_the_input_when_the_save_is_refused()
    {
        var estimate = Estimate(oil: LineDecision.Pending);
        var lines = estimate.Lines.Take(2).ToList();
        var form = new ApprovalForm { Decision = ApprovalDecision.Approved, AnsweredBy = "Meera Iyer" };
        var saves = new List<(ApprovalMethod? Method, string? By, string? Notes)>();
        var refuse = true;
        UseInteractiveServerRenderer();
        Render<MudPopoverProvider>();
        var providers = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await providers.InvokeAsync(async () => dialog = await dialogs.ShowAsync<ApprovalDialog>(null, new DialogParameters<ApprovalDialog>
        {
            { d => d.Lines, lines }, { d => d.Form, form }, { d => d.Currency, "INR" },
            {
                d => d.Save, f =>
                {
                    saves.Add((f.Method, f.AnsweredBy, f.Notes));
                    return Task.FromResult(refuse
                        ? new ServiceResult<string>(null, ServiceResult.ChangedBy("work order", "Sara Second", new DateTime(2026, 12, 6, 14, 5, 0)))
                        : new ServiceResult<string>("Approved: 2 lines.", ServiceResult.Ok));
                }
            },
        }).WaitAsync(TimeSpan.FromSeconds(20)));

        var table = providers.Find("[data-testid=approval-lines]");
        Assert.Contains("Record approval of 2 lines", providers.Markup);
        Assert.Contains("Oil change", table.TextContent);
        Assert.Contains("INR 1,500.00", table.TextContent);
        Assert.Contains("INR 900.25", table.TextContent);
        Assert.Contains("INR 2,400.25", table.TextContent); // together
        Assert.Equal("Meera Iyer", providers.Find("#approval-answered-by").GetAttribute("value"));

        providers.Find("form#approval-form").Submit(); // no method chosen
        Assert.Contains("Choose how the customer answered.", providers.Markup);
        Assert.Empty(saves);

        form.Method = ApprovalMethod.Phone; // as the select sets it
        providers.Find("#approval-notes").Change("Called at lunch");
        providers.Find("form#approval-form").Submit();
        providers.WaitForAssertion(() => Assert.Contains("changed by Sara Second at 14:05", providers.Markup));
        Assert.Contains("Called at lunch", providers.Find("#approval-notes").OuterHtml); // the input stays

        Assert.Contains("Reload", providers.Find("[role=alert]").TextContent); // to see the other change; the dialog keeps the input until then

        refuse = false;
        providers.Find("#approval-notes").Change("Called at lunch; confirmed"); // touching the form clears the refusal
        providers.Find("form#approval-form").Submit();
        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, saves.Count);
        Assert.Equal((ApprovalMethod.Phone, "Meera Iyer", "Called at lunch"), (saves[0].Method!.Value, saves[0].By!, saves[0].Notes!));
        Assert.Equal("Called at lunch; confirmed", saves[1].Notes);
        Assert.Equal("Approved: 2 lines.", result!.Data);
    }
}
