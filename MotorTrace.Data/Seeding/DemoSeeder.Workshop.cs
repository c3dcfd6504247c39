using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Seeding;

/// <summary>
/// The workshop data of each demo dealer. Everything is first drawn in memory (customers, vehicles, a plan of
/// every visit in date order), then written in batches: entities carry foreign-key ids only, each batch is
/// saved and the change tracker cleared, so a network of 200,000 customers seeds in minutes and in bounded memory.
/// </summary>
public sealed partial class DemoSeeder
{
    private const decimal TaxRate = 0.18m;
    private const int ShopOpensMinute = 8 * 60;
    private const int ShopClosesMinute = 18 * 60;

    private NetworkSeed? _network;

    /// <summary>One dealer's workshop: customers, vehicles, catalogue, stock, appointments, work orders, money, programmes.</summary>
    private async Task SeedDealerAsync(Dealer dealer, int number, DemoScale scale, Dictionary<string, ApplicationRole> roles)
    {
        _network ??= await SeedNetworkAsync();

        // Each dealer draws from its own stream, so dealer 1 is the same network-wide whatever the number of
        // dealers, and nothing a dealer draws depends on how an earlier dealer's dates fell.
        _random = new Random(20261121 + number * 7919);
        var d = new DealerSeed(dealer, number, scale,
            TimeZoneInfo.FindSystemTimeZoneById(dealer.TimeZoneId),
            CityProfiles.GetValueOrDefault(dealer.City ?? "", CityProfiles["Pune"]));

        await SeedStaffAsync(d, roles);
        await SeedCatalogAsync(d);
        BuildCustomers(d);
        PlanVisits(d);
        await SaveCustomersAsync(d);
        await SaveVisitsAsync(d);
        await SaveStockLedgerAsync(d);
        await SaveVehicleStateAsync(d);
        await SeedProgrammesAsync(d);
        await SeedNotificationsAsync(d);
        SeedInspectionTemplate(d);
        await FlushAsync();
    }

