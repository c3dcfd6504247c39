using Microsoft.AspNetCore.Authorization;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Web.Services.Authorization;

/// <summary>Every authorization policy of MotorTrace, registered in one place.</summary>
public static class Policies
{
    /// <summary>Any member of staff (not customers).</summary>
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    /// <summary>A dealer-programme module action, e.g. <c>module:DealerPcc:Approve</c>.</summary>
    public static string Module(ProgrammeModule module, ModuleAction action) => $"module:{module}:{action}";

    public static IServiceCollection AddMotorTraceAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, ModulePermissionHandler>();
        services.AddScoped<ModulePermissionService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        services.Configure<AuthorizationOptions>(options =>
        {
            foreach (var module in Enum.GetValues<ProgrammeModule>())
                foreach (var action in Enum.GetValues<ModuleAction>())
                    options.AddPolicy(Module(module, action), p => p
                        .RequireRole(Roles.Staff)
                        .AddRequirements(new ModulePermissionRequirement(module, action)));
        });
        return services;
    }
}
