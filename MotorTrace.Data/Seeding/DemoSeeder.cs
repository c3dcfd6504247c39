using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Seeding;

/// <summary>How big a demo network to build. The default is the Development demo.</summary>
public sealed record DemoScale(int Dealers, int CustomersPerDealer, int Years)
{
    public static readonly DemoScale Default = new(Dealers: 2, CustomersPerDealer: 40, Years: 2);
}

/// <summary>
/// Builds the deterministic demo network of DESIGN.md: the manufacturer, dealers, a user for every role,
/// and the workshop data of each dealer (<c>DemoSeeder.Workshop.cs</c>). The same random seed gives the
/// same network every time; dates are relative to today so the demo always looks current.
/// </summary>
public sealed partial class DemoSeeder(MotorTraceDbContext db, TimeProvider clock)
{
    public const string Password = "MotorTrace-Demo-1";

    /// <summary>The fixed demo sign-ins (DESIGN.md, "Demo data").</summary>
    public static readonly IReadOnlyList<(string Email, string Role, UserType Type, int? Dealer, string Name, string? Designation)> SignIns =
    [
        ("admin@motortrace.test", Roles.Admin, UserType.Manufacturer, null, "Alex Admin", "System Administrator"),
        ("network@motortrace.test", Roles.Manager, UserType.Manufacturer, null, "Nadia Network", "Network Development Manager"),
        ("manager@d1.motortrace.test", Roles.Manager, UserType.Dealer, 1, "Maria Manager", "Service Manager"),
        ("manager@d2.motortrace.test", Roles.Manager, UserType.Dealer, 2, "Marco Manager", "Service Head"),
        ("advisor@d1.motortrace.test", Roles.ServiceAdvisor, UserType.Dealer, 1, "Sam Advisor", "Service Advisor"),
        ("advisor@d2.motortrace.test", Roles.ServiceAdvisor, UserType.Dealer, 2, "Sofia Advisor", "Service Advisor"),
        ("tech@d1.motortrace.test", Roles.Technician, UserType.Dealer, 1, "Tom Technician", "Master Technician"),
        ("tech@d2.motortrace.test", Roles.Technician, UserType.Dealer, 2, "Tara Technician", "Technician"),
        ("parts@d1.motortrace.test", Roles.InventoryManager, UserType.Dealer, 1, "Paul Parts", "Parts Manager"),
        ("warranty@d1.motortrace.test", Roles.WarrantyManager, UserType.Dealer, 1, "Wendy Warranty", "Warranty Manager"),
        ("customer@d1.motortrace.test", Roles.Customer, UserType.Customer, 1, "Chris Customer", null),
    ];

    private Random _random = new(20261121);
    private string? _passwordHash;
    private DateTime _now;

    public static string SignInSummary()
    {
        var text = new StringBuilder();
        text.AppendLine($"Demo sign-ins (password {Password}):");
        foreach (var (email, role, type, dealer, _, _) in SignIns)
            text.AppendLine($"  {email,-30} {Roles.DisplayName(role),-18} {(dealer is null ? type.ToString() : $"Dealer {dealer}")}");
        return text.ToString();
    }

    /// <summary>Seeds when the database has no dealer yet; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(DemoScale scale)
    {
        if (await db.Dealers.IgnoreQueryFilters().AnyAsync()) return false;
        _random = new Random(20261121);
        _sequence = 0;
        _now = clock.GetUtcNow().UtcDateTime;
        _passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);

        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        var previousAudit = db.SuppressAudit;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Seeding writes history, not user actions: no audit row per record, and the dates it sets are kept.
        db.SuppressAudit = true;
        try
        {
            await BeginBulkLoadAsync();
            var roles = await SeedRolesAsync();
            var dealers = Enumerable.Range(1, scale.Dealers).Select(NewDealer).ToList();
            db.Dealers.AddRange(dealers);
            foreach (var signIn in SignIns)
            {
                var dealer = signIn.Dealer is { } n && n <= dealers.Count ? dealers[n - 1] : null;
                if (signIn.Dealer is not null && dealer is null) continue;
                AddUser(roles, signIn.Email, signIn.Name, signIn.Role, signIn.Type, dealer?.Id, signIn.Designation);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            for (var i = 0; i < dealers.Count; i++)
                await SeedDealerAsync(dealers[i], i + 1, scale, roles);
            return true;
        }
        finally
        {
            await EndBulkLoadAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
            db.SuppressAudit = previousAudit;
        }
    }

