using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Hosting;

namespace MotorTrace.Tests.Services;

/// <summary><c>create-admin</c>: the first Admin of a database without demo data.</summary>
[Trait("Category", "Services")]
public sealed class CreateAdminCommandTests(SqliteFactory app) : IClassFixture<SqliteFactory>
{
    private const string StrongPassword = "Workshop-Keys-2026";

    [Fact]
    public async Task Creates_a_manufacturer_admin_who_can_sign_in_with_the_password()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@example.com";

        var errors = await CreateAsync(email, "Ines Tan", StrongPassword);

        Assert.Empty(errors);
        var user = await app.WithDbAsync(db => db.Users.Include(u => u.StaffProfile).SingleAsync(u => u.Email == email));
        Assert.Equal(UserType.Manufacturer, user.UserType);
        Assert.Null(user.DealerId);
        Assert.True(user.IsActive);
        Assert.NotNull(user.StaffProfile);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.Admin], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
        var signedIn = await app.SignInAsync(email, StrongPassword);
        Assert.Equal(user.Id, signedIn.UserId);
    }

    [Fact]
    public async Task Refuses_an_email_that_already_exists_and_creates_nothing()
    {
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        var errors = await CreateAsync("ADMIN@motortrace.test", "Someone Else", StrongPassword);

        Assert.Contains(errors, e => e.Contains("already exists"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercase123")]
    [InlineData("NoDigitsInThisOne")]
    public async Task Refuses_a_weak_password_and_creates_nothing(string password)
    {
        var email = $"weak-{Guid.NewGuid():N}@example.com";

        var errors = await CreateAsync(email, "Weak Password", password);

        Assert.NotEmpty(errors);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Refuses_a_missing_name_or_an_invalid_email()
    {
        Assert.Contains(await CreateAsync("not-an-email", "Name", StrongPassword), e => e.Contains("--email"));
        Assert.Contains(await CreateAsync("ok@example.com", " ", StrongPassword), e => e.Contains("--name"));
    }

    private async Task<IReadOnlyList<string>> CreateAsync(string email, string name, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<CreateAdminCommand>(scope.ServiceProvider).CreateAsync(email, name, password);
    }
}
