using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Tests.Services;
using MotorTrace.Web.Components.Pages.Finance;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Finance;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The payment dialog rendered with bUnit over the real PaymentService (the SQLite app), as the invoice page opens it: the
/// amount starts at the balance due, an overpayment and a missing UPI reference are refused next to their fields, and two
/// taps on "Record payment" record one payment.
/// </summary>
[Trait("Category", "Component")]
public sealed class PaymentDialogTests : MudComponentTest, IClassFixture<SqliteFactory>
{
    private readonly SqliteFactory app;
    private AsyncServiceScope? _scope;

    public PaymentDialogTests(SqliteFactory app)
    {
        this.app = app;
        Services.AddFallbackServiceProvider(new AppServices(this));
    }

    private sealed class AppServices(PaymentDialogTests test) : IServiceProvider
    {
        public object? GetService(Type serviceType) => test._scope?.ServiceProvider.GetService(serviceType);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result, InvoiceView Invoice)> OpenAsync(decimal price)
    {
        var shop = await InvoiceScenario.ForAsync(app);
        var invoice = await shop.IssuedAsync(new JobLine("Clutch overhaul", 1, price));
        _scope = await app.ScopeAsAsync(shop.Shop.Advisor);
        await _scope.Value.ServiceProvider.GetRequiredService<DealerContext>().LoadAsync();
        UseInteractiveServerRenderer();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await dialogs.InvokeAsync(async () => reference = await service.ShowAsync<PaymentDialog>("Take a payment", new DialogParameters<PaymentDialog>
        {
            { d => d.InvoiceId, invoice.Id }, { d => d.Balance, invoice.Balance }, { d => d.Currency, invoice.Currency },
        }));
        return (dialogs, reference!.Result, invoice);
    }

    private static Task<List<(PaymentMethod Method, decimal Amount)>> PaymentsAsync(SqliteFactory app, Guid invoiceId) =>
        app.WithDbAsync(db => db.Payments.Where(p => p.InvoiceId == invoiceId).Select(p => new ValueTuple<PaymentMethod, decimal>(p.Method, p.Amount)).ToListAsync());

    [Fact]
    public async Task The_amount_starts_at_the_balance_and_an_overpayment_is_refused_next_to_the_amount()
    {
        var (dialogs, result, invoice) = await OpenAsync(1000m); // 1,180.00 due

        var amount = dialogs.Find("#payment-amount");
        Assert.Equal("1180.00", decimal.Parse(amount.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        amount.Input("1200");
        dialogs.Find("[data-testid='record-payment']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("more than the balance due (1,180.00)", dialogs.Markup));
        Assert.False(result.IsCompleted);
        Assert.Empty(await PaymentsAsync(app, invoice.Id));
    }

    [Fact]
    public async Task Upi_needs_its_transaction_id_and_two_taps_record_one_partial_payment()
    {
        var (dialogs, result, invoice) = await OpenAsync(2000m); // 2,360.00 due

        dialogs.Find("#payment-amount").Input("1000");
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudSelect<PaymentMethod>>().Instance.SelectOption(PaymentMethod.Upi));
        dialogs.Find("[data-testid='record-payment']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Enter the UPI transaction id.", dialogs.Markup));
        Assert.Empty(await PaymentsAsync(app, invoice.Id));

        dialogs.Find("#payment-reference").Input("UPI-20261206-1");
        var button = dialogs.Find("[data-testid='record-payment']");
        button.Click();
        if (!result.IsCompleted && dialogs.FindAll("[data-testid='record-payment']").Count > 0) dialogs.Find("[data-testid='record-payment']").Click();

        var closed = await result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(closed!.Canceled);
        Assert.Equal([(PaymentMethod.Upi, 1000m)], await PaymentsAsync(app, invoice.Id));
    }
}
