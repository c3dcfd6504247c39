using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Web.Hosting;

/// <summary>
/// <c>dotnet run --project MotorTrace.Web -- create-admin --email … --name … [--password …]</c>: the first Admin of a
/// production database, which has no demo seed and so nobody who could invite anyone. The account is a manufacturer
/// Admin (every dealer) with the password given, checked by the same Identity password rules as a reset.
/// </summary>
public sealed class CreateAdminCommand(
    MotorTraceDbContext db, UserManager<ApplicationUser> userManager, RoleManager<ApplicationRole> roleManager)
{
    /// <summary>Creates the Admin; the errors say why not (nothing is created then).</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string? email, string? name, string? password)
    {
        email = email?.Trim();
        name = name?.Trim();
        var errors = new List<string>();
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email))
            errors.Add("Give the Admin's email address with --email name@example.com.");
        if (string.IsNullOrEmpty(name)) errors.Add("Give the Admin's full name with --name \"Full Name\".");
        if (string.IsNullOrEmpty(password)) errors.Add("Give a password (--password, or type it when asked).");
        if (errors.Count > 0) return errors;

        if ((await db.Database.GetPendingMigrationsAsync()).Any())
            return ["The database schema is not up to date: run the migrate command first."];
        if (await userManager.FindByEmailAsync(email!) is not null)
            return [$"A user with the email {email} already exists: nothing was created."];

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = name!,
            UserType = UserType.Manufacturer,
            Designation = "System Administrator",
        };
        foreach (var validator in userManager.PasswordValidators)
        {
            var check = await validator.ValidateAsync(userManager, user, password!);
            if (!check.Succeeded) errors.AddRange(check.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0) return errors;

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await roleManager.RoleExistsAsync(Roles.Admin))
        {
            var roleCreated = await roleManager.CreateAsync(new ApplicationRole(Roles.Admin));
            if (!roleCreated.Succeeded) return roleCreated.Errors.Select(e => e.Description).ToList();
        }
        var created = await userManager.CreateAsync(user, password!);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        var inRole = await userManager.AddToRoleAsync(user, Roles.Admin);
        if (!inRole.Succeeded) return inRole.Errors.Select(e => e.Description).ToList();
        db.StaffProfiles.Add(new StaffProfile { UserId = user.Id, EmployeeId = $"ADMIN-{user.Id.ToString("N")[..8].ToUpperInvariant()}", Department = "IT" });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [];
    }

    /// <summary>Reads the password without echoing it, twice, when none was given on the command line.</summary>
    public static string? PromptPassword()
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        var first = ReadHidden("Password for the new Admin: ");
        var second = ReadHidden("Type it again: ");
        if (first == second) return first;
        Console.Error.WriteLine("The two passwords differ.");
        return null;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
