using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteAdminTests(SqliteFactory app) : AdminTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresAdminTests(PostgresFactory app) : AdminTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The administration pages as an administrator uses them: users, dealers, module permissions, sessions and
/// sign-in activity, through the real forms. Every test makes its own users and dealers (unique names), and
/// changes no demo user, so the tests share the fixture's database.
/// </summary>
public abstract class AdminTests(MotorTraceFactory app)
{
    private const string Admin = "admin@motortrace.test";
    private const string Manager = "manager@d1.motortrace.test";
    private const string NewPassword = "Invited-Passw0rd-1";
    private const string DeactivatedMessage = "This account has been deactivated. Ask your administrator.";

    // ---- users: create ----------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Creating_a_dealer_user_mails_an_invitation_whose_link_sets_a_password_that_signs_in()
    {
        var admin = await app.UserAsync(Admin);
        var tag = Tag();
        var email = $"invited-{tag}@tests.motortrace.test";
        var employeeId = $"EMP-{tag}";

        using var response = await SubmitAsync(admin, "/admin/users/new", "user-edit", NewUserFields($"Invited {tag}", email, employeeId, await DealerIdAsync(1), Roles.ServiceAdvisor));

        var id = RedirectId(response, "/admin/users/");
        Assert.Equal($"/admin/users/{id}?done=created", Location(response));
        var page = await Forms.GetPageAsync(admin.Client, Location(response));
        Assert.Contains("User created. We emailed them a link to choose their password.", page.QuerySelector("[role='status']")?.TextContent);
        Assert.Contains("No password chosen yet", page.Body!.TextContent);
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new
        {
            u.FullName,
            u.Email,
            u.UserType,
            u.DealerId,
            u.IsActive,
            HasPassword = u.PasswordHash != null,
            EmployeeId = u.StaffProfile!.EmployeeId,
        }).SingleAsync());
        Assert.Equal(($"Invited {tag}", email, UserType.Dealer, await DealerIdAsync(1), true, false, employeeId),
            (stored.FullName, stored.Email, stored.UserType, stored.DealerId, stored.IsActive, stored.HasPassword, stored.EmployeeId));
        Assert.Equal([Roles.ServiceAdvisor], await RolesOfAsync(id));

        var mail = Assert.Single(Mailbox.To(app.MailFolder, email));
        Assert.Equal("Set your MotorTrace password", mail.Subject);
        Assert.Contains(UserAdminService.InvitationReason, mail.HtmlBody);
        var invited = app.NewBrowser();
        using (var chosen = await Forms.SubmitAsync(invited.Client, mail.Link("Choose a new password").PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
            Assert.Contains("Your password is set", (await Forms.ParseAsync(chosen)).QuerySelector("[role='status']")?.TextContent);
        }
        using var signIn = await AccountFlow.SignInAsync(invited.Client, email, NewPassword);
        Assert.True(AccountFlow.IsRedirectTo(signIn, "/"), $"The invited user's sign-in answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
    }

    [DatabaseFact]
    public async Task Creating_a_user_with_an_email_another_user_has_is_refused_next_to_the_email_and_creates_nothing()
    {
        var admin = await app.UserAsync(Admin);
        var existing = await app.CreateUserAsync();
        var name = $"Duplicate {Tag()}";

        using var response = await SubmitAsync(admin, "/admin/users/new", "user-edit",
            NewUserFields(name, existing.ToUpperInvariant(), $"EMP-{Tag()}", await DealerIdAsync(1), Roles.ServiceAdvisor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Another user already has this email address.", FieldMessage(page, "email"));
        Assert.Equal(name, page.QuerySelector<IHtmlInputElement>("#full-name")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.FullName == name)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == existing.ToUpperInvariant())));
    }

    [DatabaseTheory]
    [InlineData("Dealer", 0, Roles.ServiceAdvisor, "dealer", "Choose the dealer this user belongs to.")]
    [InlineData("Manufacturer", 1, Roles.Manager, "dealer", "Manufacturer users see every dealer: leave the dealer empty.")]
    [InlineData("Dealer", 1, Roles.Customer, "role-Customer", "A staff account needs at least one staff role, and not the Customer role.")]
    public async Task Creating_a_user_that_breaks_a_type_dealer_or_role_rule_is_refused_next_to_the_field(
        string userType, int dealer, string role, string fieldId, string message)
    {
        var admin = await app.UserAsync(Admin);
        var tag = Tag();
        var fields = NewUserFields($"Refused {tag}", $"refused-{tag}@tests.motortrace.test", $"EMP-{tag}",
            dealer == 0 ? null : await DealerIdAsync(dealer), role);
        fields["Input.UserType"] = userType;

        using var response = await SubmitAsync(admin, "/admin/users/new", "user-edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, FieldMessage(await Forms.ParseAsync(response), fieldId));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == $"refused-{tag}@tests.motortrace.test")));
        Assert.Empty(Mailbox.To(app.MailFolder, $"refused-{tag}@tests.motortrace.test"));
    }

    // ---- users: edit --------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Editing_a_user_changes_their_roles_and_dealer()
    {
        var admin = await app.UserAsync(Admin);
        var email = await app.CreateUserAsync(Roles.ServiceAdvisor, dealer: 1);
        var id = await UserIdAsync(email);
        var employeeId = $"EMP-{Tag()}";

        using var response = await SubmitAsync(admin, $"/admin/users/{id}", "user-edit", new Dictionary<string, string?>(RoleFields(Roles.Technician, Roles.WarrantyManager))
        {
            ["Input.DealerId"] = (await DealerIdAsync(2)).ToString(),
            ["Input.EmployeeId"] = employeeId,
        });

        Assert.Equal($"/admin/users/{id}?done=saved", Location(response));
        var page = await Forms.GetPageAsync(admin.Client, Location(response));
        Assert.Contains("Changes saved.", page.QuerySelector("[role='status']")?.TextContent);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#role-Technician")!.IsChecked);
        Assert.False(page.QuerySelector<IHtmlInputElement>("#role-ServiceAdvisor")!.IsChecked);
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id)
            .Select(u => new { u.DealerId, u.Email, EmployeeId = u.StaffProfile!.EmployeeId }).SingleAsync());
        Assert.Equal((await DealerIdAsync(2), email, employeeId), (stored.DealerId, stored.Email, stored.EmployeeId));
        Assert.Equal([Roles.Technician, Roles.WarrantyManager], await RolesOfAsync(id));
    }

    [DatabaseFact]
    public async Task An_edit_from_a_stale_form_is_refused_with_the_conflict_and_overwrites_nothing()
    {
        var admin = await app.UserAsync(Admin);
        var id = await UserIdAsync(await app.CreateUserAsync(Roles.ServiceAdvisor, dealer: 1));
        var staleTab = await Forms.GetPageAsync(admin.Client, $"/admin/users/{id}");
        // The same user saved from another tab after this one was loaded.
        using (var other = await SubmitAsync(admin, $"/admin/users/{id}", "user-edit", new()
        {
            ["Input.Designation"] = "Changed elsewhere",
            ["Input.EmployeeId"] = $"EMP-{Tag()}",
        }))
            Assert.Equal($"/admin/users/{id}?done=saved", Location(other));

        using var response = await SubmitFormAsync(admin, staleTab, "user-edit", new Dictionary<string, string?>(RoleFields(Roles.Admin))
        {
            ["Input.Designation"] = "My edit",
            ["Input.EmployeeId"] = $"EMP-{Tag()}",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(UserAdminService.StaleEditMessage, Forms.Alerts(await Forms.ParseAsync(response)));
        Assert.Equal("Changed elsewhere", await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Designation).SingleAsync()));
        Assert.Equal([Roles.ServiceAdvisor], await RolesOfAsync(id));
    }

    // ---- users: account state -------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task A_deactivated_user_is_signed_out_and_cannot_sign_in_until_reactivated()
    {
        var admin = await app.UserAsync(Admin);
        var user = await app.SignInAsync(await app.CreateUserAsync());

        using (var deactivated = await SubmitAsync(admin, $"/admin/users/{user.UserId}", "user-status", new()))
            Assert.Equal($"/admin/users/{user.UserId}?done=deactivated", Location(deactivated));

        var page = await Forms.GetPageAsync(admin.Client, $"/admin/users/{user.UserId}?done=deactivated");
        Assert.Contains("User deactivated and signed out everywhere.", page.QuerySelector("[role='status']")?.TextContent);
        Assert.Contains("Reactivate", Forms.FindForm(page, "user-status").TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.UserId).Select(u => u.IsActive).SingleAsync()));
        var session = await app.WithDbAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == user.UserId));
        Assert.Equal((false, SessionEndReason.UserDeactivated), (session.IsActive, session.EndReason));
        using (var refused = await AccountFlow.SignInAsync(app.NewBrowser().Client, user.Email))
            Assert.Contains(DeactivatedMessage, Forms.Alerts(await Forms.ParseAsync(refused)));

        using (var reactivated = await SubmitAsync(admin, $"/admin/users/{user.UserId}", "user-status", new()))
            Assert.Equal($"/admin/users/{user.UserId}?done=reactivated", Location(reactivated));

        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.UserId).Select(u => u.IsActive).SingleAsync()));
        using var signIn = await AccountFlow.SignInAsync(app.NewBrowser().Client, user.Email);
        Assert.True(AccountFlow.IsSignedInRedirect(signIn), $"Sign-in after reactivation answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
    }

    [DatabaseFact]
    public async Task An_admin_cannot_deactivate_their_own_account()
    {
        // An administrator of this test only: a bug here must not lock the shared demo admin out.
        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin, dealer: null));
        var page = await Forms.GetPageAsync(admin.Client, $"/admin/users/{admin.UserId}");
        Assert.True(Forms.FindForm(page, "user-status").QuerySelector<IHtmlButtonElement>("button[type='submit']")!.IsDisabled);

        using var response = await SubmitFormAsync(admin, page, "user-status", new());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot deactivate your own account.", Forms.Alerts(await Forms.ParseAsync(response)));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.UserId).Select(u => u.IsActive).SingleAsync()));
        using var stillSignedIn = await admin.Client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [DatabaseFact]
    public async Task Unlocking_a_locked_out_user_lets_them_sign_in_again()
    {
        var admin = await app.UserAsync(Admin);
        var email = await app.CreateUserAsync();
        var id = await UserIdAsync(email);
        var browser = app.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await AccountFlow.SignInAsync(browser.Client, email, $"Wrong-Password-{attempt}");
        }
        var page = await Forms.GetPageAsync(admin.Client, $"/admin/users/{id}");
        Assert.Contains("Locked out", page.Body!.TextContent);

        using (var unlocked = await SubmitFormAsync(admin, page, "user-unlock", new()))
            Assert.Equal($"/admin/users/{id}?done=unlocked", Location(unlocked));

        var state = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(state.LockoutEnd);
        Assert.Equal(0, state.AccessFailedCount);
        using var signIn = await AccountFlow.SignInAsync(browser.Client, email);
        Assert.True(AccountFlow.IsSignedInRedirect(signIn), $"Sign-in after unlocking answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
    }

    [DatabaseFact]
    public async Task Send_password_reset_mails_the_user_a_link_and_records_it()
    {
        var admin = await app.UserAsync(Admin);
        var email = await app.CreateUserAsync();
        var id = await UserIdAsync(email);

        using var response = await SubmitAsync(admin, $"/admin/users/{id}", "user-reset", new());

        Assert.Equal($"/admin/users/{id}?done=reset-sent", Location(response));
        var mail = Assert.Single(Mailbox.To(app.MailFolder, email));
        Assert.Contains(UserAdminService.ResetReason, mail.HtmlBody);
        Assert.Equal("/account/reset-password", mail.Link("Choose a new password").AbsolutePath);
        Assert.Contains(LoginAction.PasswordResetRequested,
            await app.WithDbAsync(db => db.LoginActivities.Where(a => a.UserId == id).Select(a => a.Action).ToListAsync()));
    }

    // ---- users: list --------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task The_users_list_searches_name_and_email_sorts_and_pages_through_the_query_string()
    {
        var admin = await app.UserAsync(Admin);
        var tag = Tag();
        var emails = new List<string>();
        for (var i = 0; i < 11; i++)
            emails.Add(await app.CreateUserAsync(Roles.Technician, dealer: 1, name: $"Grid {tag} {i:00}"));

        var first = await Forms.GetPageAsync(admin.Client, $"/admin/users?q={tag.ToUpperInvariant()}&size=10");
        Assert.Equal(Names(0..10), RowNames(first));
        var next = first.QuerySelector("#users-grid a[aria-label='Next page']")!.GetAttribute("href")!;
        Assert.Equal([$"Grid {tag} 10"], RowNames(await Forms.GetPageAsync(admin.Client, next)));
        var sortByName = first.QuerySelector("#users-grid th a[title='Sort by name']")!.GetAttribute("href")!;
        Assert.Contains("dir=desc", sortByName);
        Assert.Equal(Names(1..11).AsEnumerable().Reverse(), RowNames(await Forms.GetPageAsync(admin.Client, sortByName)));

        var byEmail = await Forms.GetPageAsync(admin.Client, $"/admin/users?q={Uri.EscapeDataString(emails[7].Split('@')[0][^12..])}");
        Assert.Equal([$"Grid {tag} 07"], RowNames(byEmail));
        Assert.Contains(emails[7], byEmail.QuerySelector("#users-grid tbody tr")!.TextContent);

        List<string> Names(Range range) => Enumerable.Range(0, 11).Take(range).Select(i => $"Grid {tag} {i:00}").ToList();
        static List<string> RowNames(IDocument page) =>
            page.QuerySelectorAll("#users-grid tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
    }

    // ---- dealers ------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Creating_a_dealer_stores_it_with_an_upper_case_code_and_lists_it()
    {
        var admin = await app.UserAsync(Admin);
        var code = $"T{Tag()}".ToUpperInvariant();

        using var response = await SubmitAsync(admin, "/admin/dealers/new", "dealer-edit", new()
        {
            ["Input.DealerCode"] = code.ToLowerInvariant(),
            ["Input.Name"] = $"Test Motors {code}",
            ["Input.City"] = "Nagpur",
            ["Input.Brand"] = "Skoda",
        });

        var id = RedirectId(response, "/admin/dealers/");
        Assert.Equal($"/admin/dealers/{id}?done=created", Location(response));
        var stored = await app.WithDbAsync(db => db.Dealers.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal((code, $"Test Motors {code}", "Nagpur", "Skoda", DealerStatus.Active, "Asia/Kolkata", "India"),
            (stored.DealerCode, stored.Name, stored.City, stored.Brand, stored.Status, stored.TimeZoneId, stored.Country));
        var list = await Forms.GetPageAsync(admin.Client, $"/admin/dealers?q={code}");
        var link = Assert.Single(list.QuerySelectorAll("#dealers-grid tbody tr td:first-child a"));
        Assert.Equal((code, $"/admin/dealers/{id}"), (link.TextContent.Trim(), link.GetAttribute("href")));
    }

    [DatabaseFact]
    public async Task A_dealer_code_another_dealer_has_is_refused_next_to_the_code_and_creates_nothing()
    {
        var admin = await app.UserAsync(Admin);
        var name = $"Copycat Motors {Tag()}";

        using var response = await SubmitAsync(admin, "/admin/dealers/new", "dealer-edit", new() { ["Input.DealerCode"] = "d001", ["Input.Name"] = name });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another dealer already has code D001.", FieldMessage(await Forms.ParseAsync(response), "code"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Dealers.CountAsync(d => d.Name == name)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Dealers.CountAsync(d => d.DealerCode == "D001")));
    }

    [DatabaseFact]
    public async Task A_dealer_edit_from_a_stale_form_is_refused_and_overwrites_nothing()
    {
        var admin = await app.UserAsync(Admin);
        var code = $"T{Tag()}".ToUpperInvariant();
        using (var created = await SubmitAsync(admin, "/admin/dealers/new", "dealer-edit", new() { ["Input.DealerCode"] = code, ["Input.Name"] = "Original name" }))
            RedirectId(created, "/admin/dealers/");
        var id = await app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == code).Select(d => d.Id).SingleAsync());
        var staleTab = await Forms.GetPageAsync(admin.Client, $"/admin/dealers/{id}");
        using (var other = await SubmitAsync(admin, $"/admin/dealers/{id}", "dealer-edit", new() { ["Input.Name"] = "Changed elsewhere" }))
            Assert.Equal($"/admin/dealers/{id}?done=saved", Location(other));

        using var response = await SubmitFormAsync(admin, staleTab, "dealer-edit", new() { ["Input.Name"] = "My edit", ["Input.City"] = "Pune" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this dealer", Forms.Alerts(await Forms.ParseAsync(response)));
        var stored = await app.WithDbAsync(db => db.Dealers.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Name, d.City }).SingleAsync());
        Assert.Equal(("Changed elsewhere", (string?)null), (stored.Name, stored.City));
    }

    // ---- module permissions ---------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Saving_the_permission_matrix_stores_the_changed_modules_and_the_module_policies_follow_it()
    {
        var admin = await app.UserAsync(Admin);
        var technician = await app.SignInAsync(await app.CreateUserAsync(Roles.Technician));
        var url = $"/admin/permissions?user={technician.UserId}";
        var page = await Forms.GetPageAsync(admin.Client, url);
        // A technician's role defaults: view Dealer PCC, view to edit the technical survey.
        Assert.True(await AllowsAsync(technician, ProgrammeModule.TechnicalSurvey, ModuleAction.View));
        Assert.False(await AllowsAsync(technician, ProgrammeModule.DealerPcc, ModuleAction.Approve));

        using var response = await SubmitFormAsync(admin, page, "permissions-save", new()
        {
            [Box(page, ProgrammeModule.DealerPcc, ModuleAction.Approve)] = "True",
            [Box(page, ProgrammeModule.TechnicalSurvey, ModuleAction.View)] = null,
            [Box(page, ProgrammeModule.TechnicalSurvey, ModuleAction.Create)] = null,
            [Box(page, ProgrammeModule.TechnicalSurvey, ModuleAction.Edit)] = null,
        });

        Assert.Equal($"{url}&done=saved", Location(response));
        var stored = await app.WithDbAsync(db => db.ModuleAccess.AsNoTracking().Where(m => m.UserId == technician.UserId).ToDictionaryAsync(m => m.Module));
        Assert.Equal([ProgrammeModule.DealerPcc, ProgrammeModule.TechnicalSurvey], stored.Keys.Order());
        Assert.Equal(new ModuleRights(true, false, false, false, true), ModuleRights.From(stored[ProgrammeModule.DealerPcc]));
        Assert.Equal(ModuleRights.None, ModuleRights.From(stored[ProgrammeModule.TechnicalSurvey]));
        Assert.All(stored.Values, m => Assert.Equal(admin.UserId, m.GrantedById));
        var saved = await Forms.GetPageAsync(admin.Client, Location(response));
        Assert.Contains("Rights saved.", saved.QuerySelector("[role='status']")?.TextContent);
        Assert.True(saved.QuerySelector<IHtmlInputElement>($"input[name='{Box(page, ProgrammeModule.DealerPcc, ModuleAction.Approve)}']")!.IsChecked);
        Assert.True(await AllowsAsync(technician, ProgrammeModule.DealerPcc, ModuleAction.Approve));
        Assert.False(await AllowsAsync(technician, ProgrammeModule.TechnicalSurvey, ModuleAction.View));
        Assert.True(await AllowsAsync(technician, ProgrammeModule.MtMeet, ModuleAction.Edit));
    }

    // ---- other roles ----------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task A_manager_posting_administration_forms_is_denied_and_changes_nothing()
    {
        var manager = await app.UserAsync(Manager);
        var target = await app.SignInAsync(await app.CreateUserAsync(Roles.Technician));
        var tag = Tag();
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/admin/users/new", NewUserFields($"Forged {tag}", $"forged-{tag}@tests.motortrace.test", $"EMP-{tag}", await DealerIdAsync(1), Roles.Admin)
                .Where(f => f.Value is not null).Append(new("_handler", "user-edit")).ToDictionary(f => f.Key, f => f.Value!)),
            ($"/admin/users/{target.UserId}", new() { ["_handler"] = "user-status" }),
            ("/admin/dealers/new", new() { ["_handler"] = "dealer-edit", ["Input.DealerCode"] = $"F{tag}", ["Input.Name"] = $"Forged {tag}" }),
            ($"/admin/permissions?user={target.UserId}", new()
            {
                ["_handler"] = "permissions-save", ["Input.Rows[0].Module"] = nameof(ProgrammeModule.DealerPcc), ["Input.Rows[0].Approve"] = "True",
            }),
        };

        foreach (var (url, fields) in posts)
        {
            using var response = await Forms.PostWithTokenAsync(manager.Client, url, fields);
            Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.AccessDeniedPath), $"POST {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.FullName == $"Forged {tag}")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Dealers.CountAsync(d => d.Name == $"Forged {tag}")));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == target.UserId).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ModuleAccess.CountAsync(m => m.UserId == target.UserId)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private Task<Guid> DealerIdAsync(int number) =>
        app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => d.Id).SingleAsync());

    private Task<Guid> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<List<string>> RolesOfAsync(Guid userId) =>
        (await app.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync())).Order().ToList();

    /// <summary>The fields of a new user; <paramref name="roles"/> ticked, every other role unticked.</summary>
    private static Dictionary<string, string?> NewUserFields(string name, string email, string employeeId, Guid? dealerId, params string[] roles) =>
        new(RoleFields(roles))
        {
            ["Input.FullName"] = name,
            ["Input.Email"] = email,
            ["Input.UserType"] = nameof(UserType.Dealer),
            ["Input.DealerId"] = dealerId?.ToString() ?? "",
            ["Input.EmployeeId"] = employeeId,
        };

    /// <summary>The role checkboxes (one per role, in <see cref="Roles.All"/> order, as the form renders them); null unticks.</summary>
    private static Dictionary<string, string?> RoleFields(params string[] roles) =>
        Roles.All.Select((role, index) => (Name: $"Input.Roles[{index}].Selected", Value: roles.Contains(role) ? "True" : null))
            .ToDictionary(f => f.Name, f => f.Value);

    /// <summary>The name of a permission checkbox, found by its label as a screen reader announces it.</summary>
    private static string Box(IDocument page, ProgrammeModule module, ModuleAction action)
    {
        var label = $"{ModulePermissionAdmin.DisplayName(module)}: {action.ToString().ToLowerInvariant()}";
        return page.QuerySelector<IHtmlInputElement>($"input[aria-label='{label}']")?.Name
            ?? throw new InvalidOperationException($"{page.Url} has no checkbox '{label}'.");
    }

    /// <summary>Whether the module policy allows the user, evaluated for a request of their browser.</summary>
    private Task<bool> AllowsAsync(SignedInUser user, ProgrammeModule module, ModuleAction action) =>
        app.AsVisitorAsync(user.Browser, async (IServiceProvider services) =>
        {
            var principal = services.GetRequiredService<IHttpContextAccessor>().HttpContext!.User;
            var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, Policies.Module(module, action));
            return result.Succeeded;
        });

    private static Task<HttpResponseMessage> SubmitAsync(SignedInUser user, string pageUrl, string form, Dictionary<string, string?> changes) =>
        Forms.SubmitAsBrowserAsync(user.Client, pageUrl, form, changes);

    private static Task<HttpResponseMessage> SubmitFormAsync(SignedInUser user, IDocument page, string form, Dictionary<string, string?> changes) =>
        Forms.SubmitAsBrowserAsync(user.Client, page, form, changes);

    /// <summary>The messages shown next to the field with this id (in the same column of the form).</summary>
    private static string FieldMessage(IDocument page, string inputId)
    {
        var input = page.GetElementById(inputId) ?? throw new InvalidOperationException($"No field #{inputId} on the page.");
        var column = input.Closest("[class*='col-']") ?? input.ParentElement!;
        return string.Join(" ", column.QuerySelectorAll(".invalid-feedback").Select(e => e.TextContent.Trim()));
    }

    private static Guid RedirectId(HttpResponseMessage response, string prefix)
    {
        var location = Location(response);
        Assert.True(location.StartsWith(prefix, StringComparison.Ordinal), $"Expected a redirect to {prefix}…, got {location}");
        return Guid.Parse(location[prefix.Length..].Split('?', '#')[0]);
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.OriginalString)
            : $"(no redirect: {(int)response.StatusCode})";
}
