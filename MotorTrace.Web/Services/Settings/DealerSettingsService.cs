using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Settings;

/// <summary>One weekday of the shop-hours table on /settings.</summary>
public sealed class ShopDayForm
{
    public DayOfWeek Day { get; set; }
    public bool IsOpen { get; set; }
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
}

/// <summary>What a manager edits on /settings: shop hours, booking capacity, tax, currency and invoice terms.</summary>
public sealed class DealerSettingsForm
{
    /// <summary>Monday first, as the front desk reads a week.</summary>
    public List<ShopDayForm> Days { get; set; } = [];

    [Range(0, 1000, ErrorMessage = "Enter 0 (no daily limit) up to 1000.")]
    public int MaxAppointmentsPerDay { get; set; }

    [Range(1, 100, ErrorMessage = "Enter 1 to 100 bookings per time block.")]
    public int MaxAppointmentsPerBlock { get; set; }

    public int BlockMinutes { get; set; }

    [Range(0, 336, ErrorMessage = "Enter 0 to 336 hours (two weeks).")]
    public int MinNoticeHours { get; set; }

    [Range(1, 730, ErrorMessage = "Enter 1 to 730 days.")]
    public int MaxDaysAhead { get; set; }

    [Range(typeof(decimal), "0", "100", ErrorMessage = "Enter a tax rate from 0 to 100 %.")]
    public decimal TaxRatePercent { get; set; }

    [Required(ErrorMessage = "Enter the currency code, e.g. INR.")]
    public string CurrencyCode { get; set; } = "";

    [Range(0, 365, ErrorMessage = "Enter 0 to 365 days.")]
    public int InvoiceDueDays { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the invoice terms under 4000 characters.")]
    public string? InvoiceTerms { get; set; }

    /// <summary>Prices include the tax (the tax is worked out of them) rather than having it added.</summary>
    public bool TaxInclusive { get; set; }

    [StringLength(64, ErrorMessage = "Keep the tax registration number under 64 characters.")]
    public string? TaxRegistrationNumber { get; set; }

    [Range(typeof(decimal), "0", "100", ErrorMessage = "Enter a limit from 0 to 100 %.")]
    public decimal DiscountApprovalPercent { get; set; }

    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Enter the cost of a technician's hour, 0 or more.")]
    public decimal LaborCostPerHour { get; set; }

    /// <summary>The stored row's version when the form was loaded; empty while the dealer still runs on defaults.</summary>
    public Guid Version { get; set; }
}

/// <summary>Opening hours of one weekday as the booking rules read them.</summary>
public sealed record ShopDay(DayOfWeek Day, bool IsOpen, TimeOnly OpensAt, TimeOnly ClosesAt);

/// <summary>
/// Everything the booking rules and the calendar need to know about a dealer's workshop, read once per
/// request: capacity settings and the seven weekdays' hours (defaults when the manager never saved).
/// </summary>
public sealed record ShopRules(
    int MaxAppointmentsPerDay,
    int MaxAppointmentsPerBlock,
    int BlockMinutes,
    int MinNoticeHours,
    int MaxDaysAhead,
    IReadOnlyDictionary<DayOfWeek, ShopDay> Hours)
{
    public ShopDay this[DayOfWeek day] => Hours[day];

    /// <summary>The defaults of a dealer that never saved its settings.</summary>
    public static ShopRules Default { get; } = From(new DealerSettings(), DealerSettingsService.DefaultHours());

    public static ShopRules From(DealerSettings settings, IEnumerable<ShopDay> hours) => new(
        settings.MaxAppointmentsPerDay, settings.MaxAppointmentsPerBlock, settings.BlockMinutes,
        settings.MinNoticeHours, settings.MaxDaysAhead, hours.ToDictionary(h => h.Day));
}

/// <summary>
/// The dealer's own settings (/settings). Reading never writes: a dealer without rows gets the defaults
/// (Mon–Sat 09:00–18:00, Sunday closed, the <see cref="DealerSettings"/> property defaults), and the rows
/// are created by the first save. The settings row's Version guards the whole form, shop hours included.
/// </summary>
public sealed class DealerSettingsService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer)
{
    public static readonly IReadOnlyList<int> BlockLengths = [15, 20, 30, 60];

    /// <summary>Monday to Sunday.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly TimeOnly DefaultOpens = new(9, 0);
    private static readonly TimeOnly DefaultCloses = new(18, 0);

    public static IReadOnlyList<ShopDay> DefaultHours() =>
        Week.Select(d => new ShopDay(d, d != DayOfWeek.Sunday, DefaultOpens, DefaultCloses)).ToList();

