using System.Globalization;
using MotorTrace.Web.Services.Appointments;

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class BookingFormTests
{
    [Theory]
    [InlineData("850", "850.00")]
    [InlineData("850.0", "850.00")]
    [InlineData("1249.5", "1249.50")]
    [InlineData("99.999", "99.999")]
    public void A_service_price_shows_in_the_booking_field_with_two_decimals_and_is_never_rounded(string stored, string shown)
    {
        var line = new ServiceLineForm { Price = decimal.Parse(stored, CultureInfo.InvariantCulture) };

        Assert.Equal(shown, line.Price.ToString(CultureInfo.InvariantCulture));
    }
}
