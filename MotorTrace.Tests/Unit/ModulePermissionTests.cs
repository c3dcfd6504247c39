using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Identity;
using static MotorTrace.Data.Entities.Network.ProgrammeModule;

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ModulePermissionTests : IDisposable
{
    private readonly InMemoryMotorTraceDb _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string, UserType, ProgrammeModule, string> DefaultRights => new()
    {
        // role, user type, module, rights as V C E D A (view, create, edit, delete, approve)
        { Roles.Admin, UserType.Manufacturer, DealerPcc, "VCEDA" },
        { Roles.Admin, UserType.Manufacturer, TechnicalSurvey, "VCEDA" },
        { Roles.Manager, UserType.Manufacturer, DealerPcc, "V---A" },
        { Roles.Manager, UserType.Manufacturer, WarrantySurvey, "V---A" },
        { Roles.Manager, UserType.Dealer, DealerPcc, "VCE--" },
        { Roles.Manager, UserType.Dealer, WorkshopSurvey, "VCE--" },
        { Roles.WarrantyManager, UserType.Dealer, WarrantySurvey, "VCE--" },
        { Roles.WarrantyManager, UserType.Dealer, DealerPcc, "V----" },
        { Roles.Technician, UserType.Dealer, TechnicalSurvey, "VCE--" },
        { Roles.Technician, UserType.Dealer, MtMeet, "VCE--" },
        { Roles.Technician, UserType.Dealer, ApiRegistration, "V----" },
        { Roles.ServiceAdvisor, UserType.Dealer, WorkshopSurvey, "VCE--" },
        { Roles.ServiceAdvisor, UserType.Dealer, DealerPcc, "V----" },
        { Roles.InventoryManager, UserType.Dealer, DealerPcc, "-----" },
        { Roles.InventoryManager, UserType.Dealer, WarrantySurvey, "-----" },
        { Roles.Customer, UserType.Customer, DealerPcc, "-----" },
    };

    [Theory]
    [MemberData(nameof(DefaultRights))]
    public void Default_rights_follow_the_role(string role, UserType userType, ProgrammeModule module, string expected)
    {
        var rights = ModulePermissionService.Defaults([role], userType, module);

        Assert.Equal(expected, Letters(rights));
    }

    [Fact]
    public void A_user_with_several_roles_gets_the_most_generous_right_of_each()
    {
        var rights = ModulePermissionService.Defaults([Roles.Technician, Roles.ServiceAdvisor], UserType.Dealer, WorkshopSurvey);
        var other = ModulePermissionService.Defaults([Roles.Technician, Roles.ServiceAdvisor], UserType.Dealer, TechnicalSurvey);

        Assert.Equal("VCE--", Letters(rights));
        Assert.Equal("VCE--", Letters(other));
    }

    [Fact]
    public async Task Without_a_stored_row_the_handler_applies_the_role_defaults()
    {
        var technician = await AddUserAsync();

        Assert.True(await AllowsAsync(technician, [Roles.Technician], UserType.Dealer, TechnicalSurvey, ModuleAction.Create));
        Assert.True(await AllowsAsync(technician, [Roles.Technician], UserType.Dealer, DealerPcc, ModuleAction.View));
        Assert.False(await AllowsAsync(technician, [Roles.Technician], UserType.Dealer, DealerPcc, ModuleAction.Create));
    }

    [Fact]
    public async Task A_stored_row_grants_what_the_role_does_not()
    {
        var parts = await AddUserAsync(new ModuleAccess { Module = DealerPcc, CanView = true, CanApprove = true });

        Assert.True(await AllowsAsync(parts, [Roles.InventoryManager], UserType.Dealer, DealerPcc, ModuleAction.Approve));
        Assert.False(await AllowsAsync(parts, [Roles.InventoryManager], UserType.Dealer, DealerPcc, ModuleAction.Delete));
    }

    [Fact]
    public async Task A_stored_row_takes_away_what_the_role_would_give_and_only_for_its_module()
    {
        var admin = await AddUserAsync(new ModuleAccess { Module = WarrantySurvey });

        Assert.False(await AllowsAsync(admin, [Roles.Admin], UserType.Manufacturer, WarrantySurvey, ModuleAction.View));
        Assert.True(await AllowsAsync(admin, [Roles.Admin], UserType.Manufacturer, TechnicalSurvey, ModuleAction.Delete));
    }

    [Fact]
    public async Task A_principal_without_user_id_or_user_type_is_not_allowed()
    {
        var handler = new ModulePermissionHandler(new ModulePermissionService(_database.Factory()));
        var requirement = new ModulePermissionRequirement(DealerPcc, ModuleAction.View);
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin)], "Test"));
        var context = new AuthorizationHandlerContext([requirement], anonymous, null);

        await handler.HandleAsync(context);

        Assert.False(context.HasSucceeded);
    }

    private async Task<Guid> AddUserAsync(params ModuleAccess[] stored)
    {
        var user = new ApplicationUser { UserName = $"{Guid.NewGuid():N}@tests.motortrace.test", FullName = "Permission Test" };
        await using var db = _database.NewContext();
        db.Users.Add(user);
        foreach (var row in stored)
        {
            row.UserId = user.Id;
            db.ModuleAccess.Add(row);
        }
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<bool> AllowsAsync(Guid userId, string[] roles, UserType userType, ProgrammeModule module, ModuleAction action)
    {
        var handler = new ModulePermissionHandler(new ModulePermissionService(_database.Factory()));
        var requirement = new ModulePermissionRequirement(module, action);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId.ToString()),
            new(MotorTraceClaims.UserType, userType.ToString()),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var context = new AuthorizationHandlerContext([requirement], new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")), null);

        await handler.HandleAsync(context);

        return context.HasSucceeded;
    }

    private static string Letters(ModuleRights rights) => string.Concat(
        rights.View ? "V" : "-", rights.Create ? "C" : "-", rights.Edit ? "E" : "-", rights.Delete ? "D" : "-", rights.Approve ? "A" : "-");
}
