using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// Every page of the app on a desk screen (1366×900) and a touch tablet upright (768×1024): no critical or serious axe
/// violation, no sideways scroll on the tablet, and every tap target in the main area and app bar at least 44 px. Each
/// page is opened by the roles whose view of it differs: the manufacturer's admin in "All dealers" and a read-only
/// role for the customer records, the service advisor for the forms, advisor and technician for the workshop pages, the
/// manager and a technician for the catalogue, every role its dashboard (ShellTests also check dashboards and
/// notifications at three sizes, without the tap targets of the main area). The catalogue's and the user administration's record pages and forms are walked through by their own
/// flows (CatalogTests, AdminTests), which run the same checks. Ids are the demo data's own records of dealer 1.
/// </summary>
[Trait("Category", "E2E")]
public sealed class AccessibilitySweepTests(BrowserAppFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserAppFixture>
{
    private const int TabletTarget = 44;

    /// <summary>The pages a role opens here, with placeholders the demo data fills (see <see cref="DemoIds"/>).</summary>
    public static IEnumerable<string> PagesFor(string role)
    {
        yield return "/"; // a dashboard of the role's own sections
        if (role is Roles.Admin or Roles.WarrantyManager)
        {
            yield return "/customers";
            yield return "/customers/{Customer@dealer1}";
            yield return "/vehicles/{Vehicle@dealer1}";
        }
        if (role == Roles.ServiceAdvisor)
        {
            yield return "/customers/new";
            yield return "/customers/{Customer@dealer1}/edit";
            yield return "/vehicles";
            yield return "/vehicles/new?customerId={Customer@dealer1}";
            yield return "/appointments/new";
            yield return "/appointments/{Appointment@dealer1}/check-in";
            yield return "/workorders/new";
            yield return "/workorders/{WorkOrder@dealer1}/edit";
        }
        if (role is Roles.ServiceAdvisor or Roles.Technician or Roles.WarrantyManager or Roles.InventoryManager)
        {
            yield return "/workorders";
            yield return "/workorders?view=board";
        }
        if (role == Roles.WarrantyManager) yield return "/workorders?queue=warranty";
        if (role is Roles.ServiceAdvisor or Roles.Manager)
        {
            yield return "/invoices";
            yield return "/invoices/{Invoice@dealer1}";
            yield return "/invoices/receivables";
            yield return "/payments";
        }
        if (role is Roles.ServiceAdvisor or Roles.Technician)
        {
            yield return "/appointments?view=day";
            yield return "/appointments?view=week";
            yield return "/appointments/{Appointment@dealer1}";
            yield return "/workorders/{WorkOrder@dealer1}";
        }
        if (role is Roles.Manager or Roles.Technician)
        {
            yield return "/catalog/services";
            yield return "/catalog/labor";
        }
        if (role is Roles.Manager)
        {
            yield return "/reports";
            foreach (var report in new[] { "sales", "technicians", "estimates", "comebacks", "appointments", "open-work", "receivables" })
                yield return $"/reports/{report}?from=2026-01-01&to=2026-12-31";
        }
        if (role == Roles.InventoryManager) yield return "/reports/inventory";
        if (role == Roles.WarrantyManager) yield return "/reports/warranty";
        if (role == Roles.Manager)
        {
            yield return "/settings";
            yield return "/workshop";
            yield return "/workshop?view=efficiency";
            yield return "/workshop/jobs/{job:tech@d1.motortrace.test}";
            yield return "/catalog/inspections";
            yield return "/catalog/inspections/{InspectionTemplate@dealer1}";
        }
        if (role is Roles.InventoryManager or Roles.ServiceAdvisor or Roles.Admin)
        {
            yield return "/inventory";
            yield return "/inventory/items/{InventoryItem@dealer1}";
            yield return "/inventory/receipts";
            yield return "/inventory/reorder";
            yield return "/inventory/valuation";
            yield return "/inventory/stocktakes";
        }
        if (role == Roles.InventoryManager)
        {
            yield return "/inventory?stock=reorder";
            yield return "/inventory/items/new";
            yield return "/inventory/receipts/new";
            yield return "/inventory/stocktakes/new";
        }
        if (role == Roles.Technician)
        {
            yield return "/workshop";
            yield return "/workshop/jobs/{job:tech@d1.motortrace.test}";
        }
        if (role == Roles.Admin)
        {
            yield return "/admin/users";
            yield return "/admin/dealers";
            yield return "/admin/permissions";
            yield return "/admin/sessions";
            yield return "/admin/sessions/logins";
            yield return "/admin/audit";
            yield return "/admin/audit/{audit}";
        }
    }

    /// <summary>One demo sign-in per role: dealer 1's where a role has one, so dealer-1 records open for it.</summary>
    public static TheoryData<string> DemoRoles => new(Roles.All);

    private static string EmailFor(string role) => DemoSeeder.SignIns.First(s => s.Role == role && s.Dealer is null or 1).Email;

    [BrowserTheory]
    [MemberData(nameof(DemoRoles))]
    public async Task The_pages_as_the_role_sees_them_pass_axe_at_1366_and_768_and_fit_a_touch_tablet_with_44_px_targets(string role)
    {
        var email = EmailFor(role);
        var paths = new List<string>();
        foreach (var template in PagesFor(role)) paths.Add(await ResolveAsync(template));

        await using var desk = await fixture.SignedInContextAsync(email, 1366, 900);
        await using var tablet = await fixture.SignedInContextAsync(email, 768, 1024, hasTouch: true);
        var deskPage = await desk.NewPageAsync();
        var tabletPage = await tablet.NewPageAsync();

        var findings = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var path in paths)
        {
            var started = watch.ElapsedMilliseconds;
            // The two sizes load side by side: the second browser tab renders while the server answers the first.
            await Task.WhenAll(OpenAsync(deskPage, path), OpenAsync(tabletPage, path));
            var opened = watch.ElapsedMilliseconds;
            findings.AddRange((await PageChecks.AxeAsync(deskPage)).Select(f => $"{path} at 1366×900: {f}"));
            findings.AddRange((await PageChecks.AxeAsync(tabletPage)).Select(f => $"{path} at 768×1024: {f}"));
            findings.AddRange((await PageChecks.SidewaysScrollAsync(tabletPage)).Select(f => $"{path} at 768×1024: {f}"));
            findings.AddRange((await PageChecks.SmallTargetsAsync(tabletPage, TabletTarget)).Select(f => $"{path} at 768×1024: {f}"));
            output.WriteLine($"{path}: opened in {opened - started} ms, checked in {watch.ElapsedMilliseconds - opened} ms");
        }
        output.WriteLine($"{paths.Count} pages as {role} in {watch.ElapsedMilliseconds} ms");

        Assert.True(findings.Count == 0, $"{findings.Count} problem(s) as {role} ({email}):\n" + string.Join("\n", findings.Distinct()));
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Status: 200 }, $"{path} answered {response?.Status}");
        await PageChecks.SettleAsync(page);
    }

    private async Task<string> ResolveAsync(string template)
    {
        if (!template.Contains("{audit}", StringComparison.Ordinal)) return await DemoIds.ResolveAsync(fixture.App, template);
        var id = await fixture.App.WithDbAsync(db => db.AuditLogs.IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        return template.Replace("{audit}", id.ToString(), StringComparison.Ordinal);
    }
}
