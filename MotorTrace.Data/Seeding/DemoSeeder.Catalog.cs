using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Inventory;

namespace MotorTrace.Data.Seeding;

/// <summary>Each dealer's staff, labor catalogue, canned services and parts catalogue.</summary>
public sealed partial class DemoSeeder
{
    private static readonly string[] Specializations =
        ["Engine and drivetrain", "Electrical and diagnostics", "Brakes and suspension", "AC and comfort systems", "DSG transmissions"];

    private static readonly Dictionary<string, string> SkuPrefixes = new()
    {
        ["Engine oil"] = "EOL", ["Oil filters"] = "OFL", ["Air filters"] = "AFL", ["Cabin filters"] = "CFL", ["Fuel filters"] = "FFL",
        ["Spark plugs"] = "SPK", ["Brake pads"] = "BPD", ["Brake discs"] = "BDS", ["Brake fluid"] = "BFL", ["Wiper blades"] = "WPR",
        ["Batteries"] = "BAT", ["Tyres"] = "TYR", ["Coolant"] = "CLT", ["AC service"] = "ACS", ["Bulbs"] = "BLB", ["Belts"] = "BLT",
        ["Suspension"] = "SUS", ["Clutch"] = "CLU", ["Gearbox oil"] = "GBO", ["Shop supplies"] = "SUP", ["Accessories"] = "ACC",
    };

    private async Task SeedStaffAsync(DealerSeed d, Dictionary<string, ApplicationRole> roles)
    {
        d.Today = LocalDay(d, _now);
        var existing = await db.Users.Where(u => u.DealerId == d.Id)
            .Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync();
        foreach (var user in existing)
            d.DemoUsers[user.Email![..user.Email!.IndexOf('@')]] = new StaffMember(user.Id, user.FullName, user.Email);

        var employeeNumber = 0;
        var usedEmails = new HashSet<string>(existing.Select(u => u.Email!));
        StaffMember Hire(string role, string designation)
        {
            string first, last, email;
            do
            {
                (first, last) = (Chance(0.75) ? Pick(MaleNames) : Pick(FemaleNames), Pick(d.City.Surnames));
                email = $"{AsciiLower(first)}.{AsciiLower(last)}@d{d.Number}.motortrace.test";
            }
            while (!usedEmails.Add(email));
            var user = AddUser(roles, email, $"{first} {last}", role, UserType.Dealer, d.Id, designation);
            user.PhoneNumber = MobileNumber();
            user.CreatedAt = _now.AddDays(-Between(60, 2000));
            // AddUser draws employee ids at random; a per-dealer sequence cannot collide across a large network.
            var profile = db.ChangeTracker.Entries<StaffProfile>().Select(e => e.Entity).First(p => p.UserId == user.Id);
            profile.EmployeeId = $"{d.Dealer.DealerCode}-{++employeeNumber:000}";
            profile.Mobile = user.PhoneNumber;
            if (role == Roles.Technician) profile.Specialization = Pick(Specializations);
            return new StaffMember(user.Id, user.FullName, email);
        }

        d.DemoAdvisor = d.DemoUsers.GetValueOrDefault("advisor");
        d.DemoTechnician = d.DemoUsers.GetValueOrDefault("tech");
        d.DemoCustomer = d.DemoUsers.GetValueOrDefault("customer");
        d.Manager = d.DemoUsers.GetValueOrDefault("manager") ?? Hire(Roles.Manager, "Service Manager");
        d.PartsManager = d.DemoUsers.GetValueOrDefault("parts") ?? Hire(Roles.InventoryManager, "Parts Manager");
        d.WarrantyManager = d.DemoUsers.GetValueOrDefault("warranty") ?? Hire(Roles.WarrantyManager, "Warranty Manager");
        d.Foreman = Hire(Roles.Technician, "Workshop Foreman");

        if (d.DemoAdvisor is not null) d.Advisors.Add(d.DemoAdvisor);
        var advisors = 2 + Math.Min(3, d.Scale.CustomersPerDealer / 5000);
        for (var i = 0; i < advisors; i++) d.Advisors.Add(Hire(Roles.ServiceAdvisor, i == 0 ? "Senior Service Advisor" : "Service Advisor"));

        if (d.DemoTechnician is not null) d.Technicians.Add(d.DemoTechnician);
        var technicians = 4 + Math.Min(8, d.Scale.CustomersPerDealer / 2500);
        for (var i = 0; i < technicians; i++) d.Technicians.Add(Hire(Roles.Technician, i < 2 ? "Senior Technician" : "Technician"));

        await FlushAsync();
    }

    private static string AsciiLower(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);

    private string MobileNumber() => $"+91 {Between(6, 9)}{Between(0, 9999):0000} {Between(0, 99999):00000}";

