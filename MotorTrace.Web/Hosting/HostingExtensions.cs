using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Tenancy;
using MotorTrace.Web.Components;
using MotorTrace.Web.Endpoints;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Identity;
using MudBlazor.Services;

namespace MotorTrace.Web.Hosting;

public static class HostingExtensions
{
    public static void AddMotorTrace(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataFolder = MotorTraceOptions.ResolveDataFolder(builder.Configuration, builder.Environment);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<MotorTraceOptions>().BindConfiguration(MotorTraceOptions.Section);

        services.AddHttpContextAccessor();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ServerTiming.SqlCounter>();
        services.AddMotorTraceDatabase(DatabaseSettings.From(builder.Configuration, dataFolder));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<MotorTraceDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<MotorTraceClaimsPrincipalFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "MotorTrace.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = SessionService.Lifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionService.ValidatePrincipalAsync;
        });
        // The key ring lives in the database, so every app instance reads the others' cookies and tokens.
        services.AddDataProtection()
            .SetApplicationName("MotorTrace")
            .PersistKeysToDbContext<MotorTraceDbContext>();

        services.AddMotorTraceAuthorization();
        services.AddMotorTraceServices(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddAntiforgery();
        services.AddHealthChecks().AddDbContextCheck<MotorTraceDbContext>("database");
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
    }

    public static void UseMotorTrace(this WebApplication app)
    {
        app.UseServerTiming();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = 503 } })
            .AllowAnonymous();
        app.MapMotorTraceEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
