using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Web.Services.Catalog;

/// <summary>One line of the labor catalogue list.</summary>
public sealed record LaborRow(
    Guid Id, string Code, string Name, string? Category, SkillLevel SkillLevel, int EstimatedMinutes,
    decimal Rate, string? Currency, bool IsActive, int ServiceCount, string? DealerCode);

/// <summary>One labor operation as its page shows it, besides the form.</summary>
public sealed record LaborDetails(Guid Id, string Code, string Name, bool IsActive, string? Currency, LaborUsage Usage);

/// <summary>Where a labor operation is used; used operations are deactivated, never deleted.</summary>
public sealed record LaborUsage(IReadOnlyList<UsedByService> Services, int WorkOrderLines)
{
    public bool IsUsed => Services.Count > 0 || WorkOrderLines > 0;
}

public sealed record UsedByService(Guid Id, string Code, string Name, bool IsArchived);

/// <summary>
/// The dealer's labor catalogue: the standard operations with their book time and hourly rate that canned
/// services are built from and work orders are priced with.
/// </summary>
public sealed class LaborCatalogService(MotorTraceDbContext db)
{
    public static readonly string[] FilterNames = ["category", "skill", "active"];

    /// <summary>A manufacturer user in "All dealers": lists mix dealers and show whose each line is; nothing can be created.</summary>
    public bool ShowsAllDealers => db.DealerScope is null;

    private static readonly GridSortMap<LaborCatalog> Sorts = CreateSorts();

    private static GridSortMap<LaborCatalog> CreateSorts()
    {
        var sorts = new GridSortMap<LaborCatalog>("code");
        sorts.Add("code", l => l.Code);
        sorts.Add("name", l => l.Name);
        sorts.Add("category", l => l.Category);
        sorts.Add("minutes", l => l.EstimatedMinutes);
        return sorts.ThenBy(l => l.Code).ThenBy(l => l.Id);
    }

    /// <summary>The list with search (code, name, category), filters (category, skill level, active) and sort; never by rate (money).</summary>
    public Task<GridResult<LaborRow>> ListAsync(GridQuery query)
    {
        var labor = db.LaborCatalog.AsNoTracking();
        if (query.Search is { } search)
        {
            var term = search.ToLowerInvariant();
            labor = labor.Where(l => l.Code.ToLower().Contains(term) || l.Name.ToLower().Contains(term)
                                     || (l.Category != null && l.Category.ToLower().Contains(term)));
        }
        if (query.Filter("category") is { } category) labor = labor.Where(l => l.Category == category);
        if (Enum.TryParse<SkillLevel>(query.Filter("skill"), ignoreCase: true, out var skill) && Enum.IsDefined(skill))
            labor = labor.Where(l => l.SkillLevel == skill);
        labor = query.Filter("active") switch
        {
            "yes" => labor.Where(l => l.IsActive),
            "no" => labor.Where(l => !l.IsActive),
            _ => labor,
        };

        var allDealers = ShowsAllDealers;
        return labor.ToGridResultAsync(query, Sorts, l => new LaborRow(
            l.Id, l.Code, l.Name, l.Category, l.SkillLevel, l.EstimatedMinutes, l.Rate,
            db.DealerSettings.Where(s => s.DealerId == l.DealerId).Select(s => s.CurrencyCode).FirstOrDefault(),
            l.IsActive,
            db.CannedServices.Count(s => s.Labor.Any(step => step.LaborCatalogId == l.Id)),
            allDealers ? db.Dealers.Where(d => d.Id == l.DealerId).Select(d => d.DealerCode).FirstOrDefault() : null));
    }

    /// <summary>The categories in use, for the filter and the form's suggestions.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync() =>
        await db.LaborCatalog.AsNoTracking().Where(l => l.Category != null).Select(l => l.Category!).Distinct().OrderBy(c => c).ToListAsync();

