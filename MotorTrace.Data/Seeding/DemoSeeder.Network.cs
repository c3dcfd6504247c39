using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Seeding;

/// <summary>What the whole network shares, seeded once: part categories, the maintenance schedule, system settings.</summary>
public sealed partial class DemoSeeder
{
    private async Task<NetworkSeed> SeedNetworkAsync()
    {
        var network = new NetworkSeed();
        _random = new Random(20261121 - 1);

        var users = await db.Users.Where(u => u.DealerId == null)
            .Select(u => new { u.Id, u.Email }).ToListAsync();
        network.NetworkUserId = users.FirstOrDefault(u => u.Email == "network@motortrace.test")?.Id;
        network.AdminUserId = users.FirstOrDefault(u => u.Email == "admin@motortrace.test")?.Id;
        var since = _now.AddYears(-5);

        foreach (var name in Parts.Select(p => p.Category).Distinct())
        {
            var category = Add(new InventoryCategory { Id = NextGuid(), Name = name, CreatedAt = since });
            network.Categories[name] = category.Id;
        }

        foreach (var r in Rules)
        {
            var rule = Add(new ServiceRule
            {
                Id = NextGuid(),
                Code = r.Code,
                Name = r.Name,
                Description = r.Description,
                RuleType = r.Type,
                Priority = r.Priority,
                Severity = r.Severity,
                MileageInterval = r.Km,
                TimeIntervalMonths = r.Months,
                ServiceType = r.ServiceType,
                ServiceName = r.ServiceName,
                Category = r.Category,
                DependsOn = [.. r.DependsOn],
                ConflictsWith = [.. r.ConflictsWith],
                CanBundle = r.CanBundle,
                ApplicableVehicleTypes = [.. r.VehicleTypes],
                ApplicableDrivingConditions = [.. r.Conditions],
                SevereConditionMultiplier = r.Severe,
                OffroadMultiplier = Math.Min(r.Severe, 0.8m),
                CreatedAt = since,
            });
            network.Rules[r.Code] = rule.Id;
        }

        foreach (var (category, key, value, description) in SettingsRows)
            Add(new Setting
            {
                Id = NextGuid(), Category = category, Key = key, Value = value, Description = description,
                IsSystem = category is "Security" or "General", CreatedAt = since,
            });

        SeedManufacturerActivity(network);
        await FlushAsync();
        return network;
    }

    /// <summary>Recent sign-ins of the manufacturer team and a few failed attempts, so the admin's figures are not all zero.</summary>
    private void SeedManufacturerActivity(NetworkSeed network)
    {
        const string browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
        foreach (var (userId, email) in new[] { (network.AdminUserId, "admin@motortrace.test"), (network.NetworkUserId, "network@motortrace.test") })
        {
            if (userId is null) continue;
            for (var day = 6; day >= 1; day--)
                Add(new LoginActivity
                {
                    Id = NextGuid(), UserId = userId, Email = email, Action = LoginAction.SignedIn, DeviceInfo = "Chrome on Windows",
                    IpAddress = $"10.20.{Between(1, 9)}.{Between(10, 250)}", UserAgent = browser, Location = "Pune, IN",
                    CreatedAt = _now.AddDays(-day).AddHours(-Between(1, 8)),
                });
        }
        // Someone guessing at the admin account overnight, and a colleague's typo this morning.
        foreach (var hoursAgo in new[] { 9, 9, 8 })
            Add(new LoginActivity
            {
                Id = NextGuid(), UserId = network.AdminUserId, Email = "admin@motortrace.test", Action = LoginAction.SignInFailed,
                DeviceInfo = "Unknown device", IpAddress = $"185.220.{Between(100, 110)}.{Between(2, 250)}", UserAgent = "python-requests/2.32",
                Reason = "Wrong password", CreatedAt = _now.AddHours(-hoursAgo).AddMinutes(-Between(1, 50)),
            });
        Add(new LoginActivity
        {
            Id = NextGuid(), UserId = null, Email = "netwrok@motortrace.test", Action = LoginAction.SignInFailed,
            DeviceInfo = "Chrome on Windows", IpAddress = "10.20.3.41", UserAgent = browser, Reason = "No account with this email",
            CreatedAt = _now.AddHours(-3),
        });
    }
}
