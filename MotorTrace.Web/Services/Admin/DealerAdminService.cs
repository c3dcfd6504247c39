using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Web.Services.Admin;

public sealed record DealerRow(Guid Id, string DealerCode, string Name, string? City, string? Brand, DealerStatus Status, int Users);

public sealed record DealerOption(Guid Id, string DealerCode, string Name);

public sealed class DealerForm
{
    [Required(ErrorMessage = "Enter the dealer code.")]
    [StringLength(50, ErrorMessage = "Use at most 50 characters.")]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9_-]*$", ErrorMessage = "Use letters, digits, - and _ only.")]
    public string DealerCode { get; set; } = "";

    [Required(ErrorMessage = "Enter the dealer's name.")]
    [StringLength(255, ErrorMessage = "Use at most 255 characters.")]
    public string Name { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Use at most 1000 characters.")]
    public string? Address { get; set; }

    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    public string? City { get; set; }

    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    public string? State { get; set; }

    [Required(ErrorMessage = "Enter the country.")]
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    public string Country { get; set; } = "India";

    [StringLength(20, ErrorMessage = "Use at most 20 characters.")]
    public string? PostalCode { get; set; }

    [RegularExpression(FormPatterns.Phone, ErrorMessage = "Enter a phone number, e.g. +91 20 5555 1234.")]
    [StringLength(32, ErrorMessage = "Use at most 32 characters.")]
    public string? Phone { get; set; }

    [RegularExpression(FormPatterns.Email, ErrorMessage = "Enter an email address like service@dealer.example.")]
    [StringLength(255, ErrorMessage = "Use at most 255 characters.")]
    public string? Email { get; set; }

    public string? Brand { get; set; }

    public DealerStatus Status { get; set; } = DealerStatus.Active;

    [Required(ErrorMessage = "Choose the dealer's time zone.")]
    public string TimeZoneId { get; set; } = "Asia/Kolkata";

    /// <summary>The concurrency token as loaded, posted back so a stale edit is refused.</summary>
    public Guid Version { get; set; }
}

/// <summary>Administration of the dealer network's dealerships.</summary>
/// <remarks>Each operation uses its own context: the service serves circuits.</remarks>
public sealed class DealerAdminService(IDbContextFactory<MotorTraceDbContext> dbFactory, DealerContext dealerContext)
{
    /// <summary>The brands of the network (seed 003 dealers.brand).</summary>
    public static readonly IReadOnlyList<string> Brands = ["Volkswagen", "Skoda", "Both"];

    public static readonly string[] FilterNames = ["status", "brand"];

