using MotorTrace.Web.Services.Catalog;

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class CatalogTextTests
{
    [Theory]
    [InlineData(" brk-fp ", "BRK-FP")]
    [InlineData("Pms-10", "PMS-10")]
    public void Codes_are_stored_trimmed_and_upper_case(string typed, string stored) =>
        Assert.Equal(stored, CatalogText.NormalizeCode(typed));

    [Theory]
    [InlineData("BRK-FP", true)]
    [InlineData("pm.oil/2", true)]
    [InlineData(" WASH ", true)]
    [InlineData("BRK FP", false)]
    [InlineData("-BRK", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_code_has_letters_digits_and_separators_but_no_spaces(string? code, bool valid) =>
        Assert.Equal(valid, CatalogText.IsValidCode(code));

    [Theory]
    [InlineData("45", true, 45, false)]
    [InlineData(" 1440 ", true, 1440, false)]
    [InlineData("", true, null, false)]
    [InlineData("", false, null, true)]
    [InlineData("0", true, null, true)]
    [InlineData("1441", true, null, true)]
    [InlineData("-5", true, null, true)]
    [InlineData("1.5", true, null, true)]
    [InlineData("90 min", true, null, true)]
    public void Step_minutes_are_whole_minutes_within_a_day_or_empty_for_the_book_time(string text, bool optional, int? value, bool error)
    {
        var (minutes, message) = CatalogText.ParseMinutes(text, optional);

        Assert.Equal(value, minutes);
        Assert.Equal(error, message is not null);
    }

    [Theory]
    [InlineData("1450", true)]
    [InlineData("1450.5", true)]
    [InlineData("1450.55", true)]
    [InlineData("1450.555", false)]
    public void Money_has_at_most_two_decimals(string amount, bool valid) =>
        Assert.Equal(valid, CatalogText.HasAtMostTwoDecimals(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(45, "45 min")]
    [InlineData(60, "1 h")]
    [InlineData(100, "1 h 40 min")]
    public void Minutes_read_as_hours_and_minutes(int minutes, string text) =>
        Assert.Equal(text, CatalogText.Minutes(minutes));

    [Fact]
    public void A_price_in_a_form_keeps_two_decimals()
    {
        Assert.Equal("4500.50", CatalogText.TwoDecimals(4500.5m).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
