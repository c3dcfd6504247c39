using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Catalog;

/// <summary>One line of the labor catalogue list.</summary>
public sealed record LaborRow(
    Guid Id, string Code, string Name, string? Category, SkillLevel SkillLevel, int EstimatedMinutes,
    decimal Rate, string? Currency, bool IsActive, int ServiceCount, string? DealerCode)
{
    public LaborStatus Status => CatalogStatuses.Of(IsActive);
}

/// <summary>One labor operation as its page shows it, besides the form.</summary>
public sealed record LaborDetails(Guid Id, string Code, string Name, bool IsActive, string? Currency, string? DealerCode, LaborUsage Usage)
{
    public LaborStatus Status => CatalogStatuses.Of(IsActive);
}

/// <summary>The labor page: the form and what shows beside it.</summary>
public sealed record LaborPage(LaborForm Form, LaborDetails Details);

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
public sealed class LaborCatalogService(
    IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, IAuthorizationService authorization)
    : CatalogRecordService<LaborCatalog, LaborForm>(dbFactory, user, dealer, authorization)
{
    public static readonly string[] FilterNames = ["category", "skill", "active"];

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
    public async Task<GridResult<LaborRow>> ListAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
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
        return await labor.ToGridResultAsync(query, Sorts, l => new LaborRow(
            l.Id, l.Code, l.Name, l.Category, l.SkillLevel, l.EstimatedMinutes, l.Rate,
            db.DealerSettings.Where(s => s.DealerId == l.DealerId).Select(s => s.CurrencyCode).FirstOrDefault() ?? CatalogText.DefaultCurrency,
            l.IsActive,
            db.CannedServices.Count(s => s.Labor.Any(step => step.LaborCatalogId == l.Id)),
            allDealers ? db.Dealers.Where(d => d.Id == l.DealerId).Select(d => d.DealerCode).FirstOrDefault() : null), cancellationToken);
    }

    /// <summary>The categories in use, for the filter and the form's suggestions.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.LaborCatalog.AsNoTracking().Where(l => l.Category != null).Select(l => l.Category!).Distinct().OrderBy(c => c).ToListAsync();
    }

    /// <summary>The operation's form values and page details, or null when missing or another dealer's.</summary>
    public async Task<LaborPage?> GetAsync(Guid id)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var found = await db.LaborCatalog.AsNoTracking().Where(l => l.Id == id).Select(l => new
        {
            l.Id, l.Code, l.Name, l.Description, l.EstimatedMinutes, l.Category, l.SkillLevel, l.Rate, l.IsActive, l.UpdatedAt,
            Currency = db.DealerSettings.Where(s => s.DealerId == l.DealerId).Select(s => s.CurrencyCode).FirstOrDefault() ?? CatalogText.DefaultCurrency,
            DealerCode = db.Dealers.Where(d => d.Id == l.DealerId).Select(d => d.DealerCode).FirstOrDefault(),
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
        return new LaborPage(form, new LaborDetails(found.Id, found.Code, found.Name, found.IsActive, found.Currency,
            ShowsAllDealers ? found.DealerCode : null, new LaborUsage(services, found.WorkOrderLines)));
    }

    /// <summary>Deactivating keeps the operation on existing services and work orders but out of every picker.</summary>
    public Task<ServiceResult<long?>> SetActiveAsync(Guid id, bool active, long? formStamp = null) =>
        ChangeAsync(id, labor => labor.IsActive = active, formStamp);

    protected override async Task<bool> IsUsedAsync(MotorTraceDbContext db, Guid id) =>
        await db.CannedServiceLabor.AnyAsync(s => s.LaborCatalogId == id) || await db.WorkOrderLabor.AnyAsync(w => w.LaborCatalogId == id);

    protected override string What => "labor operation";

    protected override ServiceResult InUse { get; } =
        ServiceResult.Fail("", "This labor operation is used by canned services or work orders, so it cannot be deleted. Deactivate it instead.");

    protected override IQueryable<LaborCatalog> WithCode(IQueryable<LaborCatalog> records, string code) =>
        records.Where(l => l.Code.ToUpper() == code);

    protected override IQueryable<string> Describe(IQueryable<LaborCatalog> records) => records.Select(l => "“" + l.Name + "”");

    protected override void ValidateFields(LaborForm form, List<(string Field, string Message)> errors)
    {
        if (string.IsNullOrWhiteSpace(form.Name)) errors.Add((nameof(LaborForm.Name), "Enter the name of the operation."));
        if (form.EstimatedMinutes is < 1 or > CatalogLimits.MaxMinutes)
            errors.Add((nameof(LaborForm.EstimatedMinutes), "Enter the book time in whole minutes, from 1 to 1,440."));
        if (form.Rate < 0 || form.Rate > (decimal)CatalogLimits.MaxMoney)
            errors.Add((nameof(LaborForm.Rate), "Enter an hourly rate from 0 to 10,000,000."));
        else if (!CatalogText.HasAtMostTwoDecimals(form.Rate))
            errors.Add((nameof(LaborForm.Rate), "Enter the rate with at most two decimals."));
        if (!Enum.IsDefined(form.SkillLevel)) errors.Add((nameof(LaborForm.SkillLevel), "Choose a skill level from the list."));
    }

    protected override void Apply(LaborForm form, LaborCatalog labor)
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
}
