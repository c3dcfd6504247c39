using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Pages.Catalog;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Catalog;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Integration")]
public sealed class SqliteCatalogServiceTests(SqliteFactory app) : CatalogServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresCatalogServiceTests(PostgresFactory app) : CatalogServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The rules of the labor catalogue and the canned services, proven at the services the pages call, acting as demo users
/// over a real database: codes unique per dealer, number limits, concurrency naming who changed the record, steps in order,
/// part categories once, used records archived or deactivated rather than deleted, who may change the catalogue, tenancy.
/// Every test makes its own records (codes unique per test), so the tests share the fixture's database.
/// </summary>
public abstract class CatalogServiceTests(MotorTraceFactory app)
{
    private const string Manager = "manager@d1.motortrace.test";
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string Technician = "tech@d1.motortrace.test";
    private const string OtherDealerManager = "manager@d2.motortrace.test";
    private const string Network = "network@motortrace.test";

    private Task<T> As<TService, T>(string email, Func<TService, Task<T>> work, string? dealerCode = null) where TService : notnull =>
        app.AsUserAsync(email, work, dealerCode);

    private Task<T> Labor<T>(string email, Func<LaborCatalogService, Task<T>> work) => As(email, work);

    private Task<T> Catalog<T>(string email, Func<CatalogService, Task<T>> work) => As(email, work);

    private static string Messages(ServiceResult result, string field) =>
        string.Join(" | ", result.Errors.Where(e => e.Field == field).Select(e => e.Message));

    // ---- Labor catalogue ----