    /// <summary>The operation's form values and page details, or null when missing or another dealer's.</summary>
    public async Task<(LaborForm Form, LaborDetails Details)?> GetAsync(Guid id)
    {
        var found = await db.LaborCatalog.AsNoTracking().Where(l => l.Id == id).Select(l => new
        {
            l.Id, l.Code, l.Name, l.Description, l.EstimatedMinutes, l.Category, l.SkillLevel, l.Rate, l.IsActive, l.UpdatedAt,
            Currency = db.DealerSettings.Where(s => s.DealerId == l.DealerId).Select(s => s.CurrencyCode).FirstOrDefault(),
            WorkOrderLines = db.WorkOrderLabor.Count(w => w.LaborCatalogId == l.Id),
        }).FirstOrDefaultAsync();
        if (found is null) return null;
        // A second statement: a correlated list inside the projection needs SQL APPLY, which SQLite lacks.
        var services = await db.CannedServices.AsNoTracking()
            .Where(s => s.Labor.Any(step => step.LaborCatalogId == id)).OrderBy(s => s.Code)
            .Select(s => new UsedByService(s.Id, s.Code, s.Name, s.IsArchived)).ToListAsync();

        var form = new LaborForm
        {
            Code = found.Code, Name = found.Name, Description = found.Description, EstimatedMinutes = found.EstimatedMinutes,
            Category = found.Category, SkillLevel = found.SkillLevel, Rate = CatalogText.TwoDecimals(found.Rate), IsActive = found.IsActive,
            UpdatedAtTicks = CatalogConcurrency.Stamp(found.UpdatedAt),
        };
        return (form, new LaborDetails(found.Id, found.Code, found.Name, found.IsActive, found.Currency, new LaborUsage(services, found.WorkOrderLines)));
    }

    /// <summary>The dealer's currency for a new operation's rate, or null in "All dealers".</summary>
    public async Task<string?> CurrencyAsync() =>
        db.DealerScope is { } dealerId
            ? await db.DealerSettings.Where(s => s.DealerId == dealerId).Select(s => s.CurrencyCode).FirstOrDefaultAsync()
            : null;

