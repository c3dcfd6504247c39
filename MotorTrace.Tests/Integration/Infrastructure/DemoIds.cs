using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>
/// Fills the placeholders of a route with ids of the demo data, looked up at run time:
/// <c>{dealer1}</c>, <c>{dealer2}</c> (dealer D001, D002), <c>{user:email}</c> (a user's id),
/// <c>{missing}</c> (an id nobody has), <c>{text:word}</c> (the word itself, e.g. a report's name), <c>{job:email}</c> (an open work order with labour of that technician), <c>{invoice:email}</c> (a finalised invoice of that portal user's customer record), and <c>{Entity@dealerN}</c> (the first record of a dealer-owned
/// entity type of dealer N, e.g. <c>{Customer@dealer2}</c>).
/// </summary>
public static partial class DemoIds
{
    public static async Task<string> ResolveAsync(MotorTraceFactory app, string template)
    {
        var result = template;
        foreach (Match match in Placeholder().Matches(template))
        {
            var name = match.Groups[1].Value;
            // {text:sales}: a word of the address itself (a report's name), not an id.
            var value = name.StartsWith("text:", StringComparison.Ordinal) ? name["text:".Length..]
                : (await app.WithDbAsync(db => ValueOfAsync(db, name))).ToString();
            result = result.Replace(match.Value, value);
        }
        return result;
    }

    private static async Task<Guid> ValueOfAsync(MotorTraceDbContext db, string name)
    {
        if (name == "missing") return Guid.NewGuid();
        if (DealerNumber().Match(name) is { Success: true } dealer)
            return await DealerIdAsync(db, int.Parse(dealer.Groups[1].Value));
        if (name.StartsWith("user:", StringComparison.Ordinal))
        {
            var email = name["user:".Length..];
            return await db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync()
                ?? throw new InvalidOperationException($"No user {email} in the demo data.");
        }
        if (name.StartsWith("job:", StringComparison.Ordinal))
        {
            // An open work order with labour of this technician: their job on the tablet (/workshop/jobs/{id}).
            var email = name["job:".Length..];
            WorkOrderStatus[] closed = [WorkOrderStatus.Completed, WorkOrderStatus.Invoiced, WorkOrderStatus.Closed, WorkOrderStatus.Cancelled];
            return await db.WorkOrderLabor.IgnoreQueryFilters()
                .Where(l => l.Technician!.Email == email && !closed.Contains(l.WorkOrder.Status))
                .OrderBy(l => l.WorkOrderId).Select(l => (Guid?)l.WorkOrderId).FirstOrDefaultAsync()
                ?? throw new InvalidOperationException($"No open job of {email} in the demo data.");
        }
        if (name.StartsWith("invoice:", StringComparison.Ordinal))
        {
            // A finalised invoice of the customer record this portal user is linked to (/portal/invoices/{id}/pdf).
            var email = name["invoice:".Length..];
            return await db.Invoices.IgnoreQueryFilters()
                .Where(i => i.WorkOrder.Customer.User!.Email == email && i.InvoiceNumber != null && i.Status != Data.Entities.Finance.InvoiceStatus.Draft)
                .OrderBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync()
                ?? throw new InvalidOperationException($"No finalised invoice of {email}'s customer record in the demo data.");
        }
        if (OwnedRecord().Match(name) is { Success: true } owned)
        {
            var entity = db.Model.GetEntityTypes().SingleOrDefault(t => t.ClrType.Name == owned.Groups[1].Value && typeof(IDealerOwned).IsAssignableFrom(t.ClrType))
                ?? throw new InvalidOperationException($"No dealer-owned entity type {owned.Groups[1].Value} in the model.");
            var dealerId = await DealerIdAsync(db, int.Parse(owned.Groups[2].Value));
            var first = typeof(DemoIds).GetMethod(nameof(FirstIdAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity.ClrType);
            return await (Task<Guid>)first.Invoke(null, [db, dealerId])!;
        }
        throw new InvalidOperationException($"Unknown route placeholder {{{name}}}.");
    }

    private static async Task<Guid> DealerIdAsync(MotorTraceDbContext db, int number) =>
        await db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => (Guid?)d.Id).SingleOrDefaultAsync()
            ?? throw new InvalidOperationException($"No dealer D{number:000} in the demo data.");

    private static async Task<Guid> FirstIdAsync<T>(MotorTraceDbContext db, Guid dealerId) where T : class, IDealerOwned =>
        await db.Set<T>().IgnoreQueryFilters().Where(e => e.DealerId == dealerId)
            .Select(e => EF.Property<Guid>(e, nameof(Entity.Id))).OrderBy(id => id)
            .Select(id => (Guid?)id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"The demo data has no {typeof(T).Name} of dealer {dealerId}.");

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^dealer(\d+)$")]
    private static partial Regex DealerNumber();

    [GeneratedRegex(@"^(\w+)@dealer(\d+)$")]
    private static partial Regex OwnedRecord();
}
