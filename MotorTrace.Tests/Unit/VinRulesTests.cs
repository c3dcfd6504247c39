using System.ComponentModel.DataAnnotations;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class VinRulesTests
{
    [Fact]
    public void The_canonical_north_american_vin_has_check_digit_x_and_passes_without_warning()
    {
        Assert.Equal('X', VinRules.CheckDigit("1M8GDM9AXKP042788"));
        Assert.Null(VinRules.Error("1M8GDM9AXKP042788"));
        Assert.Null(VinRules.Warning("1M8GDM9AXKP042788"));
    }

    [Fact]
    public void Seventeen_ones_is_a_valid_vin_whose_check_digit_is_one()
    {
        Assert.Equal('1', VinRules.CheckDigit("11111111111111111"));
        Assert.Null(VinRules.Error("11111111111111111"));
        Assert.Null(VinRules.Warning("11111111111111111"));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP04O788")]
    [InlineData("1M8GDM9AXKP04I788")]
    [InlineData("1M8GDM9AXKP04Q788")]
    public void A_vin_with_i_o_or_q_is_refused(string vin) =>
        Assert.Equal("A VIN never contains the letters I, O or Q: check for 1 and 0.", VinRules.Error(vin));

    [Theory]
    [InlineData("1M8GDM9AXKP04278", "A VIN has 17 characters; this one has 16.")]
    [InlineData("1M8GDM9AXKP0427888", "A VIN has 17 characters; this one has 18.")]
    [InlineData("1M8GDM9AXKP04-788", "A VIN has only letters and digits.")]
    [InlineData("", "Enter the VIN (17 characters, on the windscreen or the registration papers).")]
    public void A_vin_of_the_wrong_length_or_with_other_characters_is_refused(string vin, string error) =>
        Assert.Equal(error, VinRules.Error(vin));

    [Fact]
    public void A_north_american_vin_with_a_wrong_check_digit_is_a_warning_naming_the_right_digit_not_an_error()
    {
        Assert.Null(VinRules.Error("1M8GDM9A1KP042788"));
        Assert.Equal("The check digit (9th character) should be 'X' for a North-American VIN. Check the VIN for a typo.",
            VinRules.Warning("1M8GDM9A1KP042788"));
    }

    [Theory]
    [InlineData("WVWZZZ1JZXW000001")]
    [InlineData("MEXH21609NT012345")]
    [InlineData("6T1BF3EK5AU123456")]
    public void A_vin_made_outside_north_america_has_no_check_digit_warning(string vin) =>
        Assert.Null(VinRules.Warning(vin));

    [Fact]
    public void Typed_vins_are_upper_cased_and_spaces_removed_before_the_rules_apply()
    {
        Assert.Equal("1M8GDM9AXKP042788", VinRules.Normalize(" 1m8gdm9a xkp042788 "));
        Assert.Null(VinRules.Error(" 1m8gdm9a xkp042788 "));
        Assert.Null(VinRules.Warning("1m8gdm9axkp042788"));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP04O788", false)]
    [InlineData("SHORT", false)]
    [InlineData("1M8GDM9AXKP042788", true)]
    [InlineData("1M8GDM9A1KP042788", true)] // a warning is not a validation error
    [InlineData("", true)] // left to [Required]
    public void The_vin_attribute_applies_the_format_rules(string vin, bool valid)
    {
        var result = new VinAttribute().GetValidationResult(vin, new ValidationContext(new VehicleForm()) { MemberName = nameof(VehicleForm.Vin) });

        Assert.Equal(valid, result == ValidationResult.Success);
        if (!valid) Assert.Equal([nameof(VehicleForm.Vin)], result!.MemberNames);
    }
}