    // ---- random helpers --------------------------------------------------------------------------------------

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var roll = _random.NextDouble() * total;
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0) return item;
        }
        return items[^1];
    }

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Indian price points: rounded up to the next ₹50.</summary>
    private static decimal RoundUp50(decimal value) => Math.Ceiling(value / 50m) * 50m;

    // ---- dealer time -----------------------------------------------------------------------------------------

    private static DateOnly LocalDay(DealerSeed d, DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, d.Zone));

    private static int LocalMinute(DealerSeed d, DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, d.Zone);
        return local.Hour * 60 + local.Minute;
    }

    private static DateTime AtLocal(DealerSeed d, DateOnly day, int minuteOfDay) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay), d.Zone);

    /// <summary>A booking slot on a quarter hour within shop hours, busier in the morning as real workshops are.</summary>
    private DateTime Slot(DealerSeed d, DateOnly day)
    {
        var quarter = Math.Min(_random.Next(37), _random.Next(37)); // 08:00 .. 17:00
        return AtLocal(d, day, ShopOpensMinute + quarter * 15);
    }

    /// <summary>A slot earlier today than now, or yesterday's when the shop has barely opened.</summary>
    private DateTime PastSlot(DealerSeed d, int daysAgo)
    {
        var day = d.Today.AddDays(-daysAgo);
        if (daysAgo == 0)
        {
            var nowMinute = LocalMinute(d, _now);
            if (nowMinute < ShopOpensMinute + 75) return PastSlot(d, 1);
            var latest = Math.Min(nowMinute - 45, ShopClosesMinute - 60);
            var quarter = Math.Min(_random.Next((latest - ShopOpensMinute) / 15 + 1), _random.Next((latest - ShopOpensMinute) / 15 + 1));
            return AtLocal(d, day, ShopOpensMinute + quarter * 15);
        }
        return Slot(d, day);
    }

    // ---- the in-memory model ---------------------------------------------------------------------------------

    private sealed record StaffMember(Guid Id, string Name, string Email);

    private sealed class DealerSeed(Dealer dealer, int number, DemoScale scale, TimeZoneInfo zone, CityProfile city)
    {
        public Dealer Dealer { get; } = dealer;
        public Guid Id => Dealer.Id;
        public int Number { get; } = number;
        public DemoScale Scale { get; } = scale;
        public TimeZoneInfo Zone { get; } = zone;
        public CityProfile City { get; } = city;
        public DateOnly Today { get; set; }

        public List<StaffMember> Advisors { get; } = [];
        public List<StaffMember> Technicians { get; } = [];
        public StaffMember Manager { get; set; } = null!;
        public StaffMember PartsManager { get; set; } = null!;
        public StaffMember WarrantyManager { get; set; } = null!;
        public StaffMember Foreman { get; set; } = null!;
        public StaffMember? DemoAdvisor { get; set; }
        public StaffMember? DemoTechnician { get; set; }
        public StaffMember? DemoCustomer { get; set; }
        public Dictionary<string, StaffMember> DemoUsers { get; } = [];

        public Dictionary<string, LaborSeed> Labor { get; } = [];
        public Dictionary<string, CannedSeed> Canned { get; } = [];
        public List<ItemSeed> Items { get; } = [];
        public Dictionary<string, List<ItemSeed>> ItemsByCategory { get; } = [];

        public List<CustomerSeed> Customers { get; } = [];
        public List<VehicleSeed> Vehicles { get; } = [];
        public List<Visit> Visits { get; } = [];
        public double VisitsPerDay { get; set; }
        public int DemoTechnicianOpenJobs { get; set; }
        public HashSet<Guid> ClockedOn { get; } = [];
        public int ClaimSequence { get; set; }
        public List<(Guid Id, string Number, DateTime At)> RecentWorkOrders { get; } = [];
    }

    private sealed record LaborSeed(Guid Id, LaborInfo Info, decimal Rate)
    {
        public decimal PriceFor(int minutes) => RoundUp50(Rate * minutes / 60m);
    }

    private sealed record CannedSeed(Guid Id, CannedInfo Info, decimal Price, int Duration, IReadOnlyList<LaborSeed> Steps);

    private sealed class ItemSeed(Guid id, PartInfo info, string sku, decimal cost)
    {
        public Guid Id { get; } = id;
        public PartInfo Info { get; } = info;
        public string Sku { get; } = sku;
        public decimal Cost { get; } = cost;
        public List<(DateTime At, int Quantity, Guid WorkOrderId, Guid PartId, string WorkOrderNumber)> Issues { get; } = [];
    }

    private sealed class CustomerSeed
    {
        public Guid Id { get; init; }
        public string Name { get; set; } = "";
        public string? Company { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string Address { get; set; } = "";
        public string PostalCode { get; set; } = "";
        public Guid? UserId { get; set; }
        public DateTime CreatedAt { get; set; }
        public string? Notes { get; set; }
        public List<VehicleSeed> Vehicles { get; } = [];
    }

    private sealed class VehicleSeed
    {
        public Guid Id { get; init; }
        public required CustomerSeed Customer { get; init; }
        public required ModelInfo Model { get; init; }
        public required string Engine { get; init; }
        public required string EngineGroup { get; init; }
        public required string Transmission { get; init; }
        public int Year { get; init; }
        public required string Plate { get; init; }
        public required string Vin { get; init; }
        public required string Colour { get; init; }
        public DateTime DeliveredAt { get; init; }
        public double KmPerDay { get; init; }

        /// <summary>How likely the owner comes back for a due service (0..1); lapsed owners service elsewhere.</summary>
        public double Loyalty { get; init; }
        public DrivingCondition Condition { get; init; }
        public VehicleStatus Status { get; set; } = VehicleStatus.Active;

        public bool IsPetrol => EngineGroup != "Tdi";
        public bool IsAutomatic => Transmission.Contains("DSG") || Transmission.Contains("AT");
        public int Odometer(DateTime at) => 10 + (int)Math.Max(0, (at - DeliveredAt).TotalDays * KmPerDay);

        /// <summary>Last time a service (by canned code) was done here, for due dates and recommendations.</summary>
        public Dictionary<string, (DateTime At, int Km)> LastDone { get; } = [];
        public bool Busy { get; set; }
        public bool Booked { get; set; }
        public (DateTime At, int Km)? FirstReading { get; set; }
        public (DateTime At, int Km)? LastReading { get; set; }
        public List<(InspectionConditionNote Note, DateTime At)> Findings { get; } = [];
    }

    /// <summary>A red or yellow inspection finding that later becomes a recommendation.</summary>
    private sealed record InspectionConditionNote(string Item, bool Red);

    private sealed class NetworkSeed
    {
        public Dictionary<string, Guid> Categories { get; } = [];
        public Dictionary<string, Guid> Rules { get; } = [];
        public Guid? NetworkUserId { get; set; }
        public Guid? AdminUserId { get; set; }
    }
}