    /// <summary>IANA zones only: the zone id is stored and read on every platform, and Windows ids are not portable.</summary>
    public static IReadOnlyList<TimeZoneInfo> TimeZones { get; } =
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal).ToList();

    private static GridSortMap<Dealer> Sorts(MotorTraceDbContext db) => new GridSortMap<Dealer>("code")
    {
        { "code", d => d.DealerCode },
        { "name", d => d.Name },
        { "city", d => d.City },
        { "brand", d => d.Brand },
        { "status", d => d.Status },
        { "users", d => db.Users.Count(u => u.DealerId == d.Id) },
    }.ThenBy(d => d.Id);

    public async Task<GridResult<DealerRow>> ListAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dealers = db.Dealers.AsNoTracking();
        if (query.Search is { } search)
        {
            var lower = search.ToLowerInvariant();
            dealers = dealers.Where(d => d.DealerCode.ToLower().Contains(lower) || d.Name.ToLower().Contains(lower)
                || (d.City != null && d.City.ToLower().Contains(lower)));
        }
        if (Enum.TryParse<DealerStatus>(query.Filter("status"), ignoreCase: true, out var status) && Enum.IsDefined(status))
            dealers = dealers.Where(d => d.Status == status);
        if (Brands.FirstOrDefault(b => b.Equals(query.Filter("brand"), StringComparison.OrdinalIgnoreCase)) is { } brand)
            dealers = dealers.Where(d => d.Brand == brand);

        return await dealers.ToGridResultAsync(query, Sorts(db), d => new DealerRow(
            d.Id, d.DealerCode, d.Name, d.City, d.Brand, d.Status, db.Users.Count(u => u.DealerId == d.Id)));
    }

    public async Task<IReadOnlyList<DealerOption>> OptionsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Dealers.AsNoTracking().OrderBy(d => d.DealerCode).Select(d => new DealerOption(d.Id, d.DealerCode, d.Name)).ToListAsync();
    }

    public async Task<DealerForm?> GetAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Dealers.AsNoTracking().Where(d => d.Id == id).Select(d => new DealerForm
        {
            DealerCode = d.DealerCode, Name = d.Name, Address = d.Address, City = d.City, State = d.State, Country = d.Country,
            PostalCode = d.PostalCode, Phone = d.Phone, Email = d.Email, Brand = d.Brand, Status = d.Status, TimeZoneId = d.TimeZoneId,
            Version = d.Version,
        }).FirstOrDefaultAsync();
    }

    public async Task<ServiceResult<Guid>> CreateAsync(DealerForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var errors = await ValidateAsync(db, null, form);
        if (errors.Count > 0) return ServiceResult.Fail(errors);
        var dealer = Apply(new Dealer(), form);
        db.Dealers.Add(dealer);
        await db.SaveChangesAsync();
        return new ServiceResult<Guid>(dealer.Id, ServiceResult.Ok);
    }

    public async Task<ServiceResult> UpdateAsync(Guid id, DealerForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var dealer = await db.Dealers.FirstOrDefaultAsync(d => d.Id == id);
        if (dealer is null) return ServiceResult.Fail("", "This dealer no longer exists.");
        if (dealer.Version != form.Version) return await ConflictAsync(db, id);
        var errors = await ValidateAsync(db, id, form);
        if (errors.Count > 0) return ServiceResult.Fail(errors);
        db.Entry(dealer).Property(d => d.Version).OriginalValue = form.Version;
        Apply(dealer, form);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, id);
        }
        return ServiceResult.Ok;
    }

    /// <summary>The refusal of a stale edit, naming who saved the dealer meanwhile and when.</summary>
    private async Task<ServiceResult> ConflictAsync(MotorTraceDbContext db, Guid id)
    {
        var saved = await db.Dealers.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.UpdatedAt, By = db.Users.Where(u => u.Id == d.UpdatedById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (saved is null) return ServiceResult.Fail("", "This dealer no longer exists.");
        await dealerContext.LoadAsync();
        var at = dealerContext.ToLocal(saved.UpdatedAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return ServiceResult.Fail("", $"This dealer was changed by {saved.By ?? "someone else"} at {at} while you were editing. " +
            "Your changes are still in the form: reload to see theirs, then make yours again.");
    }

    private static async Task<List<(string Field, string Message)>> ValidateAsync(MotorTraceDbContext db, Guid? id, DealerForm form)
    {
        var errors = new List<(string Field, string Message)>();
        var code = form.DealerCode.Trim().ToUpperInvariant();
        if (await db.Dealers.AnyAsync(d => d.DealerCode.ToUpper() == code && d.Id != id))
            errors.Add(new(nameof(DealerForm.DealerCode), $"Another dealer already has code {code}."));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(form.TimeZoneId, out var zone) || !zone.HasIanaId)
            errors.Add(new(nameof(DealerForm.TimeZoneId), "Choose a time zone from the list."));
        if (!string.IsNullOrEmpty(form.Brand) && !Brands.Contains(form.Brand))
            errors.Add(new(nameof(DealerForm.Brand), "Choose a brand from the list."));
        if (!Enum.IsDefined(form.Status))
            errors.Add(new(nameof(DealerForm.Status), "Choose a status from the list."));
        return errors;
    }

    private static Dealer Apply(Dealer dealer, DealerForm form)
    {
        dealer.DealerCode = form.DealerCode.Trim().ToUpperInvariant();
        dealer.Name = form.Name.Trim();
        dealer.Address = Blank(form.Address);
        dealer.City = Blank(form.City);
        dealer.State = Blank(form.State);
        dealer.Country = form.Country.Trim();
        dealer.PostalCode = Blank(form.PostalCode);
        dealer.Phone = Blank(form.Phone);
        dealer.Email = Blank(form.Email);
        dealer.Brand = Blank(form.Brand);
        dealer.Status = form.Status;
        dealer.TimeZoneId = form.TimeZoneId;
        return dealer;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
