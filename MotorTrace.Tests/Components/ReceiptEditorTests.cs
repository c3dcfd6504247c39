using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Web.Components.Pages.Inventory;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The delivery form on its own: lines added and removed with their totals, every rule's message next to its field (the
/// line's quantity, not the top of the form) with nothing sent, and a complete form sent once.
/// </summary>
[Trait("Category", "Component")]
public sealed class ReceiptEditorTests : MudComponentTest
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly ItemChoice Pads = new(Guid.NewGuid(), "BPD-001", "Front brake pad set", 2496m, "Skoda parts", 7);
    private static readonly ItemChoice Filter = new(Guid.NewGuid(), "OFL-001", "Oil filter", 507m, "Skoda parts", 3);

    private readonly List<StockReceiptForm> _sent = [];

    public ReceiptEditorTests() => Services.AddScoped(_ => new DealerContext(null!, new CurrentUser(), TimeProvider.System));

    private IRenderedComponent<ReceiptEditor> Render(StockReceiptForm form, ServiceResult<Guid>? answer = null) =>
        RenderWithProviders<ReceiptEditor>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.Currency, "INR")
            .Add(c => c.Today, Today)
            .Add(c => c.FindItems, (_, _) => Task.FromResult<IReadOnlyList<ItemChoice>>([Pads, Filter]))
            .Add(c => c.Submit, f =>
            {
                _sent.Add(f);
                return Task.FromResult(answer ?? new ServiceResult<Guid>(Guid.NewGuid(), ServiceResult.Ok));
            }));

    private static StockReceiptForm Complete() => new()
    {
        Supplier = "Skoda parts", SupplierInvoiceNumber = "SK-77812", SupplierInvoiceDate = new DateTime(2026, 12, 5),
        Lines =
        [
            new StockReceiptLineForm { Item = Pads, Quantity = 4, UnitCost = 2500m },
            new StockReceiptLineForm { Item = Filter, Quantity = 3, UnitCost = 512.35m },
        ],
    };

    [Fact]
    public void Lines_are_added_and_removed_and_the_totals_follow()
    {
        var form = Complete();
        var editor = Render(form);

        Assert.Equal(["INR 10,000.00", "INR 1,537.05"], editor.FindAll("[data-testid=line-total]").Select(e => e.TextContent.Trim()));
        Assert.Equal("Total INR 11,537.05", editor.Find("[data-testid=receipt-total]").TextContent.Trim());

        editor.FindAll("button").Single(b => b.TextContent.Contains("Add line")).Click();
        Assert.Equal(3, editor.FindAll("[data-testid=receipt-line]").Count);
        Assert.Equal("3 lines", editor.Find("[data-testid=line-count]").TextContent.Trim());

        editor.Find("[aria-label='remove line 1']").Click();
        Assert.Equal(2, editor.FindAll("[data-testid=receipt-line]").Count);
        Assert.Equal([Filter, null], form.Lines.Select(l => l.Item));
        Assert.Equal("Total INR 1,537.05", editor.Find("[data-testid=receipt-total]").TextContent.Trim());
        // The last line cannot be removed: a delivery has at least one.
        editor.Find("[aria-label='remove line 2']").Click();
        Assert.True(editor.Find("[aria-label='remove line 1']").HasAttribute("disabled"));
    }

    [Fact]
    public void Each_broken_rule_shows_at_its_field_and_nothing_is_sent()
    {
        var form = Complete();
        form.SupplierInvoiceNumber = "";
        form.Lines[1].Quantity = 0;
        form.Lines.Add(new StockReceiptLineForm { Item = Pads, Quantity = 1, UnitCost = 1m });
        var editor = Render(form);

        editor.Find("form").Submit();

        Assert.Empty(_sent);
        var lines = editor.FindAll("[data-testid=receipt-line]");
        Assert.Contains("Enter a whole number from 1 to 100,000.", lines[1].TextContent);
        Assert.DoesNotContain("Enter a whole number", lines[0].TextContent);
        Assert.Contains("BPD-001 is already on line 1: add the quantities there.", lines[2].TextContent);
        Assert.Contains("Enter the supplier's invoice number.", editor.Markup);
    }

    [Fact]
    public void A_complete_delivery_is_sent_once_and_the_services_refusal_shows_at_the_line()
    {
        var editor = Render(Complete(), ServiceResult.Fail("Lines[1].Item", "This item no longer exists here: choose it again."));

        editor.Find("form").Submit();

        Assert.Single(_sent);
        Assert.Contains("This item no longer exists here: choose it again.", editor.FindAll("[data-testid=receipt-line]")[1].TextContent);
    }
}