    /// <summary>The form for the dealer being worked in, or null when a manufacturer user has not chosen one.</summary>
    public async Task<DealerSettingsForm?> GetFormAsync()
    {
        if (DealerId is not { } dealerId) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var settings = await db.DealerSettings.AsNoTracking().Where(s => s.DealerId == dealerId).FirstOrDefaultAsync() ?? new DealerSettings();
        var hours = await HoursAsync(db, dealerId);
        return new DealerSettingsForm
        {
            Days = hours.Select(h => new ShopDayForm { Day = h.Day, IsOpen = h.IsOpen, OpensAt = h.OpensAt, ClosesAt = h.ClosesAt }).ToList(),
            MaxAppointmentsPerDay = settings.MaxAppointmentsPerDay,
            MaxAppointmentsPerBlock = settings.MaxAppointmentsPerBlock,
            BlockMinutes = settings.BlockMinutes,
            MinNoticeHours = settings.MinNoticeHours,
            MaxDaysAhead = settings.MaxDaysAhead,
            TaxRatePercent = settings.TaxRatePercent,
            CurrencyCode = settings.CurrencyCode,
            InvoiceDueDays = settings.InvoiceDueDays,
            InvoiceTerms = settings.InvoiceTerms,
            TaxInclusive = settings.TaxInclusive,
            TaxRegistrationNumber = settings.TaxRegistrationNumber,
            DiscountApprovalPercent = settings.DiscountApprovalPercent,
            LaborCostPerHour = settings.LaborCostPerHour,
            Version = settings.Version,
        };
    }

