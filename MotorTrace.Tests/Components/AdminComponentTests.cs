using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Pages.Admin;
using MotorTrace.Web.Services;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The user edit page and the permission pages in bUnit over the real services of the signed-in demo administrator (the
/// SQLite app): what the administrator sees, messages at the field, the confirmation before deactivating, saving rights.
/// </summary>
[Trait("Category", "Component")]
public sealed class AdminComponentTests : MudComponentTest, IClassFixture<SqliteFactory>, IAsyncLifetime
{
    private const string Admin = "admin@motortrace.test";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly SqliteFactory app;
    private AsyncServiceScope? _scope;

    public AdminComponentTests(SqliteFactory app)
    {
        this.app = app;
        Services.AddFallbackServiceProvider(new AppServices(this));
    }

    private sealed class AppServices(AdminComponentTests test) : IServiceProvider
    {
        public object? GetService(Type serviceType) => test._scope?.ServiceProvider.GetService(serviceType);
    }

    private async Task ActAsAdminAsync()
    {
        _scope = await app.ScopeAsAsync(Admin);
        await _scope.Value.ServiceProvider.GetRequiredService<DealerContext>().LoadAsync();
    }

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars, IRenderedComponent<T> Page) RenderPage<T>(
        Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        UseInteractiveServerRenderer();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        return (dialogs, snackbars, parameters is null ? Render<T>() : Render(parameters));
    }

    [DatabaseFact]
    public async Task A_new_user_saved_empty_shows_the_messages_at_the_fields_and_creates_nobody()
    {
        await ActAsAdminAsync();
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var (_, _, page) = RenderPage<UserEdit>();

        page.Find("form").Submit();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the full name.", FieldText(page, "user-full-name"));
            Assert.Contains("Enter the email address.", FieldText(page, "user-email"));
        }, Wait);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [DatabaseFact]
    public async Task An_email_another_user_has_is_refused_at_the_email_field_and_the_typed_name_stays()
    {
        var existing = await app.CreateUserAsync();
        await ActAsAdminAsync();
        var (_, _, page) = RenderPage<UserEdit>();

        page.Find("#user-full-name").Change("Duplicate Person");
        page.Find("#user-email").Change(existing);
        page.Find("#user-employee-id").Change($"EMP-{Guid.NewGuid():N}"[..14]);
        page.Find("#role-ServiceAdvisor").Change(true);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Another user already has this email address.", FieldText(page, "user-email")), Wait);
        // The dealer is still empty for a dealer user: that rule speaks at the dealer field, in the same save.
        Assert.Contains("Choose the dealer this user belongs to.", FieldText(page, "user-dealer"));
        Assert.Equal("Duplicate Person", page.Find("#user-full-name").GetAttribute("value"));
    }

    [DatabaseFact]
    public async Task Deactivating_a_user_asks_first_and_keeping_them_changes_nothing()
    {
        var email = await app.CreateUserAsync(name: "Keep Me Active");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await ActAsAdminAsync();
        var (dialogs, _, page) = RenderPage<UserEdit>(p => p.Add(x => x.Id, id));

        page.WaitForElement("button:not([disabled])", Wait);
        page.FindAll("button").Single(b => b.TextContent.Contains("Deactivate")).Click();

        var dialog = dialogs.WaitForElement(".mud-dialog", Wait);
        Assert.Contains("Deactivate Keep Me Active?", dialog.TextContent);
        Assert.Contains("signed out everywhere", dialog.TextContent);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Cancel")).Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }

    [DatabaseFact]
    public async Task The_permission_matrix_labels_every_box_and_saving_a_ticked_box_confirms_the_changed_module()
    {
        var email = await app.CreateUserAsync(Roles.Technician, name: "Matrix Technician");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await ActAsAdminAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/admin/permissions?user={id}");
        var (_, snackbars, page) = RenderPage<Permissions>();

        page.WaitForAssertion(() => Assert.Contains("Matrix Technician", page.Find("h2").TextContent), TimeSpan.FromSeconds(15));
        Assert.Equal(30, page.FindAll("input[type=checkbox]").Count);
        foreach (var module in new[] { "Dealer PCC", "API registration", "MT meet", "Workshop survey", "Warranty survey", "Technical survey" })
        foreach (var right in new[] { "view", "create", "edit", "delete", "approve" })
            Assert.NotNull(Box(page, $"{module}: {right}"));
        Box(page, "Dealer PCC: approve").Change(true);
        page.FindAll("button").Single(b => b.TextContent.Contains("Save rights")).Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Rights saved for Matrix Technician: Dealer PCC.", snackbars.Markup), TimeSpan.FromSeconds(15));
        var stored = await app.WithDbAsync(db => db.ModuleAccess.AsNoTracking().SingleAsync(m => m.UserId == id));
        Assert.Equal((ProgrammeModule.DealerPcc, true), (stored.Module, stored.CanApprove));
        page.WaitForAssertion(() => Assert.Contains("Stored", page.Find("tbody tr").TextContent), Wait);
    }

    [DatabaseFact]
    public async Task Each_module_statistics_figure_links_to_the_active_users_behind_it()
    {
        await ActAsAdminAsync();
        var (_, _, page) = RenderPage<PermissionsModuleStatistics>();

        var links = page.FindAll("tbody a");

        Assert.Equal(6 * 5, links.Count);
        var approve = page.Find($"a[href='/admin/permissions/active-users?module={ProgrammeModule.DealerPcc}&right={ModuleAction.Approve}']");
        Assert.Matches(@"^\d+ users who can approve in Dealer PCC$", approve.GetAttribute("aria-label"));
    }

    /// <summary>
    /// The checkbox named <paramref name="label"/>: MudCheckBox's AriaLabel is a screen-reader-only text inside the
    /// checkbox's label, which the input names with aria-labelledby.
    /// </summary>
    private static AngleSharp.Dom.IElement Box<T>(IRenderedComponent<T> page, string label) where T : IComponent
    {
        var name = page.FindAll("span.mud-sr-only").SingleOrDefault(s => s.TextContent.Trim() == label)
            ?? throw new InvalidOperationException($"No checkbox is named '{label}'.");
        var input = page.Find($"input[type=checkbox][aria-labelledby='{name.Id}']");
        return input;
    }

    /// <summary>The text of the MudBlazor field around the input with this id (its label, value and messages).</summary>
    private static string FieldText<T>(IRenderedComponent<T> page, string inputId) where T : IComponent =>
        page.Find($"#{inputId}").Closest(".mud-input-control")?.TextContent ?? throw new InvalidOperationException($"#{inputId} is not in a MudBlazor field.");

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_scope is { } scope) await scope.DisposeAsync();
        await base.DisposeAsync();
    }
}
