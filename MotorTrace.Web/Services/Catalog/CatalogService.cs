using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Catalog;

/// <summary>One line of the canned-service list; <paramref name="LaborMinutes"/> adds up the steps.</summary>
public sealed record CannedServiceRow(
    Guid Id, string Code, string Name, string? Category, VehicleType VehicleType, ServiceVariantLabel VariantLabel,
    int Duration, int LaborMinutes, int StepCount, decimal Price, string? Currency, bool IsAvailable, bool IsArchived, string? DealerCode)
{
    public bool IsBookable => IsAvailable && !IsArchived;
    public CannedServiceStatus Status => CatalogStatuses.Of(IsAvailable, IsArchived);
}

/// <summary>A canned service the booking page offers (available and not archived).</summary>
public sealed record BookableService(Guid Id, string Code, string Name, int Duration, decimal Price, string? Category);

/// <summary>One canned service as its page shows it, besides the form.</summary>
public sealed record CannedServiceDetails(
    Guid Id, string Code, string Name, bool IsAvailable, bool IsArchived, string? Currency, string? DealerCode, ServiceUsage Usage)
{
    public CannedServiceStatus Status => CatalogStatuses.Of(IsAvailable, IsArchived);
}

/// <summary>Everything the service page shows: the form, the details, the steps and the part categories.</summary>
public sealed record CannedServicePage(CannedServiceForm Form, CannedServiceDetails Details, ServiceStepsView Steps, ServicePartsView Parts);

/// <summary>What refers to a canned service; a used service is archived, never deleted.</summary>
public sealed record ServiceUsage(int Appointments, int WorkOrderLines)
{
    public bool IsUsed => Appointments > 0 || WorkOrderLines > 0;
}

/// <summary>One labor step of a canned service, in order.</summary>
public sealed record ServiceStep(
    Guid Id, int Sequence, Guid LaborCatalogId, string LaborCode, string LaborName, SkillLevel SkillLevel, bool LaborIsActive,
    int CatalogueMinutes, int EstimatedMinutes, string? Notes);

/// <summary>An active labor operation a step can be made of.</summary>
public sealed record LaborOption(Guid Id, string Code, string Name, int EstimatedMinutes, string? Category);

/// <summary>The steps list of one service: what the steps fragment renders.</summary>
public sealed record ServiceStepsView(Guid ServiceId, int Duration, IReadOnlyList<ServiceStep> Steps, IReadOnlyList<LaborOption> LaborOptions)
{
    public int LaborMinutes => Steps.Sum(s => s.EstimatedMinutes);
}

public sealed record ServicePartCategory(Guid Id, Guid CategoryId, string CategoryName, bool IsRequired, string? Notes);

public sealed record CategoryOption(Guid Id, string Name);

/// <summary>The part categories of one service: what the parts fragment renders. Options leave out categories already on it.</summary>
public sealed record ServicePartsView(Guid ServiceId, IReadOnlyList<ServicePartCategory> Categories, IReadOnlyList<CategoryOption> Options);