    [DatabaseFact]
    public async Task A_manager_creates_a_labor_operation_with_a_normalised_code_in_their_dealer_and_edits_it()
    {
        var code = UniqueCode("lab");
        var form = LaborForm.New();
        (form.Code, form.Name, form.Category, form.SkillLevel, form.EstimatedMinutes, form.Rate) =
            (code.ToLowerInvariant() + " ", "Front brake pad replacement", "Brakes", SkillLevel.Senior, 60, 1450.50m);

        var created = await Labor(Manager, s => s.CreateAsync(form));

        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors));
        var stored = await app.WithDbAsync(db => db.LaborCatalog.AsNoTracking().SingleAsync(l => l.Id == created.Value));
        Assert.Equal(code, stored.Code); // trimmed, upper case
        Assert.Equal((60, 1450.50m, SkillLevel.Senior, true, "Brakes"), (stored.EstimatedMinutes, stored.Rate, stored.SkillLevel, stored.IsActive, stored.Category));
        Assert.Equal(await DealerIdAsync(1), stored.DealerId);

        var page = (await Labor(Manager, s => s.GetAsync(created.Value!)))!;
        (page.Form.Name, page.Form.EstimatedMinutes) = ("Front brake pads", 75);
        var saved = await Labor(Manager, s => s.UpdateAsync(created.Value, page.Form));

        Assert.True(saved.Succeeded);
        var edited = await app.WithDbAsync(db => db.LaborCatalog.AsNoTracking().SingleAsync(l => l.Id == created.Value));
        Assert.Equal(("Front brake pads", 75, 1450.50m), (edited.Name, edited.EstimatedMinutes, edited.Rate));
    }

    [DatabaseFact]
    public async Task A_labor_code_already_used_at_the_dealer_is_refused_at_the_code_field()
    {
        var code = UniqueCode("dup");
        await CreateLaborAsync(code);

        var result = await Labor(Manager, s => s.CreateAsync(LaborFormFor(code.ToLowerInvariant(), name: "Another operation")));

        Assert.Contains("is already the code of", Messages(result.Result, nameof(LaborForm.Code)));
        Assert.Equal(1, await app.WithDbAsync(db => db.LaborCatalog.CountAsync(l => l.Code == code)));
    }

    [DatabaseFact]
    public async Task The_same_labor_code_may_be_used_by_another_dealer()
    {
        var code = UniqueCode("two");
        await CreateLaborAsync(code);

        var other = await Labor(OtherDealerManager, s => s.CreateAsync(LaborFormFor(code)));

        Assert.True(other.Succeeded);
        Assert.Equal(2, await app.WithDbAsync(db => db.LaborCatalog.CountAsync(l => l.Code == code)));
    }

    [DatabaseTheory]
    [InlineData(nameof(LaborForm.EstimatedMinutes), "0")]
    [InlineData(nameof(LaborForm.EstimatedMinutes), "1441")]
    [InlineData(nameof(LaborForm.Rate), "-1")]
    [InlineData(nameof(LaborForm.Rate), "12.345")]
    [InlineData(nameof(LaborForm.SkillLevel), "99")]
    [InlineData(nameof(LaborForm.Code), "BRK FP")]
    public async Task An_invalid_labor_value_is_refused_at_its_field_and_nothing_is_saved(string field, string value)
    {
        var code = UniqueCode("bad");
        var form = LaborFormFor(code);
        switch (field)
        {
            case nameof(LaborForm.EstimatedMinutes): form.EstimatedMinutes = int.Parse(value); break;
            case nameof(LaborForm.Rate): form.Rate = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(LaborForm.SkillLevel): form.SkillLevel = (SkillLevel)int.Parse(value); break;
            default: form.Code = value; break;
        }

        var result = await Labor(Manager, s => s.CreateAsync(form));

        Assert.NotEmpty(Messages(result.Result, field));
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Code == code || l.Code == value)));
    }

    [DatabaseFact]
    public async Task A_labor_operation_used_by_a_service_cannot_be_deleted_but_can_be_deactivated_and_is_then_not_offered_for_steps()
    {
        var laborId = await CreateLaborAsync(UniqueCode("use"));
        var serviceId = await CreateServiceAsync(UniqueCode("svc"));
        await AddStepAsync(serviceId, laborId);

        var delete = await Labor(Manager, s => s.DeleteAsync(laborId));
        var deactivate = await Labor(Manager, s => s.SetActiveAsync(laborId, active: false));

        Assert.Contains("cannot be deleted. Deactivate it instead", Messages(delete, ""));
        Assert.True(deactivate.Succeeded);
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.Where(l => l.Id == laborId).Select(l => l.IsActive).SingleAsync()));
        var steps = (await Catalog(Manager, s => s.StepsAsync(serviceId)))!;
        Assert.DoesNotContain(steps.LaborOptions, o => o.Id == laborId);
        Assert.False(Assert.Single(steps.Steps).LaborIsActive);
        var page = (await Labor(Manager, s => s.GetAsync(laborId)))!;
        Assert.Equal([serviceId], page.Details.Usage.Services.Select(u => u.Id));
        Assert.Equal(LaborStatus.Inactive, page.Details.Status);
    }

    [DatabaseFact]
    public async Task An_unused_labor_operation_is_deleted()
    {
        var laborId = await CreateLaborAsync(UniqueCode("del"));

        var result = await Labor(Manager, s => s.DeleteAsync(laborId));

        Assert.True(result.Succeeded);
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Id == laborId)));
    }

    [DatabaseFact]
    public async Task Deactivating_from_an_open_form_lets_that_form_save_later_unless_someone_else_changed_the_record_first()
    {
        var id = await CreateLaborAsync(UniqueCode("st"));
        var mine = (await Labor(Manager, s => s.GetAsync(id)))!.Form;

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var current = await Labor(Manager, s => s.SetActiveAsync(id, active: false, mine.UpdatedAtTicks));
        Assert.True(current.Succeeded);
        Assert.NotNull(current.Value);
        mine.UpdatedAtTicks = current.Value.Value;
        mine.EstimatedMinutes = 50;
        Assert.True((await Labor(Manager, s => s.UpdateAsync(id, mine))).Succeeded, "the form that deactivated saves on");

        var stale = (await Labor(Manager, s => s.GetAsync(id)))!.Form;
        var theirs = (await Labor(Manager, s => s.GetAsync(id)))!.Form;
        theirs.EstimatedMinutes = 70;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await Labor(Manager, s => s.UpdateAsync(id, theirs))).Succeeded);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterTheirs = await Labor(Manager, s => s.SetActiveAsync(id, active: true, stale.UpdatedAtTicks));

        Assert.True(afterTheirs.Succeeded, "the one-field change is made");
        Assert.Null(afterTheirs.Value);
        stale.EstimatedMinutes = 10;
        Assert.Contains("was changed by", Messages(await Labor(Manager, s => s.UpdateAsync(id, stale)), ""));
        var stored = await app.WithDbAsync(db => db.LaborCatalog.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal((70, true), (stored.EstimatedMinutes, stored.IsActive));
    }

    [DatabaseFact]
    public async Task A_labor_save_based_on_a_stale_copy_is_refused_naming_who_changed_it_and_when()
    {
        var id = await CreateLaborAsync(UniqueCode("lc"));
        var stale = (await Labor(Manager, s => s.GetAsync(id)))!.Form;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await Labor(Manager, s => s.SetActiveAsync(id, active: false))).Succeeded);

        stale.EstimatedMinutes = 99;
        var result = await Labor(Manager, s => s.UpdateAsync(id, stale));

        Assert.Matches(@"^This labor operation was changed by .+ at \d\d:\d\d while you were editing\. Your input is kept", Messages(result, ""));
        Assert.Contains(await FullNameAsync(Manager), Messages(result, ""));
        Assert.Equal(99, stale.EstimatedMinutes);
        var stored = await app.WithDbAsync(db => db.LaborCatalog.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal((45, false), (stored.EstimatedMinutes, stored.IsActive));
    }

    // ---- Canned services ----

    [DatabaseFact]
    public async Task A_manager_builds_a_canned_service_with_two_ordered_steps_and_a_required_part_category()
    {
        var inspection = await CreateLaborAsync(UniqueCode("ins"), minutes: 60);
        var oil = await CreateLaborAsync(UniqueCode("oil"), minutes: 30);
        var category = await CreateCategoryAsync();
        var code = UniqueCode("pms");
        var form = ServiceFormFor(code);
        (form.Name, form.Category, form.Duration, form.Price, form.VehicleType, form.MaxVehicleMileage) =
            ("Periodic maintenance, 10,000 km", "Periodic maintenance", 120, 4500.50m, VehicleType.Car, 150000);

        var id = (await Catalog(Manager, s => s.CreateAsync(form))).Value;
        // The first step with the catalogue's book time, the second with its own and a note.
        var first = await Catalog(Manager, s => s.AddStepAsync(id, new StepForm { LaborCatalogId = inspection.ToString() }));
        var second = await Catalog(Manager, s => s.AddStepAsync(id, new StepForm { LaborCatalogId = oil.ToString(), EstimatedMinutes = "40", Notes = " Use 5W-30 " }));
        var part = await Catalog(Manager, s => s.AddPartCategoryAsync(id, new PartCategoryForm { CategoryId = category.ToString(), Need = "required" }));

        Assert.All([first, second, part], r => Assert.True(r is { Succeeded: true }));
        var service = await app.WithDbAsync(db => db.CannedServices.AsNoTracking().Include(s => s.Labor).Include(s => s.PartsCategories).SingleAsync(s => s.Id == id));
        Assert.Equal((code, 120, 4500.50m, VehicleType.Car, 150000, true, false),
            (service.Code, service.Duration, service.Price, service.VehicleType, service.MaxVehicleMileage, service.IsAvailable, service.IsArchived));
        Assert.Equal(new (int, Guid, int, string?)[] { (1, inspection, 60, null), (2, oil, 40, "Use 5W-30") },
            service.Labor.OrderBy(l => l.Sequence).Select(l => (l.Sequence, l.LaborCatalogId, l.EstimatedMinutes, l.Notes)));
        var partCategory = Assert.Single(service.PartsCategories);
        Assert.Equal((category, true), (partCategory.CategoryId, partCategory.IsRequired));

        var page = (await Catalog(Manager, s => s.PageAsync(id)))!;
        Assert.Equal(100, page.Steps.LaborMinutes);
        Assert.Equal("Labor steps add up to 1 h 40 min.", ServiceEdit.DurationHint(page.Steps));
        var list = await Catalog(Manager, s => s.ListAsync(new GridQuery { Search = code }));
        Assert.Equal((100, 2), (Assert.Single(list.Items).LaborMinutes, list.Items[0].StepCount));
    }

    [DatabaseFact]
    public async Task A_step_with_invalid_minutes_or_an_inactive_operation_is_refused_at_its_field()
    {
        var serviceId = await CreateServiceAsync(UniqueCode("stp"));
        var inactive = await CreateLaborAsync(UniqueCode("ina"), active: false);

        var typed = await Catalog(Manager, s => s.AddStepAsync(serviceId, new StepForm { LaborCatalogId = inactive.ToString(), EstimatedMinutes = "90 min" }));
        var zero = await Catalog(Manager, s => s.AddStepAsync(serviceId, new StepForm { LaborCatalogId = null, EstimatedMinutes = "0" }));

        Assert.Contains("Choose an active labor operation", Messages(typed!, nameof(StepForm.LaborCatalogId)));
        Assert.Contains("whole minutes", Messages(typed!, nameof(StepForm.EstimatedMinutes)));
        Assert.Contains("whole minutes", Messages(zero!, nameof(StepForm.EstimatedMinutes)));
        Assert.Contains("Choose an active labor operation", Messages(zero!, nameof(StepForm.LaborCatalogId)));
        Assert.False(await app.WithDbAsync(db => db.CannedServiceLabor.AnyAsync(l => l.CannedServiceId == serviceId)));
    }

    [DatabaseTheory]
    [InlineData(nameof(CannedServiceForm.Duration), "0")]
    [InlineData(nameof(CannedServiceForm.Duration), "1441")]
    [InlineData(nameof(CannedServiceForm.Price), "-5")]
    [InlineData(nameof(CannedServiceForm.Price), "99.999")]
    [InlineData(nameof(CannedServiceForm.MinVehicleAge), "51")]
    [InlineData(nameof(CannedServiceForm.MaxVehicleMileage), "-1")]
    [InlineData(nameof(CannedServiceForm.Name), " ")]
    public async Task An_invalid_service_value_is_refused_at_its_field_and_nothing_is_saved(string field, string value)
    {
        var code = UniqueCode("inv");
        var form = ServiceFormFor(code);
        switch (field)
        {
            case nameof(CannedServiceForm.Duration): form.Duration = int.Parse(value); break;
            case nameof(CannedServiceForm.Price): form.Price = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(CannedServiceForm.MinVehicleAge): form.MinVehicleAge = int.Parse(value); break;
            case nameof(CannedServiceForm.MaxVehicleMileage): form.MaxVehicleMileage = int.Parse(value); break;
            default: form.Name = value; break;
        }

        var result = await Catalog(Manager, s => s.CreateAsync(form));

        Assert.NotEmpty(Messages(result.Result, field));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Code == code)));
    }

    [DatabaseFact]
    public async Task A_service_code_already_used_at_the_dealer_is_refused_at_the_code_field_on_edit()
    {
        var code = UniqueCode("sdp");
        var first = await CreateServiceAsync(code);
        var second = await CreateServiceAsync(UniqueCode("sdq"));
        var form = (await Catalog(Manager, s => s.GetAsync(second)))!.Value.Form;
        form.Code = code.ToLowerInvariant();

        var result = await Catalog(Manager, s => s.UpdateAsync(second, form));

        Assert.Contains("is already the code of", Messages(result, nameof(CannedServiceForm.Code)));
        Assert.Equal([first], await app.WithDbAsync(db => db.CannedServices.Where(s => s.Code == code).Select(s => s.Id).ToListAsync()));
    }

    [DatabaseFact]
    public async Task Switching_off_available_for_booking_saves_false()
    {
        var id = await CreateServiceAsync(UniqueCode("avl"));
        var form = (await Catalog(Manager, s => s.GetAsync(id)))!.Value.Form;
        form.IsAvailable = false;

        Assert.True((await Catalog(Manager, s => s.UpdateAsync(id, form))).Succeeded);

        Assert.False(await app.WithDbAsync(db => db.CannedServices.Where(s => s.Id == id).Select(s => s.IsAvailable).SingleAsync()));
        Assert.Equal(CannedServiceStatus.NotBookable, (await Catalog(Manager, s => s.GetAsync(id)))!.Value.Details.Status);
    }

    [DatabaseFact]
    public async Task Steps_move_up_and_down_the_first_cannot_move_up_and_a_removal_closes_the_gap()
    {
        var serviceId = await CreateServiceAsync(UniqueCode("ord"));
        var a = await CreateLaborAsync(UniqueCode("a"));
        var b = await CreateLaborAsync(UniqueCode("b"));
        var c = await CreateLaborAsync(UniqueCode("c"));
        foreach (var labor in new[] { a, b, c }) await AddStepAsync(serviceId, labor);
        var steps = await StepIdsAsync(serviceId);

        Assert.True((await Catalog(Manager, s => s.MoveStepAsync(serviceId, steps[c], up: true)))!.Succeeded);
        Assert.Equal([a, c, b], await OrderAsync(serviceId));
        Assert.True((await Catalog(Manager, s => s.MoveStepAsync(serviceId, steps[a], up: false)))!.Succeeded);
        Assert.Equal([c, a, b], await OrderAsync(serviceId));
        Assert.True((await Catalog(Manager, s => s.MoveStepAsync(serviceId, steps[c], up: true)))!.Succeeded);
        Assert.Equal([c, a, b], await OrderAsync(serviceId));

        Assert.True((await Catalog(Manager, s => s.RemoveStepAsync(serviceId, steps[a])))!.Succeeded);
        var again = await Catalog(Manager, s => s.RemoveStepAsync(serviceId, steps[a]));

        Assert.Contains("already removed", Messages(again!, ""));
        var remaining = await app.WithDbAsync(db => db.CannedServiceLabor.AsNoTracking().Where(l => l.CannedServiceId == serviceId)
            .OrderBy(l => l.Sequence).Select(l => new { l.Sequence, l.LaborCatalogId }).ToListAsync());
        Assert.Equal(new[] { (1, c), (2, b) }, remaining.Select(r => (r.Sequence, r.LaborCatalogId)));
    }

    [DatabaseFact]
    public async Task A_part_category_is_on_a_service_only_once_and_can_be_made_optional_or_removed()
    {
        var serviceId = await CreateServiceAsync(UniqueCode("prt"));
        var category = await CreateCategoryAsync();
        Assert.True((await Catalog(Manager, s => s.AddPartCategoryAsync(serviceId, new PartCategoryForm { CategoryId = category.ToString(), Need = "optional" })))!.Succeeded);

        var again = await Catalog(Manager, s => s.AddPartCategoryAsync(serviceId, new PartCategoryForm { CategoryId = category.ToString(), Need = "required" }));

        Assert.Contains("is already on this service", Messages(again!, nameof(PartCategoryForm.CategoryId)));
        var parts = (await Catalog(Manager, s => s.PartsAsync(serviceId)))!;
        var part = Assert.Single(parts.Categories);
        Assert.False(part.IsRequired);
        Assert.DoesNotContain(parts.Options, o => o.Id == category);

        Assert.True((await Catalog(Manager, s => s.SetPartRequiredAsync(serviceId, part.Id, required: true)))!.Succeeded);
        Assert.True(await app.WithDbAsync(db => db.CannedServicePartsCategories.Where(p => p.Id == part.Id).Select(p => p.IsRequired).SingleAsync()));
        Assert.True((await Catalog(Manager, s => s.RemovePartCategoryAsync(serviceId, part.Id)))!.Succeeded);
        Assert.False(await app.WithDbAsync(db => db.CannedServicePartsCategories.AnyAsync(p => p.CannedServiceId == serviceId)));
    }

    [DatabaseFact]
    public async Task A_used_service_cannot_be_deleted_but_can_be_archived_and_is_then_neither_bookable_nor_listed_by_default()
    {
        var code = UniqueCode("bk");
        var serviceId = await CreateServiceAsync(code);
        await BookAsync(serviceId);
        Assert.Contains(await Catalog(Manager, s => s.BookableServicesAsync()), s => s.Id == serviceId);

        var delete = await Catalog(Manager, s => s.DeleteAsync(serviceId));
        var archive = await Catalog(Manager, s => s.SetArchivedAsync(serviceId, archived: true));

        Assert.Contains("cannot be deleted. Archive it instead", Messages(delete, ""));
        Assert.True(archive.Succeeded);
        Assert.True(await app.WithDbAsync(db => db.CannedServices.Where(s => s.Id == serviceId).Select(s => s.IsArchived).SingleAsync()));
        Assert.DoesNotContain(await Catalog(Manager, s => s.BookableServicesAsync()), s => s.Id == serviceId);
        Assert.Empty((await Catalog(Manager, s => s.ListAsync(new GridQuery { Search = code }))).Items);
        var withArchived = await Catalog(Manager, s => s.ListAsync(new GridQuery { Search = code }.WithFilter("archived", "include")));
        Assert.Equal(CannedServiceStatus.Archived, Assert.Single(withArchived.Items).Status);
        var details = (await Catalog(Manager, s => s.GetAsync(serviceId)))!.Value.Details;
        Assert.Equal((1, 0, true), (details.Usage.Appointments, details.Usage.WorkOrderLines, details.Usage.IsUsed));
    }

    [DatabaseFact]
    public async Task An_unused_service_is_deleted_with_its_steps()
    {
        var serviceId = await CreateServiceAsync(UniqueCode("gone"));
        await AddStepAsync(serviceId, await CreateLaborAsync(UniqueCode("gl")));

        var result = await Catalog(Manager, s => s.DeleteAsync(serviceId));

        Assert.True(result.Succeeded);
        Assert.False(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Id == serviceId)));
        Assert.False(await app.WithDbAsync(db => db.CannedServiceLabor.AnyAsync(l => l.CannedServiceId == serviceId)));
    }

    [DatabaseFact]
    public async Task A_service_save_based_on_a_stale_copy_is_refused_naming_who_changed_it_and_changes_nothing()
    {
        var id = await CreateServiceAsync(UniqueCode("cc"));
        var stale = (await Catalog(Manager, s => s.GetAsync(id)))!.Value.Form;
        var fresh = (await Catalog(Manager, s => s.GetAsync(id)))!.Value.Form;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        fresh.Duration = 90;
        var admin = await app.CreateUserAsync(MotorTrace.Data.Entities.Identity.Roles.Manager, name: "Priya Nair");
        Assert.True((await Catalog(admin, s => s.UpdateAsync(id, fresh))).Succeeded);

        stale.Name = "Overwritten";
        var result = await Catalog(Manager, s => s.UpdateAsync(id, stale));

        Assert.Matches(@"^This canned service was changed by Priya Nair at \d\d:\d\d while you were editing\.", Messages(result, ""));
        Assert.Equal("Overwritten", stale.Name);
        var stored = await app.WithDbAsync(db => db.CannedServices.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((90, "Service " + stored.Code), (stored.Duration, stored.Name));
    }

    [DatabaseFact]
    public async Task The_list_searches_code_name_and_category_and_filters_by_vehicle_type()
    {
        var marker = UniqueCode("q");
        var carForm = ServiceFormFor(marker + "-C");
        carForm.VehicleType = VehicleType.Car;
        var car = (await Catalog(Manager, s => s.CreateAsync(carForm))).Value;
        var vanForm = ServiceFormFor(UniqueCode("v"));
        (vanForm.VehicleType, vanForm.Category) = (VehicleType.Van, marker + " vans");
        var van = (await Catalog(Manager, s => s.CreateAsync(vanForm))).Value;

        var searched = await Catalog(Manager, s => s.ListAsync(new GridQuery { Search = marker.ToLowerInvariant() }));
        var filtered = await Catalog(Manager, s => s.ListAsync(new GridQuery { Search = marker }.WithFilter("vehicle", "Van")));

        Assert.Equal(new[] { car, van }.Order(), searched.Items.Select(r => r.Id).Order());
        Assert.Equal([van], filtered.Items.Select(r => r.Id));
        Assert.All(searched.Items, r => Assert.Null(r.DealerCode));
    }

    [DatabaseFact]
    public async Task The_labor_list_searches_and_filters_by_skill_and_status()
    {
        var marker = UniqueCode("lq");
        var senior = LaborFormFor(marker + "-S");
        senior.SkillLevel = SkillLevel.Senior;
        var seniorId = (await Labor(Manager, s => s.CreateAsync(senior))).Value;
        var inactiveId = await CreateLaborAsync(marker + "-I", active: false);

        var bySkill = await Labor(Manager, s => s.ListAsync(new GridQuery { Search = marker }.WithFilter("skill", "Senior")));
        var inactive = await Labor(Manager, s => s.ListAsync(new GridQuery { Search = marker }.WithFilter("active", "no")));

        Assert.Equal([seniorId], bySkill.Items.Select(r => r.Id));
        Assert.Equal([inactiveId], inactive.Items.Select(r => r.Id));
        Assert.Equal(LaborStatus.Inactive, inactive.Items[0].Status);
    }

    // ---- Who may do what ----

    [DatabaseTheory]
    [InlineData(Advisor)]
    [InlineData(Technician)]
    public async Task Staff_read_the_catalogue_but_every_change_they_try_is_refused_and_nothing_changes(string email)
    {
        var serviceId = await CreateServiceAsync(UniqueCode("den"));
        var laborId = await CreateLaborAsync(UniqueCode("den"));
        await AddStepAsync(serviceId, laborId);
        var stepId = (await StepIdsAsync(serviceId))[laborId];
        var category = await CreateCategoryAsync();
        var code = UniqueCode("adv");
        var page = (await Catalog(email, s => s.PageAsync(serviceId)))!;
        page.Form.Name = "Changed by staff";

        Assert.False(await Catalog(email, s => s.CanEditAsync()));
        Assert.Single(page.Steps.Steps);
        var attempts = new List<ServiceResult?>
        {
            await Catalog(email, s => s.UpdateAsync(serviceId, page.Form)),
            (await Catalog(email, s => s.SetArchivedAsync(serviceId, archived: true))).Result,
            await Catalog(email, s => s.DeleteAsync(serviceId)),
            await Catalog(email, s => s.AddStepAsync(serviceId, new StepForm { LaborCatalogId = laborId.ToString() })),
            await Catalog(email, s => s.MoveStepAsync(serviceId, stepId, up: false)),
            await Catalog(email, s => s.RemoveStepAsync(serviceId, stepId)),
            await Catalog(email, s => s.AddPartCategoryAsync(serviceId, new PartCategoryForm { CategoryId = category.ToString(), Need = "required" })),
            (await Catalog(email, s => s.CreateAsync(ServiceFormFor(code)))).Result,
            (await Labor(email, s => s.CreateAsync(LaborFormFor(code)))).Result,
            (await Labor(email, s => s.SetActiveAsync(laborId, active: false))).Result,
            await Labor(email, s => s.DeleteAsync(laborId)),
        };

        Assert.All(attempts, result => Assert.Equal(CatalogService.NotAllowed.Errors, result?.Errors));
        var service = await app.WithDbAsync(db => db.CannedServices.AsNoTracking().Include(s => s.Labor).Include(s => s.PartsCategories).SingleAsync(s => s.Id == serviceId));
        Assert.Equal(("Service " + service.Code, false, 1, 0), (service.Name, service.IsArchived, service.Labor.Count, service.PartsCategories.Count));
        Assert.True(await app.WithDbAsync(db => db.LaborCatalog.Where(l => l.Id == laborId).Select(l => l.IsActive).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Code == code)));
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Code == code)));
    }

    [DatabaseFact]
    public async Task Another_dealers_service_and_labor_are_not_found_and_nothing_of_theirs_changes()
    {
        var laborId = await CreateLaborAsync(UniqueCode("t"));
        var serviceId = await CreateServiceAsync(UniqueCode("t"));
        await AddStepAsync(serviceId, laborId);
        var stepId = (await StepIdsAsync(serviceId))[laborId];
        var form = (await Catalog(Manager, s => s.GetAsync(serviceId)))!.Value.Form;

        Assert.Null(await Catalog(OtherDealerManager, s => s.PageAsync(serviceId)));
        Assert.Null(await Labor(OtherDealerManager, s => s.GetAsync(laborId)));
        Assert.Contains("no longer exists", Messages(await Catalog(OtherDealerManager, s => s.UpdateAsync(serviceId, form)), ""));
        Assert.Contains("no longer exists", Messages((await Catalog(OtherDealerManager, s => s.SetArchivedAsync(serviceId, archived: true))).Result, ""));
        Assert.Contains("no longer exists", Messages(await Labor(OtherDealerManager, s => s.DeleteAsync(laborId)), ""));
        Assert.Null(await Catalog(OtherDealerManager, s => s.RemoveStepAsync(serviceId, stepId)));
        Assert.Null(await Catalog(OtherDealerManager, s => s.AddStepAsync(serviceId, new StepForm { LaborCatalogId = laborId.ToString() })));

        Assert.Equal([laborId], await app.WithDbAsync(db => db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).Select(l => l.LaborCatalogId).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.Where(s => s.Id == serviceId).Select(s => s.IsArchived).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Id == laborId)));
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_in_all_dealers_sees_whose_each_line_is_and_is_asked_to_choose_a_dealer_before_creating()
    {
        var code = UniqueCode("net");
        await CreateServiceAsync(code);

        var list = await As<CatalogService, GridResult<CannedServiceRow>>(Network, s => s.ListAsync(new GridQuery { Search = code }));
        var created = await As<CatalogService, ServiceResult<Guid>>(Network, s => s.CreateAsync(ServiceFormFor(UniqueCode("net"))));
        var inDealer = await As<CatalogService, GridResult<CannedServiceRow>>(Network, s => s.ListAsync(new GridQuery { Search = code }), dealerCode: "D001");

        Assert.Equal("D001", Assert.Single(list.Items).DealerCode);
        Assert.Contains("Choose a dealer in the header first", Messages(created.Result, ""));
        Assert.Null(Assert.Single(inDealer.Items).DealerCode);
    }

    // ---- Helpers ----

    private static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}".ToUpperInvariant();

    private static LaborForm LaborFormFor(string code, string? name = null, int minutes = 45, bool active = true)
    {
        var form = LaborForm.New();
        (form.Code, form.Name, form.Category, form.EstimatedMinutes, form.Rate, form.IsActive) =
            (code, name ?? "Operation " + code, "Tests", minutes, 1200m, active);
        return form;
    }

    private static CannedServiceForm ServiceFormFor(string code)
    {
        var form = CannedServiceForm.New();
        (form.Code, form.Name, form.Duration, form.Price) = (code, "Service " + code, 60, 2500m);
        return form;
    }

    private async Task<Guid> CreateLaborAsync(string code, int minutes = 45, bool active = true)
    {
        var created = await Labor(Manager, s => s.CreateAsync(LaborFormFor(code, minutes: minutes, active: active)));
        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors));
        return created.Value;
    }

    private async Task<Guid> CreateServiceAsync(string code)
    {
        var created = await Catalog(Manager, s => s.CreateAsync(ServiceFormFor(code)));
        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors));
        return created.Value;
    }

    private async Task AddStepAsync(Guid serviceId, Guid laborId)
    {
        var result = await Catalog(Manager, s => s.AddStepAsync(serviceId, new StepForm { LaborCatalogId = laborId.ToString() }));
        Assert.True(result is { Succeeded: true }, result is null ? "service not found" : string.Join(" ", result.Errors));
    }

    private Task<Guid> CreateCategoryAsync() => app.WithDbAsync(async db =>
    {
        var category = new InventoryCategory { Name = "Test parts " + Guid.NewGuid().ToString("N")[..8] };
        db.InventoryCategories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    });

    /// <summary>Books the service on an appointment of a new walk-in customer of dealer 1 (what makes it "used").</summary>
    private async Task BookAsync(Guid serviceId)
    {
        var dealerId = await DealerIdAsync(1);
        await app.WithDbAsync(async db =>
        {
            var customer = new Customer { DealerId = dealerId, Name = "Booked Customer" };
            var vehicle = new Vehicle { DealerId = dealerId, Customer = customer, Make = "VW", Model = "Polo", Year = 2021, Vin = RandomVin() };
            var start = DateTime.UtcNow.Date.AddDays(3).AddHours(5);
            var appointment = new Appointment
            {
                DealerId = dealerId, Customer = customer, Vehicle = vehicle, RequestedAt = DateTime.UtcNow, StartTime = start, EndTime = start.AddHours(1),
            };
            appointment.Services.Add(new AppointmentCannedService { DealerId = dealerId, CannedServiceId = serviceId, Price = 2500 });
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
        });
    }

    private static string RandomVin() => "WVW" + string.Concat(Guid.NewGuid().ToString("N").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)
        .Select(c => c is 'I' or 'O' or 'Q' ? '7' : c).Take(14));

    private Task<Guid> DealerIdAsync(int number) =>
        app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => d.Id).SingleAsync());

    private Task<string> FullNameAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync());

    private Task<Dictionary<Guid, Guid>> StepIdsAsync(Guid serviceId) =>
        app.WithDbAsync(db => db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).ToDictionaryAsync(l => l.LaborCatalogId, l => l.Id));

    private Task<List<Guid>> OrderAsync(Guid serviceId) =>
        app.WithDbAsync(db => db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).OrderBy(l => l.Sequence).Select(l => l.LaborCatalogId).ToListAsync());
}
