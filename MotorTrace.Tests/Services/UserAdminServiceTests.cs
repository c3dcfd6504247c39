using System.Net;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteUserAdminServiceTests(SqliteFactory app) : UserAdminServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresUserAdminServiceTests(PostgresFactory app) : UserAdminServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// /admin/users and /admin/users/{id} (<see cref="UserAdminService"/>) acting as the demo administrator, as the page's
/// circuit does: create with an emailed invitation, the type/dealer/role rules, edits, stale edits, deactivation,
/// unlocking, password emails and the list. Every test makes its own users and changes no demo user.
/// </summary>
public abstract class UserAdminServiceTests(MotorTraceFactory app)
{
    private const string Admin = "admin@motortrace.test";
    private const string BaseUri = "http://localhost/";
    private const string NewPassword = "Invited-Passw0rd-1";
    private const string DeactivatedMessage = "This account has been deactivated. Ask your administrator.";

    // ---- create -------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Creating_a_dealer_user_mails_an_invitation_whose_link_sets_a_password_that_signs_in()
    {
        var tag = Tag();
        var email = $"invited-{tag}@tests.motortrace.test";
        var form = NewUser($"Invited {tag}", email, $"EMP-{tag}", await DealerIdAsync(1), Roles.ServiceAdvisor);

        var created = await AsAdmin(s => s.CreateAsync(form, BaseUri));

        Assert.True(created.Succeeded, Errors(created.Result));
        Assert.True(created.Value!.InvitationSent);
        var id = created.Value.Id;
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new
        {
            u.FullName, u.Email, u.UserType, u.DealerId, u.IsActive, HasPassword = u.PasswordHash != null,
            EmployeeId = u.StaffProfile!.EmployeeId, u.CreatedById,
        }).SingleAsync());
        Assert.Equal(($"Invited {tag}", email, UserType.Dealer, await DealerIdAsync(1), true, false, $"EMP-{tag}"),
            (stored.FullName, stored.Email, stored.UserType, stored.DealerId, stored.IsActive, stored.HasPassword, stored.EmployeeId));
        Assert.Equal(await UserIdAsync(Admin), stored.CreatedById);
        Assert.Equal([Roles.ServiceAdvisor], await RolesOfAsync(id));
        Assert.False((await AsAdmin(s => s.GetAsync(id)))!.HasPassword);

        var mail = Assert.Single(Mailbox.To(app.MailFolder, email));
        Assert.Equal("Set your MotorTrace password", mail.Subject);
        Assert.Contains(UserAdminService.InvitationReason, mail.HtmlBody);
        var link = mail.Link("Choose a new password");
        Assert.Equal("localhost", link.Host);
        var invited = app.NewBrowser();
        using (var chosen = await Forms.SubmitAsync(invited.Client, link.PathAndQuery, "reset-password", new Dictionary<string, string>
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
        var existing = await app.CreateUserAsync();
        var name = $"Duplicate {Tag()}";

        var created = await AsAdmin(async s => await s.CreateAsync(NewUser(name, existing.ToUpperInvariant(), $"EMP-{Tag()}", await DealerIdAsync(1), Roles.ServiceAdvisor), BaseUri));

        Assert.Contains((nameof(UserForm.Email), "Another user already has this email address."), created.Result.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.FullName == name)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == existing.ToUpperInvariant())));
    }

    [DatabaseTheory]
    [InlineData(UserType.Dealer, 0, Roles.ServiceAdvisor, nameof(UserForm.DealerId), "Choose the dealer this user belongs to.")]
    [InlineData(UserType.Manufacturer, 1, Roles.Manager, nameof(UserForm.DealerId), "Manufacturer users see every dealer: leave the dealer empty.")]
    [InlineData(UserType.Dealer, 1, Roles.Customer, nameof(UserForm.Roles), "A staff account needs at least one staff role, and not the Customer role.")]
    [InlineData(UserType.Customer, 1, Roles.ServiceAdvisor, nameof(UserForm.Roles), "A customer account has exactly the Customer role.")]
    public async Task Creating_a_user_that_breaks_a_type_dealer_or_role_rule_is_refused_next_to_the_field_and_mails_nobody(
        UserType type, int dealer, string role, string field, string message)
    {
        var tag = Tag();
        var email = $"refused-{tag}@tests.motortrace.test";
        var form = NewUser($"Refused {tag}", email, type == UserType.Customer ? null : $"EMP-{tag}", dealer == 0 ? null : await DealerIdAsync(dealer), role);
        form.UserType = type;

        var created = await AsAdmin(s => s.CreateAsync(form, BaseUri));

        Assert.Contains((field, message), created.Result.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Empty(Mailbox.To(app.MailFolder, email));
    }

    [DatabaseFact]
    public async Task An_employee_id_another_member_of_staff_has_is_refused_next_to_the_employee_id()
    {
        var tag = Tag();
        var first = await AsAdmin(async s => await s.CreateAsync(NewUser($"First {tag}", $"first-{tag}@tests.motortrace.test", $"EMP-{tag}", await DealerIdAsync(1), Roles.Technician), BaseUri));
        Assert.True(first.Succeeded, Errors(first.Result));

        var second = await AsAdmin(async s => await s.CreateAsync(NewUser($"Second {tag}", $"second-{tag}@tests.motortrace.test", $"EMP-{tag}", await DealerIdAsync(1), Roles.Technician), BaseUri));

        Assert.Contains((nameof(UserForm.EmployeeId), $"Another staff member already has employee id EMP-{tag}."), second.Result.Errors);
    }

    // ---- edit ---------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Editing_a_user_changes_their_roles_and_dealer()
    {
        var email = await app.CreateUserAsync(Roles.ServiceAdvisor, dealer: 1);
        var id = await UserIdAsync(email);
        var employeeId = $"EMP-{Tag()}";
        var form = (await AsAdmin(s => s.GetAsync(id)))!.Form;
        Select(form, Roles.Technician, Roles.WarrantyManager);
        form.DealerId = await DealerIdAsync(2);
        form.EmployeeId = employeeId;

        var result = await AsAdmin(s => s.UpdateAsync(id, form));

        Assert.True(result.Succeeded, Errors(result));
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id)
            .Select(u => new { u.DealerId, u.Email, EmployeeId = u.StaffProfile!.EmployeeId }).SingleAsync());
        Assert.Equal((await DealerIdAsync(2), email, employeeId), (stored.DealerId, stored.Email, stored.EmployeeId));
        Assert.Equal([Roles.Technician, Roles.WarrantyManager], await RolesOfAsync(id));
        var reloaded = (await AsAdmin(s => s.GetAsync(id)))!.Form;
        Assert.Equal([Roles.Technician, Roles.WarrantyManager], reloaded.SelectedRoles.Order());
    }

    [DatabaseFact]
    public async Task An_edit_from_a_stale_form_is_refused_saying_who_changed_the_user_and_when_and_overwrites_nothing()
    {
        var id = await UserIdAsync(await app.CreateUserAsync(Roles.ServiceAdvisor, dealer: 1));
        var staleTab = (await AsAdmin(s => s.GetAsync(id)))!.Form;
        var otherTab = (await AsAdmin(s => s.GetAsync(id)))!.Form;
        otherTab.Designation = "Changed elsewhere";
        otherTab.EmployeeId = $"EMP-{Tag()}";
        Assert.True((await AsAdmin(s => s.UpdateAsync(id, otherTab))).Succeeded);

        Select(staleTab, Roles.Admin);
        staleTab.Designation = "My edit";
        staleTab.EmployeeId = $"EMP-{Tag()}";
        var result = await AsAdmin(s => s.UpdateAsync(id, staleTab));

        var (field, message) = Assert.Single(result.Errors);
        Assert.Equal("", field);
        Assert.Matches(@"^This user was changed by Alex Admin at \d\d:\d\d while you were editing\.", message);
        Assert.Equal("Changed elsewhere", await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Designation).SingleAsync()));
        Assert.Equal([Roles.ServiceAdvisor], await RolesOfAsync(id));
        Assert.Equal("My edit", staleTab.Designation);
    }

    [DatabaseFact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        // An administrator of this test only: a bug here must not demote the shared demo admin.
        var email = await app.CreateUserAsync(Roles.Admin, dealer: null);
        var id = await UserIdAsync(email);
        var form = (await app.AsUserAsync<UserAdminService, UserDetails?>(email, s => s.GetAsync(id)))!.Form;
        form.EmployeeId = $"EMP-{Tag()}";
        Select(form, Roles.Manager);

        var result = await app.AsUserAsync<UserAdminService, ServiceResult>(email, s => s.UpdateAsync(id, form));

        Assert.Contains((nameof(UserForm.Roles), "You cannot remove your own Admin role."), result.Errors);
        Assert.Equal([Roles.Admin], await RolesOfAsync(id));
    }

    // ---- account state ------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task A_deactivated_user_is_signed_out_and_cannot_sign_in_until_reactivated()
    {
        var user = await app.SignInAsync(await app.CreateUserAsync());

        var deactivated = await AsAdmin(s => s.SetActiveAsync(user.UserId, false));

        Assert.True(deactivated.Succeeded, Errors(deactivated));
        var details = (await AsAdmin(s => s.GetAsync(user.UserId)))!;
        Assert.Equal((false, 0), (details.IsActive, details.ActiveSessions));
        var session = await app.WithDbAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == user.UserId));
        Assert.Equal((false, SessionEndReason.UserDeactivated, await UserIdAsync(Admin)), (session.IsActive, session.EndReason, session.EndedById));
        using (var refused = await AccountFlow.SignInAsync(app.NewBrowser().Client, user.Email))
            Assert.Contains(DeactivatedMessage, Forms.Alerts(await Forms.ParseAsync(refused)));
        Assert.Equal(AccountStatus.Inactive, await AsAdmin(s => Task.FromResult(s.StatusOf(details.IsActive, details.LockoutEnd))));

        var reactivated = await AsAdmin(s => s.SetActiveAsync(user.UserId, true));

        Assert.True(reactivated.Succeeded, Errors(reactivated));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.UserId).Select(u => u.IsActive).SingleAsync()));
        using var signIn = await AccountFlow.SignInAsync(app.NewBrowser().Client, user.Email);
        Assert.True(AccountFlow.IsSignedInRedirect(signIn), $"Sign-in after reactivation answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
    }

    [DatabaseFact]
    public async Task An_admin_cannot_deactivate_their_own_account()
    {
        var email = await app.CreateUserAsync(Roles.Admin, dealer: null);
        var id = await UserIdAsync(email);

        var result = await app.AsUserAsync<UserAdminService, ServiceResult>(email, s => s.SetActiveAsync(id, false));

        Assert.Equal(("", "You cannot deactivate your own account."), Assert.Single(result.Errors));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Unlocking_a_locked_out_user_lets_them_sign_in_again()
    {
        var email = await app.CreateUserAsync();
        var id = await UserIdAsync(email);
        var browser = app.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await AccountFlow.SignInAsync(browser.Client, email, $"Wrong-Password-{attempt}");
        }
        var locked = (await AsAdmin(s => s.GetAsync(id)))!;
        Assert.Equal(AccountStatus.Locked, await AsAdmin(s => Task.FromResult(s.StatusOf(locked.IsActive, locked.LockoutEnd))));

        var unlocked = await AsAdmin(s => s.UnlockAsync(id));

        Assert.True(unlocked.Succeeded, Errors(unlocked));
        var state = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(state.LockoutEnd);
        Assert.Equal(0, state.AccessFailedCount);
        using var signIn = await AccountFlow.SignInAsync(browser.Client, email);
        Assert.True(AccountFlow.IsSignedInRedirect(signIn), $"Sign-in after unlocking answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
    }

    [DatabaseFact]
    public async Task Send_password_reset_mails_the_user_a_link_and_records_it()
    {
        var email = await app.CreateUserAsync();
        var id = await UserIdAsync(email);

        var result = await AsAdmin(s => s.SendPasswordResetAsync(id, BaseUri));

        Assert.True(result.Succeeded, Errors(result));
        var mail = Assert.Single(Mailbox.To(app.MailFolder, email));
        Assert.Contains(UserAdminService.ResetReason, mail.HtmlBody);
        Assert.Equal("/account/reset-password", mail.Link("Choose a new password").AbsolutePath);
        Assert.Contains(LoginAction.PasswordResetRequested,
            await app.WithDbAsync(db => db.LoginActivities.Where(a => a.UserId == id).Select(a => a.Action).ToListAsync()));
    }

    [DatabaseFact]
    public async Task A_password_email_to_a_deactivated_account_is_refused()
    {
        var email = await app.CreateUserAsync();
        var id = await UserIdAsync(email);
        Assert.True((await AsAdmin(s => s.SetActiveAsync(id, false))).Succeeded);

        var result = await AsAdmin(s => s.SendPasswordResetAsync(id, BaseUri));

        Assert.Contains("deactivated", Assert.Single(result.Errors).Message);
        Assert.Empty(Mailbox.To(app.MailFolder, email));
    }

    // ---- list ---------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task The_users_list_searches_name_and_email_filters_sorts_and_pages()
    {
        var tag = Tag();
        var emails = new List<string>();
        for (var i = 0; i < 11; i++)
            emails.Add(await app.CreateUserAsync(Roles.Technician, dealer: 1, name: $"Grid {tag} {i:00}"));
        var search = new GridQuery { Search = tag.ToUpperInvariant(), PageSize = 10 };

        var first = await AsAdmin(s => s.ListAsync(search));
        var second = await AsAdmin(s => s.ListAsync(search with { Page = 2 }));
        var descending = await AsAdmin(s => s.ListAsync(search with { Sort = "name", Direction = SortOrder.Desc }));
        var byEmail = await AsAdmin(s => s.ListAsync(new GridQuery { Search = emails[7].Split('@')[0][^12..] }));
        var otherDealer = await AsAdmin(async s => await s.ListAsync(search.WithFilter("dealer", (await DealerIdAsync(2)).ToString())));
        var managers = await AsAdmin(s => s.ListAsync(search.WithFilter("role", Roles.Manager)));

        Assert.Equal(11, first.Total);
        Assert.Equal(Names(0..10), first.Items.Select(u => u.FullName));
        Assert.Equal([$"Grid {tag} 10"], second.Items.Select(u => u.FullName));
        Assert.Equal(Names(1..11).AsEnumerable().Reverse(), descending.Items.Select(u => u.FullName));
        var row = Assert.Single(byEmail.Items);
        Assert.Equal(($"Grid {tag} 07", emails[7], "D001"), (row.FullName, row.Email, row.DealerCode));
        Assert.Empty(otherDealer.Items);
        Assert.Empty(managers.Items);

        List<string> Names(Range range) => Enumerable.Range(0, 11).Take(range).Select(i => $"Grid {tag} {i:00}").ToList();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Task<T> AsAdmin<T>(Func<UserAdminService, Task<T>> work) => app.AsUserAsync(Admin, work);

    private static UserForm NewUser(string name, string email, string? employeeId, Guid? dealerId, params string[] roles)
    {
        var form = UserForm.New();
        form.FullName = name;
        form.Email = email;
        form.UserType = UserType.Dealer;
        form.DealerId = dealerId;
        form.EmployeeId = employeeId;
        Select(form, roles);
        return form;
    }

    private static void Select(UserForm form, params string[] roles)
    {
        foreach (var role in form.Roles) role.Selected = roles.Contains(role.Name);
    }

    private static string Errors(ServiceResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));

    /// <summary>Letters only: a searched name with digits could also match other text.</summary>
    private static string Tag() => new(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + c % 26)).ToArray());

    private Task<Guid> DealerIdAsync(int number) =>
        app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => d.Id).SingleAsync());

    private Task<Guid> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<List<string>> RolesOfAsync(Guid userId) =>
        (await app.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync())).Order().ToList();
}
