using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Catalog;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteCatalogTests(SqliteFactory app) : CatalogTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresCatalogTests(PostgresFactory app) : CatalogTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The labor catalogue and the canned services, driven through their pages as a browser would: the real
/// forms with their antiforgery tokens, the step and part-category lists posted plainly and through htmx.
/// Every test makes its own records (codes unique per test), so the tests share the fixture's database.
/// </summary>
public abstract class CatalogTests(MotorTraceFactory app)
{
    private const string Manager = "manager@d1.motortrace.test";
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string Technician = "tech@d1.motortrace.test";
    private const string Customer = "customer@d1.motortrace.test";
    private const string OtherDealerManager = "manager@d2.motortrace.test";

    // ---- Labor catalogue ----

    [DatabaseFact]
    public async Task Manager_creates_a_labor_operation_and_edits_it()
    {
        var manager = await app.UserAsync(Manager);
        var code = UniqueCode("lab");

        using var created = await SubmitAsync(manager, "/catalog/labor/new", "labor", new()
        {
            ["Input.Code"] = code.ToLowerInvariant() + " ",
            ["Input.Name"] = "Front brake pad replacement",
            ["Input.Category"] = "Brakes",
            ["Input.SkillLevel"] = "Senior",
            ["Input.EstimatedMinutes"] = "60",
            ["Input.Rate"] = "1450.50",
        });

        var id = RedirectId(created, "/catalog/labor/");
        var stored = await app.WithDbAsync(db => db.LaborCatalog.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(code, stored.Code); // trimmed, upper case
        Assert.Equal((60, 1450.50m, SkillLevel.Senior, true, "Brakes"), (stored.EstimatedMinutes, stored.Rate, stored.SkillLevel, stored.IsActive, stored.Category));
        Assert.Equal(await DealerIdAsync(1), stored.DealerId);

        using var saved = await SubmitAsync(manager, $"/catalog/labor/{id}", "labor", new() { ["Input.Name"] = "Front brake pads", ["Input.EstimatedMinutes"] = "75" });

        Assert.Equal($"/catalog/labor/{id}?done=saved", Location(saved));
        var edited = await app.WithDbAsync(db => db.LaborCatalog.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(("Front brake pads", 75, 1450.50m), (edited.Name, edited.EstimatedMinutes, edited.Rate));
    }

    [DatabaseFact]
    public async Task A_labor_code_already_used_at_the_dealer_is_refused_next_to_the_code_field()
    {
        var manager = await app.UserAsync(Manager);
        var code = UniqueCode("dup");
        await CreateLaborAsync(manager, code);

        using var response = await SubmitAsync(manager, "/catalog/labor/new", "labor", new()
        {
            ["Input.Code"] = code.ToLowerInvariant(), ["Input.Name"] = "Another operation", ["Input.EstimatedMinutes"] = "20", ["Input.Rate"] = "900",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("is already the code of", FieldMessage(page, "code"));
        Assert.Equal(1, await app.WithDbAsync(db => db.LaborCatalog.CountAsync(l => l.Code == code)));
    }

    [DatabaseFact]
    public async Task The_same_labor_code_may_be_used_by_another_dealer()
    {
        var code = UniqueCode("two");
        await CreateLaborAsync(await app.UserAsync(Manager), code);

        await CreateLaborAsync(await app.UserAsync(OtherDealerManager), code);

        Assert.Equal(2, await app.WithDbAsync(db => db.LaborCatalog.CountAsync(l => l.Code == code)));
    }

    [DatabaseTheory]
    [InlineData("Input.EstimatedMinutes", "0", "minutes")]
    [InlineData("Input.EstimatedMinutes", "1441", "minutes")]
    [InlineData("Input.EstimatedMinutes", "abc", "minutes")]
    [InlineData("Input.Rate", "-1", "rate")]
    [InlineData("Input.Rate", "12.345", "rate")]
    [InlineData("Input.Rate", "1x2", "rate")]
    [InlineData("Input.SkillLevel", "Wizard", "skill")]
    public async Task An_invalid_labor_number_or_choice_is_refused_next_to_its_field_and_nothing_is_saved(string field, string value, string input)
    {
        var manager = await app.UserAsync(Manager);
        var code = UniqueCode("bad");

        using var response = await SubmitAsync(manager, "/catalog/labor/new", "labor", new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "Invalid numbers", ["Input.EstimatedMinutes"] = "30", ["Input.Rate"] = "1000", [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(FieldMessage(await Forms.ParseAsync(response), input));
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Code == code)));
    }

    [DatabaseFact]
    public async Task A_labor_operation_used_by_a_service_cannot_be_deleted_but_can_be_deactivated()
    {
        var manager = await app.UserAsync(Manager);
        var laborId = await CreateLaborAsync(manager, UniqueCode("use"));
        var serviceId = await CreateServiceAsync(manager, UniqueCode("svc"));
        await AddStepAsync(manager, serviceId, laborId);

        var page = await Forms.GetPageAsync(manager.Client, $"/catalog/labor/{laborId}?confirm=delete");
        Assert.Null(FindForm(page, "labor-delete"));
        using var forced = await PostPageFormAsync(manager, $"/catalog/labor/{laborId}", "labor-delete");
        Assert.True(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Id == laborId)), "A used labor operation was deleted.");

        using var deactivated = await Forms.SubmitAsync(manager.Client, $"/catalog/labor/{laborId}", "labor-deactivate");

        Assert.Equal($"/catalog/labor/{laborId}?done=deactivated", Location(deactivated));
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.Where(l => l.Id == laborId).Select(l => l.IsActive).SingleAsync()));
        var steps = await Forms.GetPageAsync(manager.Client, $"/catalog/services/{serviceId}");
        Assert.DoesNotContain(steps.QuerySelectorAll("#step-labor option"), o => o.GetAttribute("value") == laborId.ToString());
    }

    [DatabaseFact]
    public async Task An_unused_labor_operation_is_deleted_after_confirmation()
    {
        var manager = await app.UserAsync(Manager);
        var laborId = await CreateLaborAsync(manager, UniqueCode("del"));

        var page = await Forms.GetPageAsync(manager.Client, $"/catalog/labor/{laborId}");
        Assert.Null(FindForm(page, "labor-delete"));
        Assert.NotNull(page.QuerySelector($"a[href='/catalog/labor/{laborId}?confirm=delete#delete']"));

        using var deleted = await Forms.SubmitAsync(manager.Client, $"/catalog/labor/{laborId}?confirm=delete", "labor-delete");

        Assert.Equal("/catalog/labor?done=deleted", Location(deleted));
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Id == laborId)));
    }

    // ---- Canned services ----

    [DatabaseFact]
    public async Task Manager_builds_a_canned_service_with_two_ordered_steps_and_a_required_part_category()
    {
        var manager = await app.UserAsync(Manager);
        var inspection = await CreateLaborAsync(manager, UniqueCode("ins"), minutes: 60);
        var oil = await CreateLaborAsync(manager, UniqueCode("oil"), minutes: 30);
        var category = await CreateCategoryAsync();
        var code = UniqueCode("pms");

        using var created = await SubmitAsync(manager, "/catalog/services/new", "service", new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "Periodic maintenance, 10,000 km", ["Input.Category"] = "Periodic maintenance",
            ["Input.Duration"] = "120", ["Input.Price"] = "4500.50", ["Input.VehicleType"] = "Car", ["Input.MaxVehicleMileage"] = "150000",
        });
        var id = RedirectId(created, "/catalog/services/");

        // The first step through the page (no script), with the catalogue's book time; the second through htmx, with its own.
        using (var plain = await SubmitAsync(manager, $"/catalog/services/{id}", "step-add", new() { ["NewStep.LaborCatalogId"] = inspection.ToString() }))
            Assert.Equal($"/catalog/services/{id}#service-steps", Location(plain));
        using (var fragment = await HtmxPostAsync(manager, $"/catalog/services/{id}/steps",
                   new() { ["NewStep.LaborCatalogId"] = oil.ToString(), ["NewStep.EstimatedMinutes"] = "40", ["NewStep.Notes"] = "Use 5W-30" }))
        {
            Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
            var list = await Forms.ParseAsync(fragment);
            Assert.NotNull(list.GetElementById("service-steps"));
            Assert.Equal("Labor steps add up to 1 h 40 min.", list.GetElementById("duration-labor-total")?.TextContent.Trim());
        }
        using (var part = await SubmitAsync(manager, $"/catalog/services/{id}", "part-add", new() { ["NewPart.CategoryId"] = category.ToString(), ["NewPart.Need"] = "required" }))
            Assert.Equal($"/catalog/services/{id}#service-parts", Location(part));

        var service = await app.WithDbAsync(db => db.CannedServices.AsNoTracking().Include(s => s.Labor).Include(s => s.PartsCategories).SingleAsync(s => s.Id == id));
        Assert.Equal((code, 120, 4500.50m, VehicleType.Car, 150000, true, false), (service.Code, service.Duration, service.Price, service.VehicleType, service.MaxVehicleMileage, service.IsAvailable, service.IsArchived));
        Assert.Equal(new (int, Guid, int, string?)[] { (1, inspection, 60, null), (2, oil, 40, "Use 5W-30") },
            service.Labor.OrderBy(l => l.Sequence).Select(l => (l.Sequence, l.LaborCatalogId, l.EstimatedMinutes, l.Notes)));
        var partCategory = Assert.Single(service.PartsCategories);
        Assert.Equal((category, true), (partCategory.CategoryId, partCategory.IsRequired));

        var page = await Forms.GetPageAsync(manager.Client, $"/catalog/services/{id}");
        Assert.Contains("Labor 1 h 40 min of 2 h booked", page.QuerySelector("[data-testid='labor-total']")!.TextContent);
        var list2 = await Forms.GetPageAsync(manager.Client, $"/catalog/services?q={code}");
        Assert.Contains("labor 1 h 40 min", list2.QuerySelector("tbody")!.TextContent);
    }

    [DatabaseFact]
    public async Task A_step_with_invalid_minutes_or_an_inactive_operation_is_refused_next_to_its_field()
    {
        var manager = await app.UserAsync(Manager);
        var serviceId = await CreateServiceAsync(manager, UniqueCode("stp"));
        await CreateLaborAsync(manager, UniqueCode("act")); // the add form shows when there is an active operation to add
        var inactive = await CreateLaborAsync(manager, UniqueCode("ina"), active: false);

        using var plain = await SubmitAsync(manager, $"/catalog/services/{serviceId}", "step-add",
            new() { ["NewStep.LaborCatalogId"] = inactive.ToString(), ["NewStep.EstimatedMinutes"] = "90 min" });
        var page = await Forms.ParseAsync(plain);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains("Choose an active labor operation", FieldMessage(page, "step-labor"));
        Assert.Contains("whole minutes", FieldMessage(page, "step-minutes"));
        Assert.Equal("90 min", page.GetElementById("step-minutes")?.GetAttribute("value"));

        using var htmx = await HtmxPostAsync(manager, $"/catalog/services/{serviceId}/steps",
            new() { ["NewStep.LaborCatalogId"] = inactive.ToString(), ["NewStep.EstimatedMinutes"] = "0" });
        var fragment = await Forms.ParseAsync(htmx);
        Assert.Contains("whole minutes", FieldMessage(fragment, "step-minutes"));

        Assert.False(await app.WithDbAsync(db => db.CannedServiceLabor.AnyAsync(l => l.CannedServiceId == serviceId)));
    }

    [DatabaseTheory]
    [InlineData("Input.Duration", "0", "duration")]
    [InlineData("Input.Duration", "two hours", "duration")]
    [InlineData("Input.Price", "-5", "price")]
    [InlineData("Input.Price", "99.999", "price")]
    [InlineData("Input.Price", "ten", "price")]
    [InlineData("Input.MinVehicleAge", "51", "min-age")]
    [InlineData("Input.MaxVehicleMileage", "-1", "max-mileage")]
    public async Task An_invalid_service_number_is_refused_next_to_its_field_and_nothing_is_saved(string field, string value, string input)
    {
        var manager = await app.UserAsync(Manager);
        var code = UniqueCode("inv");

        using var response = await SubmitAsync(manager, "/catalog/services/new", "service", new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "Invalid numbers", ["Input.Duration"] = "60", ["Input.Price"] = "100", [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(FieldMessage(await Forms.ParseAsync(response), input));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Code == code)));
    }

    [DatabaseFact]
    public async Task A_service_code_already_used_at_the_dealer_is_refused_next_to_the_code_field()
    {
        var manager = await app.UserAsync(Manager);
        var code = UniqueCode("sdp");
        var first = await CreateServiceAsync(manager, code);
        var second = await CreateServiceAsync(manager, UniqueCode("sdq"));

        using var response = await SubmitAsync(manager, $"/catalog/services/{second}", "service", new() { ["Input.Code"] = code.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already the code of", FieldMessage(await Forms.ParseAsync(response), "code"));
        Assert.Equal([first], await app.WithDbAsync(db => db.CannedServices.Where(s => s.Code == code).Select(s => s.Id).ToListAsync()));
    }

    [DatabaseFact]
    public async Task Unticking_available_for_booking_saves_false()
    {
        var manager = await app.UserAsync(Manager);
        var id = await CreateServiceAsync(manager, UniqueCode("avl"));

        using var saved = await SubmitAsync(manager, $"/catalog/services/{id}", "service", new() { ["Input.IsAvailable"] = null });

        Assert.Equal($"/catalog/services/{id}?done=saved", Location(saved));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.Where(s => s.Id == id).Select(s => s.IsAvailable).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Steps_move_up_and_down_and_a_removal_closes_the_gap()
    {
        var manager = await app.UserAsync(Manager);
        var serviceId = await CreateServiceAsync(manager, UniqueCode("ord"));
        var a = await CreateLaborAsync(manager, UniqueCode("a"));
        var b = await CreateLaborAsync(manager, UniqueCode("b"));
        var c = await CreateLaborAsync(manager, UniqueCode("c"));
        foreach (var labor in new[] { a, b, c }) await AddStepAsync(manager, serviceId, labor);
        var steps = await StepIdsAsync(serviceId);

        // C up through htmx: A C B. The answer is the list in its new order.
        using (var moved = await HtmxPostAsync(manager, $"/catalog/services/{serviceId}/steps/{steps[c]}/move-up"))
        {
            var list = await Forms.ParseAsync(moved);
            Assert.Equal([steps[a], steps[c], steps[b]], list.QuerySelectorAll("[data-step-id]").Select(e => Guid.Parse(e.GetAttribute("data-step-id")!)));
        }
        Assert.Equal([a, c, b], await OrderAsync(serviceId));

        // A down with the plain form of the page: C A B.
        using (var plain = await Forms.SubmitAsync(manager.Client, $"/catalog/services/{serviceId}", $"/catalog/services/{serviceId}/steps/{steps[a]}/move-down"))
            Assert.Equal($"/catalog/services/{serviceId}#service-steps", Location(plain));
        Assert.Equal([c, a, b], await OrderAsync(serviceId));

        // The first step cannot go further up.
        using (await HtmxPostAsync(manager, $"/catalog/services/{serviceId}/steps/{steps[c]}/move-up")) { }
        Assert.Equal([c, a, b], await OrderAsync(serviceId));

        using (await HtmxPostAsync(manager, $"/catalog/services/{serviceId}/steps/{steps[a]}/remove")) { }
        var remaining = await app.WithDbAsync(db => db.CannedServiceLabor.AsNoTracking().Where(l => l.CannedServiceId == serviceId)
            .OrderBy(l => l.Sequence).Select(l => new { l.Sequence, l.LaborCatalogId }).ToListAsync());
        Assert.Equal(new[] { (1, c), (2, b) }, remaining.Select(r => (r.Sequence, r.LaborCatalogId)));
    }

    [DatabaseFact]
    public async Task A_part_category_is_on_a_service_only_once()
    {
        var manager = await app.UserAsync(Manager);
        var serviceId = await CreateServiceAsync(manager, UniqueCode("prt"));
        var category = await CreateCategoryAsync();
        await CreateCategoryAsync(); // so the add form is still there after the first one
        using (await HtmxPostAsync(manager, $"/catalog/services/{serviceId}/parts", new() { ["NewPart.CategoryId"] = category.ToString(), ["NewPart.Need"] = "optional" })) { }

        using var again = await HtmxPostAsync(manager, $"/catalog/services/{serviceId}/parts", new() { ["NewPart.CategoryId"] = category.ToString(), ["NewPart.Need"] = "required" });

        Assert.Contains("is already on this service", FieldMessage(await Forms.ParseAsync(again), "part-category"));
        var stored = await app.WithDbAsync(db => db.CannedServicePartsCategories.AsNoTracking().Where(p => p.CannedServiceId == serviceId).ToListAsync());
        Assert.False(Assert.Single(stored).IsRequired);
    }

    [DatabaseFact]
    public async Task A_used_service_cannot_be_deleted_but_can_be_archived_and_is_then_not_bookable()
    {
        var manager = await app.UserAsync(Manager);
        var serviceId = await CreateServiceAsync(manager, UniqueCode("bk"));
        await BookAsync(serviceId);
        Assert.Contains(await BookableAsync(manager), s => s.Id == serviceId);

        var page = await Forms.GetPageAsync(manager.Client, $"/catalog/services/{serviceId}?confirm=delete");
        Assert.Null(FindForm(page, "service-delete"));
        Assert.Contains("cannot be deleted", page.QuerySelector("#manage-heading")!.ParentElement!.ParentElement!.TextContent);
        using (await PostPageFormAsync(manager, $"/catalog/services/{serviceId}", "service-delete")) { }
        Assert.True(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Id == serviceId)), "A used service was deleted.");

        using var archived = await Forms.SubmitAsync(manager.Client, $"/catalog/services/{serviceId}", "service-archive");

        Assert.Equal($"/catalog/services/{serviceId}?done=archived", Location(archived));
        Assert.True(await app.WithDbAsync(db => db.CannedServices.Where(s => s.Id == serviceId).Select(s => s.IsArchived).SingleAsync()));
        Assert.DoesNotContain(await BookableAsync(manager), s => s.Id == serviceId);
        var list = await Forms.GetPageAsync(manager.Client, "/catalog/services");
        Assert.Null(list.QuerySelector($"a[href='/catalog/services/{serviceId}']"));
        var withArchived = await Forms.GetPageAsync(manager.Client, "/catalog/services?archived=include");
        Assert.NotNull(withArchived.QuerySelector($"a[href='/catalog/services/{serviceId}']"));
    }

    [DatabaseFact]
    public async Task An_unused_service_is_deleted_after_confirmation_with_its_steps()
    {
        var manager = await app.UserAsync(Manager);
        var serviceId = await CreateServiceAsync(manager, UniqueCode("gone"));
        await AddStepAsync(manager, serviceId, await CreateLaborAsync(manager, UniqueCode("gl")));

        using var deleted = await Forms.SubmitAsync(manager.Client, $"/catalog/services/{serviceId}?confirm=delete", "service-delete");

        Assert.Equal("/catalog/services?done=deleted", Location(deleted));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Id == serviceId)));
        Assert.False(await app.WithDbAsync(db => db.CannedServiceLabor.AnyAsync(l => l.CannedServiceId == serviceId)));
    }

    [DatabaseFact]
    public async Task A_save_based_on_a_stale_copy_is_refused_with_the_conflict_message_and_changes_nothing()
    {
        var manager = await app.UserAsync(Manager);
        var id = await CreateServiceAsync(manager, UniqueCode("cc"));
        var stale = await Forms.GetPageAsync(manager.Client, $"/catalog/services/{id}");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var first = await SubmitAsync(manager, $"/catalog/services/{id}", "service", new() { ["Input.Duration"] = "90" }))
            Assert.Equal($"/catalog/services/{id}?done=saved", Location(first));

        using var second = await SubmitFormAsync(manager, stale, "service", new() { ["Input.Name"] = "Overwritten" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this canned service", Forms.Alerts(await Forms.ParseAsync(second)));
        var stored = await app.WithDbAsync(db => db.CannedServices.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((90, "Service " + stored.Code), (stored.Duration, stored.Name));
    }

    [DatabaseFact]
    public async Task A_labor_save_based_on_a_stale_copy_is_refused()
    {
        var manager = await app.UserAsync(Manager);
        var id = await CreateLaborAsync(manager, UniqueCode("lc"));
        var stale = await Forms.GetPageAsync(manager.Client, $"/catalog/labor/{id}");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        using (await Forms.SubmitAsync(manager.Client, $"/catalog/labor/{id}", "labor-deactivate")) { }

        using var second = await SubmitFormAsync(manager, stale, "labor", new() { ["Input.EstimatedMinutes"] = "99" });

        Assert.Contains("Someone else changed this labor operation", Forms.Alerts(await Forms.ParseAsync(second)));
        var stored = await app.WithDbAsync(db => db.LaborCatalog.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal((45, false), (stored.EstimatedMinutes, stored.IsActive));
    }

    [DatabaseFact]
    public async Task The_list_searches_code_name_and_category_and_filters_by_vehicle_type()
    {
        var manager = await app.UserAsync(Manager);
        var marker = UniqueCode("q");
        var car = await CreateServiceAsync(manager, marker + "-C", fields: new() { ["Input.VehicleType"] = "Car" });
        var van = await CreateServiceAsync(manager, UniqueCode("v"), fields: new() { ["Input.VehicleType"] = "Van", ["Input.Category"] = marker + " vans" });

        var searched = await Forms.GetPageAsync(manager.Client, $"/catalog/services?q={marker.ToLowerInvariant()}");
        Assert.Equal(new[] { car, van }.Order(), RowIds(searched).Order());

        var filtered = await Forms.GetPageAsync(manager.Client, $"/catalog/services?q={marker}&vehicle=Van");
        Assert.Equal([van], RowIds(filtered));
    }

    // ---- Who may do what ----

    [DatabaseTheory]
    [InlineData(Advisor)]
    [InlineData(Technician)]
    public async Task Staff_read_the_catalogue_without_edit_controls(string email)
    {
        var manager = await app.UserAsync(Manager);
        var laborId = await CreateLaborAsync(manager, UniqueCode("ro"));
        var serviceId = await CreateServiceAsync(manager, UniqueCode("ro"));
        await AddStepAsync(manager, serviceId, laborId);
        var reader = await app.UserAsync(email);

        var list = await Forms.GetPageAsync(reader.Client, "/catalog/services");
        Assert.Null(list.QuerySelector("a[href='/catalog/services/new']"));
        var service = await Forms.GetPageAsync(reader.Client, $"/catalog/services/{serviceId}");
        Assert.Single(service.QuerySelectorAll("[data-step-id]"));
        Assert.True(service.QuerySelector<IHtmlFieldSetElement>("fieldset")!.IsDisabled);
        Assert.Empty(EditButtons(service));
        Assert.Null(service.QuerySelector("[hx-post]"));
        var labor = await Forms.GetPageAsync(reader.Client, $"/catalog/labor/{laborId}");
        Assert.Empty(EditButtons(labor));
        Assert.NotNull(await Forms.GetPageAsync(reader.Client, "/catalog/labor"));
    }

    [DatabaseFact]
    public async Task An_advisor_is_denied_on_create_and_edit_posts_and_nothing_changes()
    {
        var manager = await app.UserAsync(Manager);
        var serviceId = await CreateServiceAsync(manager, UniqueCode("den"));
        var laborId = await CreateLaborAsync(manager, UniqueCode("den"));
        var advisor = await app.UserAsync(Advisor);
        var page = await Forms.GetPageAsync(advisor.Client, $"/catalog/services/{serviceId}");
        var code = UniqueCode("adv");

        var attempts = new List<HttpResponseMessage>
        {
            await SubmitFormAsync(advisor, page, "service", new() { ["Input.Name"] = "Changed by an advisor" }),
            await PostPageFormAsync(advisor, $"/catalog/services/{serviceId}", "service-archive"),
            await PostPageFormAsync(advisor, $"/catalog/services/{serviceId}", "step-add", new() { ["NewStep.LaborCatalogId"] = laborId.ToString() }),
            await PostPageFormAsync(advisor, "/catalog/services/new", "service", new() { ["Input.Code"] = code, ["Input.Name"] = "x", ["Input.Duration"] = "30", ["Input.Price"] = "1" }),
            await PostPageFormAsync(advisor, "/catalog/labor/new", "labor", new() { ["Input.Code"] = code, ["Input.Name"] = "x", ["Input.EstimatedMinutes"] = "30", ["Input.Rate"] = "1" }),
            await PostPageFormAsync(advisor, $"/catalog/labor/{laborId}", "labor-deactivate"),
            await HtmxPostAsync(advisor, $"/catalog/services/{serviceId}/steps", new() { ["NewStep.LaborCatalogId"] = laborId.ToString() }),
        };
        using var get = await advisor.Client.GetAsync("/catalog/services/new");
        attempts.Add(get);

        Assert.All(attempts, response => Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.AccessDeniedPath),
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}"));
        var service = await app.WithDbAsync(db => db.CannedServices.AsNoTracking().Include(s => s.Labor).SingleAsync(s => s.Id == serviceId));
        Assert.Equal(("Service " + service.Code, false, 0), (service.Name, service.IsArchived, service.Labor.Count));
        Assert.True(await app.WithDbAsync(db => db.LaborCatalog.Where(l => l.Id == laborId).Select(l => l.IsActive).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Code == code)));
        Assert.False(await app.WithDbAsync(db => db.LaborCatalog.AnyAsync(l => l.Code == code)));
        foreach (var response in attempts) response.Dispose();
    }

    [DatabaseFact]
    public async Task A_customer_is_denied_the_catalogue()
    {
        var customer = await app.UserAsync(Customer);

        foreach (var path in new[] { "/catalog/services", "/catalog/labor", "/catalog/services/new", "/catalog/labor/new" })
        {
            using var response = await customer.Client.GetAsync(path);
            Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.AccessDeniedPath), $"{path} answered {(int)response.StatusCode}");
        }
    }

    [DatabaseFact]
    public async Task Another_dealers_service_and_labor_answer_404_to_reads_and_posts()
    {
        var manager = await app.UserAsync(Manager);
        var laborId = await CreateLaborAsync(manager, UniqueCode("t"));
        var serviceId = await CreateServiceAsync(manager, UniqueCode("t"));
        await AddStepAsync(manager, serviceId, laborId);
        var stepId = (await StepIdsAsync(serviceId))[laborId];
        var other = await app.UserAsync(OtherDealerManager);
        var ownPage = await Forms.GetPageAsync(other.Client, "/catalog/services/new");

        var responses = new List<HttpResponseMessage>
        {
            await other.Client.GetAsync($"/catalog/services/{serviceId}"),
            await other.Client.GetAsync($"/catalog/labor/{laborId}"),
            await SubmitFormAsync(other, ownPage, "service", new() { ["Input.Code"] = "X", ["Input.Name"] = "x" }, $"/catalog/services/{serviceId}"),
            await PostPageFormAsync(other, $"/catalog/services/{serviceId}", "service-archive"),
            await PostPageFormAsync(other, $"/catalog/labor/{laborId}", "labor-delete"),
            await HtmxPostAsync(other, $"/catalog/services/{serviceId}/steps/{stepId}/remove"),
            await HtmxPostAsync(other, $"/catalog/services/{serviceId}/steps", new() { ["NewStep.LaborCatalogId"] = laborId.ToString() }),
        };

        Assert.All(responses, response => Assert.True(response.StatusCode == HttpStatusCode.NotFound,
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}"));
        var page = await Forms.ParseAsync(responses[0]);
        Assert.Equal("We could not find that page", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal([laborId], await app.WithDbAsync(db => db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).Select(l => l.LaborCatalogId).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.Where(s => s.Id == serviceId).Select(s => s.IsArchived).SingleAsync()));
        foreach (var response in responses) response.Dispose();
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_in_all_dealers_is_asked_to_choose_a_dealer_before_creating()
    {
        var network = await app.SignInAsync("network@motortrace.test");
        var code = UniqueCode("net");

        using var response = await SubmitAsync(network, "/catalog/services/new", "service", new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "Network service", ["Input.Duration"] = "30", ["Input.Price"] = "10",
        });

        Assert.Contains("Choose a dealer in the header first", Forms.Alerts(await Forms.ParseAsync(response)));
        Assert.False(await app.WithDbAsync(db => db.CannedServices.AnyAsync(s => s.Code == code)));
    }

    // ---- Helpers ----

    private static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}".ToUpperInvariant();

    private async Task<Guid> CreateLaborAsync(SignedInUser manager, string code, int minutes = 45, bool active = true)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Operation " + code, ["Input.Category"] = "Tests",
            ["Input.EstimatedMinutes"] = minutes.ToString(), ["Input.Rate"] = "1200",
        };
        if (!active) fields["Input.IsActive"] = null;
        using var response = await SubmitAsync(manager, "/catalog/labor/new", "labor", fields);
        return RedirectId(response, "/catalog/labor/");
    }

    private async Task<Guid> CreateServiceAsync(SignedInUser manager, string code, Dictionary<string, string?>? fields = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Service " + code, ["Input.Duration"] = "60", ["Input.Price"] = "2500",
        };
        foreach (var (name, value) in fields ?? []) values[name] = value;
        using var response = await SubmitAsync(manager, "/catalog/services/new", "service", values);
        return RedirectId(response, "/catalog/services/");
    }

    private async Task AddStepAsync(SignedInUser manager, Guid serviceId, Guid laborId)
    {
        using var response = await HtmxPostAsync(manager, $"/catalog/services/{serviceId}/steps", new() { ["NewStep.LaborCatalogId"] = laborId.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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

    /// <summary>The booking page's list, as the signed-in user's request scope sees it.</summary>
    private Task<IReadOnlyList<BookableService>> BookableAsync(SignedInUser user) =>
        app.AsVisitorAsync(user.Browser, (IServiceProvider services) => services.GetRequiredService<CatalogService>().BookableServicesAsync());

    private Task<Guid> DealerIdAsync(int number) =>
        app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => d.Id).SingleAsync());

    private Task<Dictionary<Guid, Guid>> StepIdsAsync(Guid serviceId) =>
        app.WithDbAsync(db => db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).ToDictionaryAsync(l => l.LaborCatalogId, l => l.Id));

    private Task<List<Guid>> OrderAsync(Guid serviceId) =>
        app.WithDbAsync(db => db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId).OrderBy(l => l.Sequence).Select(l => l.LaborCatalogId).ToListAsync());

    /// <summary>Submit buttons of the page other than the user menu's sign-out.</summary>
    private static IEnumerable<IElement> EditButtons(IDocument page) =>
        page.QuerySelectorAll("button[type='submit']").Where(b => b.Closest("form")?.GetAttribute("action") != "/account/logout");

    private static IEnumerable<Guid> RowIds(IDocument list) =>
        list.QuerySelectorAll("tbody tr td:first-child a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/').Last()));

    /// <summary>GETs the page and posts one of its forms as a browser would: every field as shown, with the given changes (null unticks or leaves out).</summary>
    private static Task<HttpResponseMessage> SubmitAsync(SignedInUser user, string pageUrl, string form, Dictionary<string, string?> changes) =>
        Forms.SubmitAsBrowserAsync(user.Client, pageUrl, form, changes);

    private static Task<HttpResponseMessage> SubmitFormAsync(SignedInUser user, IDocument page, string form, Dictionary<string, string?> changes, string? action = null) =>
        Forms.SubmitAsBrowserAsync(user.Client, page, form, changes, action);

    /// <summary>Posts a page form by name whether or not the page shows it to this user (a forged or stale post).</summary>
    private static async Task<HttpResponseMessage> PostPageFormAsync(SignedInUser user, string url, string handler, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? []) { ["_handler"] = handler };
        return await Forms.PostWithTokenAsync(user.Client, url, values);
    }

    /// <summary>Posts like htmx: the antiforgery token of the page and the HX-Request header.</summary>
    private static async Task<HttpResponseMessage> HtmxPostAsync(SignedInUser user, string url, Dictionary<string, string>? fields = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields ?? []) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", await Forms.RequestTokenAsync(user.Client));
        return await user.Client.SendAsync(request);
    }

    private static IHtmlFormElement? FindForm(IDocument page, string nameOrAction) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").SingleOrDefault(form =>
            form.QuerySelector<IHtmlInputElement>("input[name='_handler']")?.Value == nameOrAction
            || string.Equals(form.GetAttribute("action"), nameOrAction, StringComparison.OrdinalIgnoreCase));

    /// <summary>The messages shown next to the field with this id (in the same column of the form).</summary>
    private static string FieldMessage(IDocument page, string inputId)
    {
        var input = page.GetElementById(inputId) ?? throw new InvalidOperationException($"No field #{inputId} on the page.");
        var column = input.Closest("[class*='col']") ?? input.ParentElement!;
        return string.Join(" ", column.QuerySelectorAll(".invalid-feedback").Select(e => e.TextContent.Trim()));
    }

    private static Guid RedirectId(HttpResponseMessage response, string prefix)
    {
        var location = Location(response);
        Assert.True(location.StartsWith(prefix, StringComparison.Ordinal), $"Expected a redirect to {prefix}…, got {(int)response.StatusCode} {location}");
        return Guid.Parse(location[prefix.Length..].Split('?', '#')[0]);
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.OriginalString) : $"(no redirect: {(int)response.StatusCode})";
}
