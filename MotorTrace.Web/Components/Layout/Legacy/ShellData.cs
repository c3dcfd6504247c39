using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Notifications;

namespace MotorTrace.Web.Components.Layout.Legacy;

/// <summary>
/// What the header shows around every page: the dealers a manufacturer user can switch between (or the dealer user's
/// own dealer) and the unread notification count. The layout loads it before it renders the page, so no header query
/// is still running when the page answers early (a redirect after a post, a 404): a query cut off by the end of the
/// request fails on PostgreSQL and turned such answers into 500s.
/// </summary>
public sealed record ShellData(IReadOnlyList<DealerChoice> Dealers, Guid? SelectedDealer, string? OwnDealer, int Unread)
{
    public static async Task<ShellData> LoadAsync(MotorTraceDbContext db, NotificationService notifications, ClaimsPrincipal user)
    {
        IReadOnlyList<DealerChoice> dealers = [];
        string? ownDealer = null;
        if (user.IsManufacturer())
        {
            dealers = await db.Dealers.AsNoTracking().OrderBy(d => d.DealerCode)
                .Select(d => new DealerChoice(d.Id, d.DealerCode, d.Name)).ToListAsync();
        }
        else if (user.DealerId() is { } dealerId)
        {
            ownDealer = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.Name).FirstOrDefaultAsync();
        }
        return new ShellData(dealers, db.DealerScope, ownDealer, await notifications.UnreadCountAsync());
    }
}