    /// <summary>"D001 · Riverside Motors" for the dealer being worked in.</summary>
    public async Task<string?> DealerNameAsync()
    {
        if (DealerId is not { } dealerId) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.DealerCode + " · " + d.Name).FirstOrDefaultAsync();
    }

    /// <summary>The dealer being worked in; null for a manufacturer user in "All dealers" (or a user with no dealer).</summary>
    private Guid? DealerId => user.DealerScope is { } id && id != Guid.Empty ? id : null;

    /// <summary>The booking rules of the dealer being worked in (defaults when it never saved settings).</summary>
    public async Task<ShopRules> GetRulesAsync(Guid dealerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var settings = await db.DealerSettings.AsNoTracking().Where(s => s.DealerId == dealerId).FirstOrDefaultAsync() ?? new DealerSettings();
        return ShopRules.From(settings, await HoursAsync(db, dealerId));
    }

    /// <summary>The currency the dealer's prices are shown in.</summary>
    public async Task<string> CurrencyAsync(Guid dealerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.DealerSettings.Where(s => s.DealerId == dealerId).Select(s => s.CurrencyCode).FirstOrDefaultAsync()
            ?? new DealerSettings().CurrencyCode;
    }

    private static async Task<IReadOnlyList<ShopDay>> HoursAsync(MotorTraceDbContext db, Guid dealerId)
    {
        var stored = await db.DealerShopHours.AsNoTracking().Where(h => h.DealerId == dealerId)
            .Select(h => new ShopDay(h.DayOfWeek, h.IsOpen, h.OpensAt, h.ClosesAt)).ToListAsync();
        var defaults = DefaultHours();
        return Week.Select(day => stored.FirstOrDefault(h => h.Day == day) ?? defaults.First(h => h.Day == day)).ToList();
    }

    /// <summary>The form's rules beyond its annotations; errors name the fields (<c>Days[2].ClosesAt</c>).</summary>
    public static ServiceResult Validate(DealerSettingsForm form)
    {
        var errors = new List<(string, string)>();
        if (form.Days.Count != 7 || form.Days.Select(d => d.Day).Distinct().Count() != 7)
            errors.Add(("", "The shop-hours table must list each weekday once. Reload the page and try again."));
        for (var i = 0; i < form.Days.Count; i++)
        {
            var day = form.Days[i];
            if (!day.IsOpen) continue;
            if (day.OpensAt is null) errors.Add(($"Days[{i}].OpensAt", $"Enter when the workshop opens on {day.Day}s."));
            if (day.ClosesAt is null) errors.Add(($"Days[{i}].ClosesAt", $"Enter when the workshop closes on {day.Day}s."));
            else if (day.OpensAt is { } opens && day.ClosesAt <= opens)
                errors.Add(($"Days[{i}].ClosesAt", $"Closing time must be after opening time ({opens:HH\\:mm})."));
        }
        if (!BlockLengths.Contains(form.BlockMinutes))
            errors.Add((nameof(DealerSettingsForm.BlockMinutes), "Choose a block length of 15, 20, 30 or 60 minutes."));
        var currency = form.CurrencyCode?.Trim().ToUpperInvariant() ?? "";
        if (!Currencies.IsIso4217(currency))
            errors.Add((nameof(DealerSettingsForm.CurrencyCode), "Enter a three-letter ISO 4217 currency code, e.g. INR, EUR or USD."));
        if (decimal.Round(form.TaxRatePercent, 2) != form.TaxRatePercent)
            errors.Add((nameof(DealerSettingsForm.TaxRatePercent), "Use at most two decimals, e.g. 18 or 12.5."));
        if (decimal.Round(form.DiscountApprovalPercent, 2) != form.DiscountApprovalPercent)
            errors.Add((nameof(DealerSettingsForm.DiscountApprovalPercent), "Use at most two decimals, e.g. 10 or 7.5."));
        if (decimal.Round(form.LaborCostPerHour, 2) != form.LaborCostPerHour)
            errors.Add((nameof(DealerSettingsForm.LaborCostPerHour), "Use at most two decimals."));
        return errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors };
    }

    public async Task<ServiceResult> SaveAsync(DealerSettingsForm form)
    {
        if (DealerId is not { } dealerId) return ServiceResult.NoDealerChosen;
        var validation = Validate(form);
        if (!validation.Succeeded) return validation;

        await using var db = await dbFactory.CreateDbContextAsync();
        var settings = await db.DealerSettings.Where(s => s.DealerId == dealerId).FirstOrDefaultAsync();
        if (settings is null)
        {
            // Someone saved first while this form showed defaults: their values would be overwritten.
            if (form.Version != Guid.Empty) return ServiceResult.Conflict("dealer's settings");
            settings = new DealerSettings { DealerId = dealerId, Version = Guid.NewGuid() };
            db.DealerSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = form.Version;
            // Shop hours have no version of their own: a new Version on every save (even when only the hours
            // changed) makes the settings row's update carry the check, so a stale form is refused either way.
            settings.Version = Guid.NewGuid();
        }

        settings.MaxAppointmentsPerDay = form.MaxAppointmentsPerDay;
        settings.MaxAppointmentsPerBlock = form.MaxAppointmentsPerBlock;
        settings.BlockMinutes = form.BlockMinutes;
        settings.MinNoticeHours = form.MinNoticeHours;
        settings.MaxDaysAhead = form.MaxDaysAhead;
        settings.TaxRatePercent = form.TaxRatePercent;
        settings.CurrencyCode = form.CurrencyCode.Trim().ToUpperInvariant();
        settings.InvoiceDueDays = form.InvoiceDueDays;
        settings.InvoiceTerms = string.IsNullOrWhiteSpace(form.InvoiceTerms) ? null : form.InvoiceTerms.Trim();
        settings.TaxInclusive = form.TaxInclusive;
        settings.TaxRegistrationNumber = string.IsNullOrWhiteSpace(form.TaxRegistrationNumber) ? null : form.TaxRegistrationNumber.Trim();
        settings.DiscountApprovalPercent = form.DiscountApprovalPercent;
        settings.LaborCostPerHour = form.LaborCostPerHour;

        var hours = await db.DealerShopHours.Where(h => h.DealerId == dealerId).ToListAsync();
        foreach (var day in form.Days)
        {
            var row = hours.FirstOrDefault(h => h.DayOfWeek == day.Day);
            if (row is null)
            {
                row = new DealerShopHours { DealerId = dealerId, DayOfWeek = day.Day };
                db.DealerShopHours.Add(row);
            }
            row.IsOpen = day.IsOpen;
            // A closed day keeps its last hours, so reopening it does not start from blank times.
            row.OpensAt = day.OpensAt ?? row.OpensAt;
            row.ClosesAt = day.ClosesAt ?? row.ClosesAt;
            if (row.ClosesAt <= row.OpensAt) (row.OpensAt, row.ClosesAt) = (DefaultOpens, DefaultCloses);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(dealerId);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the unique index on DealerId lets only one of them create the row.
            db.ChangeTracker.Clear();
            if (!await db.DealerSettings.AnyAsync(s => s.DealerId == dealerId)) throw;
            return await ConflictAsync(dealerId);
        }
        // The circuit read the dealer's currency once; the manager who changed it sees the new one from now on.
        await dealer.ReloadAsync();
        return ServiceResult.Ok;
    }

    /// <summary>"Changed by Maya Manager at 14:05 while you were editing": who saved in between, at the workshop's local time.</summary>
    private async Task<ServiceResult> ConflictAsync(Guid dealerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var latest = await db.DealerSettings.AsNoTracking().Where(s => s.DealerId == dealerId)
            .Select(s => new
            {
                s.UpdatedAt,
                By = db.Users.Where(u => u.Id == s.UpdatedById).Select(u => u.FullName).FirstOrDefault(),
                Zone = db.Dealers.Where(d => d.Id == dealerId).Select(d => d.TimeZoneId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync();
        if (latest is null) return ServiceResult.Conflict("dealer's settings");
        var zone = latest.Zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(latest.Zone, out var found) ? found : TimeZoneInfo.Utc;
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(latest.UpdatedAt, DateTimeKind.Utc), zone);
        return ServiceResult.Fail("", $"These settings were changed by {latest.By ?? "someone else"} at {at:HH:mm} while you were editing. "
            + "Your changes are still on the form: reload to see theirs, then save yours again.");
    }
}