    public async Task<ServiceResult<Guid>> CreateAsync(LaborForm form)
    {
        if (db.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        var validation = await ValidateAsync(form, dealerId, exceptId: null);
        if (!validation.Succeeded) return validation;

        var labor = new LaborCatalog { DealerId = dealerId };
        Apply(form, labor);
        db.LaborCatalog.Add(labor);
        return await SaveAsync(labor, dealerId) is { } failure ? failure : new ServiceResult<Guid>(labor.Id, ServiceResult.Ok);
    }

    /// <summary>Saves the form unless the operation changed since the form was loaded (see <see cref="CatalogConcurrency"/>).</summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, LaborForm form)
    {
        var dealerId = await db.LaborCatalog.Where(l => l.Id == id).Select(l => (Guid?)l.DealerId).FirstOrDefaultAsync();
        if (dealerId is null) return Missing;
        var validation = await ValidateAsync(form, dealerId.Value, exceptId: id);
        if (!validation.Succeeded) return validation;

        await using var transaction = await CatalogConcurrency.ClaimAsync<LaborCatalog>(db, id, form.UpdatedAtTicks);
        if (transaction is null) return ServiceResult.Conflict("labor operation");
        var labor = await db.LaborCatalog.SingleAsync(l => l.Id == id);
        Apply(form, labor);
        if (await SaveAsync(labor, dealerId.Value) is { } failure) return failure;
        await transaction.CommitAsync();
        return ServiceResult.Ok;
    }

    /// <summary>Deactivating keeps the operation on existing services and work orders but out of every picker.</summary>
    public async Task<ServiceResult> SetActiveAsync(Guid id, bool active)
    {
        var labor = await db.LaborCatalog.FirstOrDefaultAsync(l => l.Id == id);
        if (labor is null) return Missing;
        labor.IsActive = active;
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    /// <summary>Deletes an operation nothing refers to; a used one must be deactivated instead.</summary>
    public async Task<ServiceResult> DeleteAsync(Guid id)
    {
        var labor = await db.LaborCatalog.FirstOrDefaultAsync(l => l.Id == id);
        if (labor is null) return Missing;
        if (await IsUsedAsync(id)) return InUse;
        db.LaborCatalog.Remove(labor);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A canned service or work order took it up between our check and the delete (the foreign keys restrict).
            db.ChangeTracker.Clear();
            if (!await IsUsedAsync(id)) throw;
            return InUse;
        }
        return ServiceResult.Ok;
    }

    private async Task<bool> IsUsedAsync(Guid id) =>
        await db.CannedServiceLabor.AnyAsync(s => s.LaborCatalogId == id) || await db.WorkOrderLabor.AnyAsync(w => w.LaborCatalogId == id);

    private static readonly ServiceResult Missing = ServiceResult.Fail("", "This labor operation no longer exists.");

    private static readonly ServiceResult InUse =
        ServiceResult.Fail("", "This labor operation is used by canned services or work orders, so it cannot be deleted. Deactivate it instead.");

    private async Task<ServiceResult> ValidateAsync(LaborForm form, Guid dealerId, Guid? exceptId)
    {
        var errors = new List<(string, string)>();
        if (!CatalogText.IsValidCode(form.Code)) errors.Add((nameof(LaborForm.Code), CatalogLimits.CodeMessage));
        else
        {
            var code = CatalogText.NormalizeCode(form.Code);
            // Explicit dealer: a manufacturer user in "All dealers" has no tenancy filter narrowing this.
            var taken = await db.LaborCatalog.AsNoTracking()
                .Where(l => l.DealerId == dealerId && l.Id != exceptId && l.Code.ToUpper() == code)
                .Select(l => l.Name).FirstOrDefaultAsync();
            if (taken is not null) errors.Add((nameof(LaborForm.Code), $"{code} is already the code of “{taken}”. Choose another code."));
        }
        if (string.IsNullOrWhiteSpace(form.Name)) errors.Add((nameof(LaborForm.Name), "Enter the name of the operation."));
        if (form.EstimatedMinutes is < 1 or > CatalogLimits.MaxMinutes)
            errors.Add((nameof(LaborForm.EstimatedMinutes), "Enter the book time in whole minutes, from 1 to 1,440."));
        if (form.Rate < 0 || form.Rate > (decimal)CatalogLimits.MaxMoney)
            errors.Add((nameof(LaborForm.Rate), "Enter an hourly rate from 0 to 10,000,000."));
        else if (!CatalogText.HasAtMostTwoDecimals(form.Rate))
            errors.Add((nameof(LaborForm.Rate), "Enter the rate with at most two decimals."));
        if (!Enum.IsDefined(form.SkillLevel)) errors.Add((nameof(LaborForm.SkillLevel), "Choose a skill level from the list."));
        return errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors };
    }

    private static void Apply(LaborForm form, LaborCatalog labor)
    {
        labor.Code = CatalogText.NormalizeCode(form.Code);
        labor.Name = form.Name.Trim();
        labor.Description = CatalogText.Blank(form.Description);
        labor.EstimatedMinutes = form.EstimatedMinutes;
        labor.Category = CatalogText.Blank(form.Category);
        labor.SkillLevel = form.SkillLevel;
        labor.Rate = form.Rate;
        labor.IsActive = form.IsActive;
    }

    /// <summary>Null when saved; the unique index on (dealer, code) is the last word when two managers race.</summary>
    private async Task<ServiceResult?> SaveAsync(LaborCatalog labor, Guid dealerId)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.LaborCatalog.AnyAsync(l => l.DealerId == dealerId && l.Code == labor.Code && l.Id != labor.Id)) throw;
            return ServiceResult.Fail(nameof(LaborForm.Code), $"{labor.Code} was just given to another operation. Choose another code.");
        }
    }
}