    private async Task<Dictionary<string, ApplicationRole>> SeedRolesAsync()
    {
        var existing = await db.Roles.ToDictionaryAsync(r => r.Name!);
        foreach (var name in Roles.All.Where(r => !existing.ContainsKey(r)))
        {
            var role = new ApplicationRole(name);
            db.Roles.Add(role);
            existing[name] = role;
        }
        return existing;
    }

    private static readonly (string City, string State, string Name)[] Cities =
    [
        ("Pune", "Maharashtra", "Riverside Motors"), ("Bengaluru", "Karnataka", "Garden City Autohaus"),
        ("Chennai", "Tamil Nadu", "Coastline Cars"), ("Hyderabad", "Telangana", "Deccan Drive"),
        ("Ahmedabad", "Gujarat", "Sabarmati Motors"), ("Jaipur", "Rajasthan", "Pink City Autos"),
        ("Kochi", "Kerala", "Backwater Motors"), ("Lucknow", "Uttar Pradesh", "Awadh Auto Works"),
    ];

    private Dealer NewDealer(int number)
    {
        var city = Cities[(number - 1) % Cities.Length];
        var suffix = number > Cities.Length ? $" {number}" : "";
        return new Dealer
        {
            Id = NextGuid(),
            DealerCode = $"D{number:000}",
            Name = city.Name + suffix,
            Address = $"{10 + number} Service Road",
            City = city.City,
            State = city.State,
            Country = "India",
            PostalCode = $"{400000 + number * 1013}",
            Phone = $"+91 20 5555 {1000 + number:0000}",
            Email = $"service@d{number}.motortrace.test",
            Brand = number % 3 == 0 ? "Both" : number % 2 == 0 ? "Skoda" : "Volkswagen",
            TimeZoneId = "Asia/Kolkata",
        };
    }

    private ApplicationUser AddUser(Dictionary<string, ApplicationRole> roles, string email, string name, string role,
        UserType type, Guid? dealerId, string? designation)
    {
        var user = new ApplicationUser
        {
            Id = NextGuid(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            PasswordHash = _passwordHash,
            SecurityStamp = NextGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = NextGuid().ToString(),
            LockoutEnabled = true,
            FullName = name,
            UserType = type,
            DealerId = dealerId,
            Designation = designation,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
        if (role != Roles.Customer)
            db.StaffProfiles.Add(new StaffProfile
            {
                UserId = user.Id,
                EmployeeId = $"E{_random.Next(100000, 999999)}",
                Department = role switch
                {
                    Roles.Technician => "Workshop",
                    Roles.InventoryManager => "Parts",
                    Roles.WarrantyManager => "Warranty",
                    Roles.Admin => "IT",
                    _ => "Service",
                },
                Specialization = role == Roles.Technician ? "Engine and drivetrain" : null,
                Certifications = role == Roles.Technician ? ["EV high-voltage level 2", "Diagnostics"] : [],
            });
        return user;
    }

    /// <summary>
    /// Ids in the shape of UUID version 7, counting up in seeding order from a fixed instant: every insert
    /// lands at the right-hand edge of its primary-key and foreign-key indexes instead of at a random page,
    /// which keeps a large seed fast. The low bits come from the seeded random, so a seed gives the same ids.
    /// </summary>
    private Guid NextGuid()
    {
        var milliseconds = SequenceEpochMilliseconds + ++_sequence;
        Span<byte> bytes = stackalloc byte[10];
        _random.NextBytes(bytes);
        return new Guid(
            (int)(milliseconds >> 16),
            (short)(milliseconds & 0xFFFF),
            (short)(0x7000 | ((bytes[0] << 8 | bytes[1]) & 0x0FFF)), // version 7
            (byte)(0x80 | (bytes[2] & 0x3F)), // RFC 9562 variant
            bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9]);
    }

    /// <summary>2026-01-01T00:00Z in Unix milliseconds: where the id sequence starts.</summary>
    private const long SequenceEpochMilliseconds = 1_767_225_600_000;

    private long _sequence;
}
