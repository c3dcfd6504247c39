using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteModulePermissionAdminTests(SqliteFactory app) : ModulePermissionAdminTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresModulePermissionAdminTests(PostgresFactory app) : ModulePermissionAdminTests(app), IClassFixture<PostgresFactory>;

/// <summary>/admin/permissions and its active-users and module-statistics views (<see cref="ModulePermissionAdmin"/>) as the demo administrator.</summary>
public abstract class ModulePermissionAdminTests(MotorTraceFactory app)
{
    private const string Admin = "admin@motortrace.test";

    [DatabaseFact]
    public async Task Saving_the_permission_matrix_stores_the_changed_modules_says_which_and_the_module_policies_follow_it()
    {
        var technician = await app.SignInAsync(await app.CreateUserAsync(Roles.Technician));
        var matrix = (await AsAdmin(s => s.GetMatrixAsync(technician.UserId)))!;
        Assert.All(matrix.Modules, m => Assert.False(m.Stored));
        // A technician's role defaults: view Dealer PCC, view to edit the technical survey.
        Assert.True(await AllowsAsync(technician, ProgrammeModule.TechnicalSurvey, ModuleAction.View));
        Assert.False(await AllowsAsync(technician, ProgrammeModule.DealerPcc, ModuleAction.Approve));
        var form = PermissionMatrixForm.From(matrix);
        Row(form, ProgrammeModule.DealerPcc).Approve = true;
        var survey = Row(form, ProgrammeModule.TechnicalSurvey);
        (survey.View, survey.Create, survey.Edit) = (false, false, false);

        var saved = await AsAdmin(s => s.SaveAsync(technician.UserId, form));

        Assert.True(saved.Succeeded);
        Assert.Equal([ProgrammeModule.DealerPcc, ProgrammeModule.TechnicalSurvey], saved.Value!.Order());
        var stored = await app.WithDbAsync(db => db.ModuleAccess.AsNoTracking().Where(m => m.UserId == technician.UserId).ToDictionaryAsync(m => m.Module));
        Assert.Equal([ProgrammeModule.DealerPcc, ProgrammeModule.TechnicalSurvey], stored.Keys.Order());
        Assert.Equal(new ModuleRights(true, false, false, false, true), ModuleRights.From(stored[ProgrammeModule.DealerPcc]));
        Assert.Equal(ModuleRights.None, ModuleRights.From(stored[ProgrammeModule.TechnicalSurvey]));
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Admin).Select(u => u.Id).SingleAsync());
        Assert.All(stored.Values, m => Assert.Equal(adminId, m.GrantedById));
        var reloaded = (await AsAdmin(s => s.GetMatrixAsync(technician.UserId)))!;
        var pcc = reloaded.Modules.Single(m => m.Module == ProgrammeModule.DealerPcc);
        Assert.True(pcc.Stored && pcc.Effective.Approve && pcc.GrantedBy == "Alex Admin");
        Assert.True(await AllowsAsync(technician, ProgrammeModule.DealerPcc, ModuleAction.Approve));
        Assert.False(await AllowsAsync(technician, ProgrammeModule.TechnicalSurvey, ModuleAction.View));
        Assert.True(await AllowsAsync(technician, ProgrammeModule.MtMeet, ModuleAction.Edit));

        var again = await AsAdmin(s => s.SaveAsync(technician.UserId, PermissionMatrixForm.From(reloaded)));
        Assert.Empty(again.Value!);
    }

    [DatabaseFact]
    public async Task Any_right_ticked_without_view_is_stored_with_view()
    {
        var id = await UserIdAsync(await app.CreateUserAsync(Roles.ServiceAdvisor));
        var form = PermissionMatrixForm.From((await AsAdmin(s => s.GetMatrixAsync(id)))!);
        var row = Row(form, ProgrammeModule.WarrantySurvey);
        (row.View, row.Create, row.Edit, row.Delete, row.Approve) = (false, false, false, false, true);

        Assert.True((await AsAdmin(s => s.SaveAsync(id, form))).Succeeded);

        var stored = await app.WithDbAsync(db => db.ModuleAccess.AsNoTracking().SingleAsync(m => m.UserId == id && m.Module == ProgrammeModule.WarrantySurvey));
        Assert.Equal(new ModuleRights(true, false, false, false, true), ModuleRights.From(stored));
    }

    [DatabaseFact]
    public async Task Resetting_deletes_the_stored_rights_so_the_user_follows_role_defaults_again()
    {
        var id = await UserIdAsync(await app.CreateUserAsync(Roles.Technician));
        var form = PermissionMatrixForm.From((await AsAdmin(s => s.GetMatrixAsync(id)))!);
        Row(form, ProgrammeModule.DealerPcc).Approve = true;
        Assert.True((await AsAdmin(s => s.SaveAsync(id, form))).Succeeded);

        var removed = await AsAdmin(s => s.ResetAsync(id));

        Assert.Equal(1, removed);
        var matrix = (await AsAdmin(s => s.GetMatrixAsync(id)))!;
        Assert.All(matrix.Modules, m => Assert.Equal((false, m.Defaults), (m.Stored, m.Effective)));
    }

    [DatabaseFact]
    public async Task A_customer_has_no_matrix_and_saving_one_is_refused()
    {
        var id = await UserIdAsync(await app.CreateUserAsync(Roles.Customer));

        Assert.Null(await AsAdmin(s => s.GetMatrixAsync(id)));
        var result = await AsAdmin(s => s.SaveAsync(id, new PermissionMatrixForm()));
        Assert.Equal("This user no longer exists or is not a member of staff.", Assert.Single(result.Result.Errors).Message);
    }

    [DatabaseFact]
    public async Task A_figure_of_the_module_statistics_counts_exactly_the_active_users_its_link_lists()
    {
        var name = $"Approver {Tag()}";
        var id = await UserIdAsync(await app.CreateUserAsync(Roles.Technician, name: name));
        var form = PermissionMatrixForm.From((await AsAdmin(s => s.GetMatrixAsync(id)))!);
        Row(form, ProgrammeModule.MtMeet).Approve = true;
        Assert.True((await AsAdmin(s => s.SaveAsync(id, form))).Succeeded);

        var statistics = await AsAdmin(s => s.ModuleStatisticsAsync());
        var approvers = await AsAdmin(s => s.ActiveUsersAsync(new GridQuery { PageSize = 100 }
            .WithFilter("module", nameof(ProgrammeModule.MtMeet)).WithFilter("right", nameof(ModuleAction.Approve))));
        var mine = await AsAdmin(s => s.ActiveUsersAsync(new GridQuery { Search = name }
            .WithFilter("module", nameof(ProgrammeModule.MtMeet)).WithFilter("right", nameof(ModuleAction.Approve))));

        Assert.Equal(statistics.Single(m => m.Module == ProgrammeModule.MtMeet).CanApprove, approvers.Total);
        var row = Assert.Single(mine.Items);
        Assert.Equal(id, row.Id);
    }

    private Task<T> AsAdmin<T>(Func<ModulePermissionAdmin, Task<T>> work) => app.AsUserAsync(Admin, work);

    private static ModuleRightsRow Row(PermissionMatrixForm form, ProgrammeModule module) => form.Rows.Single(r => r.Module == module);

    private static string Tag() => new(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + c % 26)).ToArray());

    private Task<Guid> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Whether the module policy allows the user, evaluated for a request of their browser.</summary>
    private Task<bool> AllowsAsync(SignedInUser user, ProgrammeModule module, ModuleAction action) =>
        app.AsVisitorAsync(user.Browser, async (IServiceProvider services) =>
        {
            var principal = services.GetRequiredService<IHttpContextAccessor>().HttpContext!.User;
            var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, Policies.Module(module, action));
            return result.Succeeded;
        });
}