/// <summary>
/// The dealer's canned-service menu: priced service packages with their ordered labor steps and the part
/// categories they need, the building blocks of bookings and estimates.
/// </summary>
public sealed class CatalogService(
    IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, IAuthorizationService authorization)
    : CatalogRecordService<CannedService, CannedServiceForm>(dbFactory, user, dealer, authorization)
{
    public static readonly string[] FilterNames = ["category", "vehicle", "available", "archived"];

    private static readonly GridSortMap<CannedService> Sorts = CreateSorts();

    private static GridSortMap<CannedService> CreateSorts()
    {
        // No price sort: SQLite cannot order decimals in SQL.
        var sorts = new GridSortMap<CannedService>("code");
        sorts.Add("code", s => s.Code);
        sorts.Add("name", s => s.Name);
        sorts.Add("category", s => s.Category);
        sorts.Add("duration", s => s.Duration);
        return sorts.ThenBy(s => s.Code).ThenBy(s => s.Id);
    }

    /// <summary>
    /// The list with search (code, name, category) and filters (category, vehicle type, available, archived).
    /// Archived services are hidden unless <c>archived=include</c> or <c>archived=only</c>.
    /// </summary>
    public async Task<GridResult<CannedServiceRow>> ListAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var services = db.CannedServices.AsNoTracking();
        if (query.Search is { } search)
        {
            var term = search.ToLowerInvariant();
            services = services.Where(s => s.Code.ToLower().Contains(term) || s.Name.ToLower().Contains(term)
                                           || (s.Category != null && s.Category.ToLower().Contains(term)));
        }
        if (query.Filter("category") is { } category) services = services.Where(s => s.Category == category);
        if (Enum.TryParse<VehicleType>(query.Filter("vehicle"), ignoreCase: true, out var vehicle) && Enum.IsDefined(vehicle))
            services = services.Where(s => s.VehicleType == vehicle);
        services = query.Filter("available") switch
        {
            "yes" => services.Where(s => s.IsAvailable),
            "no" => services.Where(s => !s.IsAvailable),
            _ => services,
        };
        services = query.Filter("archived") switch
        {
            "include" => services,
            "only" => services.Where(s => s.IsArchived),
            _ => services.Where(s => !s.IsArchived),
        };

        var allDealers = ShowsAllDealers;
        return await services.ToGridResultAsync(query, Sorts, s => new CannedServiceRow(
            s.Id, s.Code, s.Name, s.Category, s.VehicleType, s.VariantLabel, s.Duration,
            s.Labor.Sum(l => l.EstimatedMinutes), s.Labor.Count, s.Price,
            db.DealerSettings.Where(d => d.DealerId == s.DealerId).Select(d => d.CurrencyCode).FirstOrDefault() ?? CatalogText.DefaultCurrency,
            s.IsAvailable, s.IsArchived,
            allDealers ? db.Dealers.Where(d => d.Id == s.DealerId).Select(d => d.DealerCode).FirstOrDefault() : null), cancellationToken);
    }

    /// <summary>The categories in use, for the filter and the form's suggestions.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.CannedServices.AsNoTracking().Where(s => s.Category != null).Select(s => s.Category!).Distinct().OrderBy(c => c).ToListAsync();
    }

    /// <summary>What the booking page offers: available services that are not archived.</summary>
    public async Task<IReadOnlyList<BookableService>> BookableServicesAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.CannedServices.AsNoTracking()
            .Where(s => s.IsAvailable && !s.IsArchived)
            .OrderBy(s => s.Category).ThenBy(s => s.Name)
            .Select(s => new BookableService(s.Id, s.Code, s.Name, s.Duration, s.Price, s.Category))
            .ToListAsync();
    }

    /// <summary>The service's form values and page details, or null when missing or another dealer's.</summary>
    public async Task<(CannedServiceForm Form, CannedServiceDetails Details)?> GetAsync(Guid id)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var found = await db.CannedServices.AsNoTracking().Where(s => s.Id == id).Select(s => new
        {
            Service = s,
            Currency = db.DealerSettings.Where(d => d.DealerId == s.DealerId).Select(d => d.CurrencyCode).FirstOrDefault() ?? CatalogText.DefaultCurrency,
            DealerCode = db.Dealers.Where(d => d.Id == s.DealerId).Select(d => d.DealerCode).FirstOrDefault(),
            Appointments = db.AppointmentCannedServices.Count(a => a.CannedServiceId == s.Id),
            WorkOrderLines = db.WorkOrderServices.Count(w => w.CannedServiceId == s.Id),
        }).FirstOrDefaultAsync();
        if (found is null) return null;

        var s = found.Service;
        var form = new CannedServiceForm
        {
            Code = s.Code, Name = s.Name, Description = s.Description, Duration = s.Duration, Price = CatalogText.TwoDecimals(s.Price),
            IsAvailable = s.IsAvailable, VariantLabel = s.VariantLabel, VehicleType = s.VehicleType, Category = s.Category,
            MinVehicleAge = s.MinVehicleAge, MaxVehicleMileage = s.MaxVehicleMileage,
            HasOptionalParts = s.HasOptionalParts, HasOptionalLabor = s.HasOptionalLabor,
            UpdatedAtTicks = CatalogConcurrency.Stamp(s.UpdatedAt),
        };
        var dealerCode = ShowsAllDealers ? found.DealerCode : null;
        return (form, new CannedServiceDetails(s.Id, s.Code, s.Name, s.IsAvailable, s.IsArchived, found.Currency, dealerCode,
            new ServiceUsage(found.Appointments, found.WorkOrderLines)));
    }

    /// <summary>The whole service page, or null when the service is missing or another dealer's.</summary>
    public async Task<CannedServicePage?> PageAsync(Guid id)
    {
        if (await GetAsync(id) is not { } found) return null;
        var steps = await StepsAsync(id);
        var parts = await PartsAsync(id);
        return steps is null || parts is null ? null : new CannedServicePage(found.Form, found.Details, steps, parts);
    }

    /// <summary>Archiving takes a service off the booking page and the estimate pickers; history keeps referring to it.</summary>
    public Task<ServiceResult<long?>> SetArchivedAsync(Guid id, bool archived, long? formStamp = null) =>
        ChangeAsync(id, service => service.IsArchived = archived, formStamp);

    protected override IQueryable<CannedService> ForDelete(IQueryable<CannedService> records) =>
        records.Include(s => s.Labor).Include(s => s.PartsCategories);

    protected override async Task<bool> IsUsedAsync(MotorTraceDbContext db, Guid id) =>
        await db.AppointmentCannedServices.AnyAsync(a => a.CannedServiceId == id) || await db.WorkOrderServices.AnyAsync(w => w.CannedServiceId == id);

    protected override string What => "canned service";

    protected override ServiceResult InUse { get; } =
        ServiceResult.Fail("", "This service is on appointments or work orders, so it cannot be deleted. Archive it instead.");

    protected override IQueryable<CannedService> WithCode(IQueryable<CannedService> records, string code) =>
        records.Where(s => s.Code.ToUpper() == code);

    protected override IQueryable<string> Describe(IQueryable<CannedService> records) =>
        records.Select(s => "“" + s.Name + "”" + (s.IsArchived ? " (archived)" : ""));

    // ---- Labor steps: each change is its own short save ----

    /// <summary>The steps list, or null when the service is missing or another dealer's.</summary>
    public async Task<ServiceStepsView?> StepsAsync(Guid serviceId)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var service = await db.CannedServices.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new
            {
                s.DealerId, s.Duration,
                Steps = s.Labor.OrderBy(l => l.Sequence).Select(l => new ServiceStep(
                    l.Id, l.Sequence, l.LaborCatalogId, l.LaborCatalog.Code, l.LaborCatalog.Name, l.LaborCatalog.SkillLevel,
                    l.LaborCatalog.IsActive, l.LaborCatalog.EstimatedMinutes, l.EstimatedMinutes, l.Notes)).ToList(),
            }).FirstOrDefaultAsync();
        if (service is null) return null;
        // The service's own dealer, explicitly: a manufacturer user in "All dealers" sees every dealer's catalogue.
        var options = await db.LaborCatalog.AsNoTracking()
            .Where(l => l.DealerId == service.DealerId && l.IsActive)
            .OrderBy(l => l.Category).ThenBy(l => l.Code)
            .Select(l => new LaborOption(l.Id, l.Code, l.Name, l.EstimatedMinutes, l.Category))
            .ToListAsync();
        return new ServiceStepsView(serviceId, service.Duration, service.Steps, options);
    }

    /// <summary>Adds a step at the end; null when the service is missing or another dealer's.</summary>
    public async Task<ServiceResult?> AddStepAsync(Guid serviceId, StepForm form)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        var service = await db.CannedServices.Where(s => s.Id == serviceId).Select(s => new { s.DealerId }).FirstOrDefaultAsync();
        if (service is null) return null;

        var errors = new List<(string, string)>();
        var labor = Guid.TryParse(form.LaborCatalogId, out var laborId)
            ? await db.LaborCatalog.Where(l => l.Id == laborId && l.DealerId == service.DealerId && l.IsActive)
                .Select(l => new { l.Id, l.EstimatedMinutes }).FirstOrDefaultAsync()
            : null;
        if (labor is null) errors.Add((nameof(StepForm.LaborCatalogId), "Choose an active labor operation from the list."));
        var (minutes, minutesError) = CatalogText.ParseMinutes(form.EstimatedMinutes, optional: true);
        if (minutesError is not null) errors.Add((nameof(StepForm.EstimatedMinutes), minutesError));
        if (form.Notes?.Trim().Length > CatalogLimits.MaxNotes) errors.Add((nameof(StepForm.Notes), "Keep the notes under 500 characters."));
        if (errors.Count > 0) return new ServiceResult { Errors = errors };

        var last = await db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).MaxAsync(l => (int?)l.Sequence) ?? 0;
        db.CannedServiceLabor.Add(new CannedServiceLabor
        {
            DealerId = service.DealerId, CannedServiceId = serviceId, LaborCatalogId = labor!.Id, Sequence = last + 1,
            EstimatedMinutes = minutes ?? labor.EstimatedMinutes, Notes = CatalogText.Blank(form.Notes),
        });
        return await SaveStepsAsync(db, () => db.SaveChangesAsync());
    }

    /// <summary>Removes a step and closes the gap; null when the service is missing or another dealer's.</summary>
    public async Task<ServiceResult?> RemoveStepAsync(Guid serviceId, Guid stepId)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        var steps = await TrackedStepsAsync(db, serviceId);
        if (steps is null) return null;
        var step = steps.FirstOrDefault(s => s.Id == stepId);
        if (step is null) return StepGone;
        db.CannedServiceLabor.Remove(step);
        steps.Remove(step);
        return await SaveStepsAsync(db, () => ResequenceAsync(db, steps));
    }

    /// <summary>Swaps a step with its neighbour above or below; null when the service is missing or another dealer's.</summary>
    public async Task<ServiceResult?> MoveStepAsync(Guid serviceId, Guid stepId, bool up)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        var steps = await TrackedStepsAsync(db, serviceId);
        if (steps is null) return null;
        var index = steps.FindIndex(s => s.Id == stepId);
        if (index < 0) return StepGone;
        var target = up ? index - 1 : index + 1;
        if (target < 0 || target >= steps.Count) return ServiceResult.Ok; // already first or last
        (steps[index], steps[target]) = (steps[target], steps[index]);
        return await SaveStepsAsync(db, () => ResequenceAsync(db, steps));
    }

    private static async Task<List<CannedServiceLabor>?> TrackedStepsAsync(MotorTraceDbContext db, Guid serviceId) =>
        await db.CannedServices.AnyAsync(s => s.Id == serviceId)
            ? await db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).OrderBy(l => l.Sequence).ToListAsync()
            : null;

    /// <summary>
    /// Numbers the steps 1..n in the given order. The unique index on (service, sequence) is checked row by row,
    /// so steps that change place go through negative numbers first: no two rows ever share a number, not even
    /// halfway through the update. One transaction, so nobody ever sees the negative numbers.
    /// </summary>
    private static async Task ResequenceAsync(MotorTraceDbContext db, List<CannedServiceLabor> ordered)
    {
        var moving = ordered.Select((step, index) => (Step: step, Sequence: index + 1)).Where(x => x.Step.Sequence != x.Sequence).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var (step, sequence) in moving) step.Sequence = -sequence;
        await db.SaveChangesAsync();
        if (moving.Count > 0)
        {
            foreach (var (step, sequence) in moving) step.Sequence = sequence;
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Two managers editing the same steps at once can collide on the sequence index: the later one is told to look again.</summary>
    private static async Task<ServiceResult> SaveStepsAsync(MotorTraceDbContext db, Func<Task> save)
    {
        try
        {
            await save();
            return ServiceResult.Ok;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return StepsChanged;
        }
    }

    private static readonly ServiceResult StepGone = ServiceResult.Fail("", "That step was already removed. Here are the steps as they are now.");

    private static readonly ServiceResult StepsChanged =
        ServiceResult.Fail("", "Someone else changed these steps at the same moment. Here they are now: check them and try again.");

    // ---- Part categories ----

    /// <summary>The part categories of a service, or null when it is missing or another dealer's.</summary>
    public async Task<ServicePartsView?> PartsAsync(Guid serviceId)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var parts = await db.CannedServices.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => s.PartsCategories.OrderByDescending(p => p.IsRequired).ThenBy(p => p.Category.Name)
                .Select(p => new ServicePartCategory(p.Id, p.CategoryId, p.Category.Name, p.IsRequired, p.Notes)).ToList())
            .FirstOrDefaultAsync();
        if (parts is null) return null;
        var options = await db.InventoryCategories.AsNoTracking()
            .Where(c => !db.CannedServicePartsCategories.Any(p => p.CannedServiceId == serviceId && p.CategoryId == c.Id))
            .OrderBy(c => c.Name).Select(c => new CategoryOption(c.Id, c.Name)).ToListAsync();
        return new ServicePartsView(serviceId, parts, options);
    }

    /// <summary>Adds a part category (once per service); null when the service is missing or another dealer's.</summary>
    public async Task<ServiceResult?> AddPartCategoryAsync(Guid serviceId, PartCategoryForm form)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        var service = await db.CannedServices.Where(s => s.Id == serviceId).Select(s => new { s.DealerId }).FirstOrDefaultAsync();
        if (service is null) return null;

        var errors = new List<(string, string)>();
        var category = Guid.TryParse(form.CategoryId, out var categoryId)
            ? await db.InventoryCategories.Where(c => c.Id == categoryId)
                .Select(c => new { c.Id, c.Name, Taken = db.CannedServicePartsCategories.Any(p => p.CannedServiceId == serviceId && p.CategoryId == c.Id) })
                .FirstOrDefaultAsync()
            : null;
        if (category is null) errors.Add((nameof(PartCategoryForm.CategoryId), "Choose a part category from the list."));
        else if (category.Taken) errors.Add((nameof(PartCategoryForm.CategoryId), $"{category.Name} is already on this service."));
        if (form.Need is not ("required" or "optional")) errors.Add((nameof(PartCategoryForm.Need), "Choose required or optional."));
        if (form.Notes?.Trim().Length > CatalogLimits.MaxNotes) errors.Add((nameof(PartCategoryForm.Notes), "Keep the notes under 500 characters."));
        if (errors.Count > 0) return new ServiceResult { Errors = errors };

        db.CannedServicePartsCategories.Add(new CannedServicePartsCategory
        {
            DealerId = service.DealerId, CannedServiceId = serviceId, CategoryId = category!.Id,
            IsRequired = form.Need == "required", Notes = CatalogText.Blank(form.Notes),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Fail(nameof(PartCategoryForm.CategoryId), $"{category.Name} was just added to this service by someone else.");
        }
        return ServiceResult.Ok;
    }

    /// <summary>Removes a part category; null when the service is missing or another dealer's.</summary>
    public Task<ServiceResult?> RemovePartCategoryAsync(Guid serviceId, Guid partId) =>
        ChangePartAsync(serviceId, partId, (db, part) => db.CannedServicePartsCategories.Remove(part));

    /// <summary>Turns a required category into an optional one or back.</summary>
    public Task<ServiceResult?> SetPartRequiredAsync(Guid serviceId, Guid partId, bool required) =>
        ChangePartAsync(serviceId, partId, (_, part) => part.IsRequired = required);

    private async Task<ServiceResult?> ChangePartAsync(Guid serviceId, Guid partId, Action<MotorTraceDbContext, CannedServicePartsCategory> change)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        if (!await db.CannedServices.AnyAsync(s => s.Id == serviceId)) return null;
        var part = await db.CannedServicePartsCategories.FirstOrDefaultAsync(p => p.Id == partId && p.CannedServiceId == serviceId);
        if (part is null) return ServiceResult.Fail("", "That part category was already removed. Here is the list as it is now.");
        change(db, part);
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    // ---- Rules ----

    protected override void ValidateFields(CannedServiceForm form, List<(string Field, string Message)> errors)
    {
        if (string.IsNullOrWhiteSpace(form.Name)) errors.Add((nameof(CannedServiceForm.Name), "Enter the name customers see on estimates."));
        if (form.Duration is < 1 or > CatalogLimits.MaxMinutes)
            errors.Add((nameof(CannedServiceForm.Duration), "Enter the workshop time in whole minutes, from 1 to 1,440."));
        if (form.Price < 0 || form.Price > (decimal)CatalogLimits.MaxMoney)
            errors.Add((nameof(CannedServiceForm.Price), "Enter a price from 0 to 10,000,000."));
        else if (!CatalogText.HasAtMostTwoDecimals(form.Price))
            errors.Add((nameof(CannedServiceForm.Price), "Enter the price with at most two decimals."));
        if (form.MinVehicleAge is < 0 or > CatalogLimits.MaxVehicleAge)
            errors.Add((nameof(CannedServiceForm.MinVehicleAge), "Enter an age in whole years, from 0 to 50, or leave it empty."));
        if (form.MaxVehicleMileage is < 0 or > CatalogLimits.MaxMileage)
            errors.Add((nameof(CannedServiceForm.MaxVehicleMileage), "Enter a mileage in km, from 0 to 2,000,000, or leave it empty."));
        if (!Enum.IsDefined(form.VariantLabel)) errors.Add((nameof(CannedServiceForm.VariantLabel), "Choose a variant from the list."));
        if (!Enum.IsDefined(form.VehicleType)) errors.Add((nameof(CannedServiceForm.VehicleType), "Choose a vehicle type from the list."));
    }

    protected override void Apply(CannedServiceForm form, CannedService service)
    {
        service.Code = CatalogText.NormalizeCode(form.Code);
        service.Name = form.Name.Trim();
        service.Description = CatalogText.Blank(form.Description);
        service.Duration = form.Duration;
        service.Price = form.Price;
        service.IsAvailable = form.IsAvailable;
        service.VariantLabel = form.VariantLabel;
        service.VehicleType = form.VehicleType;
        service.Category = CatalogText.Blank(form.Category);
        service.MinVehicleAge = form.MinVehicleAge;
        service.MaxVehicleMileage = form.MaxVehicleMileage;
        service.HasOptionalParts = form.HasOptionalParts;
        service.HasOptionalLabor = form.HasOptionalLabor;
    }
}
