using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Components.Pages.Customers;

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class CustomerDisplayTests
{
    [Theory]
    [InlineData(WorkOrderStatus.AwaitingApproval, "Awaiting approval")]
    [InlineData(WorkOrderStatus.Open, "Open")]
    [InlineData(AppointmentStatus.NoShow, "No show")]
    [InlineData(PaymentMethod.BankTransfer, "Bank transfer")]
    public void Statuses_read_as_words(Enum status, string words) => Assert.Equal(words, CustomerDisplay.Words(status));

    [Fact]
    public void Money_has_the_currency_code_two_decimals_and_grouping_whatever_the_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("INR 12,345.50", CustomerDisplay.Money(12345.5m, "INR"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(InvoiceStatus.Overdue, "danger")]
    [InlineData(InvoiceStatus.Paid, "success")]
    [InlineData(AppointmentStatus.Pending, "warning")]
    [InlineData(WorkOrderStatus.Cancelled, "secondary")]
    public void Each_status_gets_the_badge_colour_of_its_meaning(Enum status, string tone) =>
        Assert.Equal($"badge bg-{tone}-subtle text-{tone}-emphasis border border-{tone}-subtle", CustomerDisplay.Badge(status));
}