    private async Task SeedCatalogAsync(DealerSeed d)
    {
        var since = _now.AddYears(-d.Scale.Years).AddDays(-60);
        var bigCity = d.City.City is "Pune" or "Bengaluru" or "Chennai" or "Hyderabad";
        var baseRate = bigCity ? 1650m : 1450m;

        var canned = CannedServices.Where(c => c.Core).ToList();
        var extras = CannedServices.Where(c => !c.Core).OrderBy(_ => _random.Next()).Take(Between(2, 5));
        canned.AddRange(extras);

        string[] alwaysLabor = ["SW-UPD", "BAT-RPL", "SUS-LNK", "AC-SVC", "DIAG", "WHL-ROT", "WASH", "LAMP", "WIPER"];
        var laborCodes = canned.SelectMany(c => c.Labor).Concat(alwaysLabor).ToHashSet();
        var target = Between(Math.Max(laborCodes.Count, 18), Math.Min(25, LaborOperations.Length));
        foreach (var extra in LaborOperations.Where(l => !laborCodes.Contains(l.Code)).OrderBy(_ => _random.Next()))
        {
            if (laborCodes.Count >= target) break;
            laborCodes.Add(extra.Code);
        }

        foreach (var info in LaborOperations.Where(l => laborCodes.Contains(l.Code)))
        {
            var rate = RoundUp50(baseRate * info.Skill switch
            {
                SkillLevel.Apprentice => 0.8m,
                SkillLevel.Senior => 1.2m,
                SkillLevel.Master => 1.4m,
                _ => 1m,
            });
            var labor = Add(new LaborCatalog
            {
                Id = NextGuid(), DealerId = d.Id, Code = info.Code, Name = info.Name, EstimatedMinutes = info.Minutes,
                Category = info.Category, SkillLevel = info.Skill, Rate = rate, CreatedAt = since,
                Description = $"Book time {info.Minutes} min; {info.Skill.ToString().ToLowerInvariant()} level.",
            });
            d.Labor[info.Code] = new LaborSeed(labor.Id, info, rate);
        }

        foreach (var info in canned)
        {
            var steps = info.Labor.Select(code => d.Labor[code]).ToList();
            var price = RoundUp50(steps.Sum(s => s.Rate * s.Info.Minutes / 60m));
            var duration = steps.Sum(s => s.Info.Minutes) + 15;
            var service = Add(new CannedService
            {
                Id = NextGuid(), DealerId = d.Id, Code = info.Code, Name = info.Name, Description = info.Description,
                Duration = duration, Price = price, VariantLabel = info.Variant, Category = info.Category,
                HasOptionalParts = info.Parts.Any(p => !p.Required), MinVehicleAge = info.MinAge, MaxVehicleMileage = info.MaxMileage,
                CreatedAt = since,
            });
            for (var i = 0; i < steps.Count; i++)
                Add(new CannedServiceLabor
                {
                    Id = NextGuid(), DealerId = d.Id, CannedServiceId = service.Id, LaborCatalogId = steps[i].Id,
                    Sequence = i + 1, EstimatedMinutes = steps[i].Info.Minutes,
                });
            foreach (var (category, required) in info.Parts)
                Add(new CannedServicePartsCategory
                {
                    Id = NextGuid(), DealerId = d.Id, CannedServiceId = service.Id, CategoryId = _network!.Categories[category],
                    IsRequired = required, Notes = required ? null : "Only if worn or low; ask the customer first.",
                });
            d.Canned[info.Code] = new CannedSeed(service.Id, info, price, duration, steps);
        }

        var sequence = new Dictionary<string, int>();
        foreach (var part in Parts.Where(p => p.Always || Chance(0.5)))
        {
            var prefix = SkuPrefixes[part.Category];
            sequence[prefix] = sequence.GetValueOrDefault(prefix) + 1;
            var sku = $"{prefix}-{sequence[prefix]:000}";
            var cost = Money(part.Price * 0.78m);
            var entity = Add(new InventoryItem
            {
                Id = NextGuid(), DealerId = d.Id, CategoryId = _network!.Categories[part.Category], Name = part.Name, Sku = sku,
                PartNumber = part.PartNumber, Manufacturer = part.Manufacturer,
                Location = $"Rack {(char)('A' + Between(0, 7))}-{Between(1, 12):00}, shelf {Between(1, 5)}",
                UnitPrice = part.Price, CostPrice = cost, Supplier = SupplierOf(part, d.City.City), SupplierPartNumber = part.PartNumber,
                Core = part.Core, CorePrice = part.Core ? 800m : null, CreatedAt = since,
            });
            var item = new ItemSeed(entity.Id, part, sku, cost);
            d.Items.Add(item);
            if (!d.ItemsByCategory.TryGetValue(part.Category, out var list)) d.ItemsByCategory[part.Category] = list = [];
            list.Add(item);
        }
        await FlushAsync();
    }

    private static string SupplierOf(PartInfo part, string city) => part.Category switch
    {
        "Tyres" => $"{part.Manufacturer} Tyres distributor, {city}",
        "Engine oil" => "Castrol India Ltd",
        "Shop supplies" when part.PartNumber is null => "Wurth India Pvt Ltd",
        _ => "Skoda Auto Volkswagen India Pvt Ltd, parts distribution",
    };
}
