using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class VehicleRulesTests
{
    [Theory]
    [InlineData("mh12ab1234", "MH12AB1234")]
    [InlineData("  mh-12   ab 1234 ", "MH 12 AB 1234")]
    [InlineData("KA-01-MN-4321", "KA 01 MN 4321")]
    public void Licence_plates_are_stored_upper_case_with_single_spaces(string typed, string stored) =>
        Assert.Equal(stored, VehicleService.FormatPlate(typed));

    [Fact]
    public void The_plate_search_key_ignores_spacing_and_dashes()
    {
        var vehicle = new Vehicle();
        VehicleService.Apply(new VehicleForm { Vin = "WVWZZZ1JZXW000001", LicensePlate = " mh-12 ab 1234", Make = " Skoda ", Model = "Kushaq" }, vehicle);

        Assert.Equal(("MH 12 AB 1234", "MH12AB1234", "Skoda"), (vehicle.LicensePlate, vehicle.LicensePlateNormalized, vehicle.Make));
    }

    [Theory]
    [InlineData(620, "41.2", "15.049")]
    [InlineData(500, "40", "12.5")]
    [InlineData(0, "40", null)]
    [InlineData(500, null, null)]
    [InlineData(null, "40", null)]
    public void Efficiency_is_distance_per_litre_and_unknown_without_both(int? distance, string? fuel, string? efficiency) =>
        Assert.Equal(efficiency is null ? null : decimal.Parse(efficiency),
            VehicleMileageService.Efficiency(distance, fuel is null ? null : decimal.Parse(fuel)));

    [Theory]
    [InlineData("15.049", "15.05 km/L")]
    [InlineData("12.5", "12.5 km/L")]
    [InlineData("14", "14.0 km/L")]
    public void Efficiency_is_shown_with_one_or_two_decimals(string value, string shown) =>
        Assert.Equal(shown, VehicleDisplay.Efficiency(decimal.Parse(value)));

    [Theory]
    [InlineData(RecommendationStatus.Pending, RecommendationAction.Schedule, true)]
    [InlineData(RecommendationStatus.Pending, RecommendationAction.Complete, true)]
    [InlineData(RecommendationStatus.Pending, RecommendationAction.Dismiss, true)]
    [InlineData(RecommendationStatus.Scheduled, RecommendationAction.Schedule, false)]
    [InlineData(RecommendationStatus.Scheduled, RecommendationAction.Complete, true)]
    [InlineData(RecommendationStatus.Scheduled, RecommendationAction.Dismiss, true)]
    [InlineData(RecommendationStatus.Completed, RecommendationAction.Dismiss, false)]
    [InlineData(RecommendationStatus.Dismissed, RecommendationAction.Complete, false)]
    [InlineData(RecommendationStatus.Expired, RecommendationAction.Schedule, false)]
    public void Recommendations_change_only_from_pending_or_scheduled(RecommendationStatus status, RecommendationAction action, bool allowed) =>
        Assert.Equal(allowed, VehicleRecommendationService.Allows(status, action));

    [Theory]
    [InlineData(VehicleStatus.InService, "In service")]
    [InlineData(ExpenseCategory.Registration, "Registration")]
    [InlineData(Data.Entities.WorkOrders.JobType.BodyWork, "Body work")]
    public void Enum_values_read_as_words(Enum value, string shown) => Assert.Equal(shown, VehicleDisplay.Humanize(value));
}
