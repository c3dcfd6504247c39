using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Notifications;

public sealed record NotificationRow(Guid Id, NotificationType Type, NotificationPriority Priority, string Title, string Message,
    bool IsRead, string? ActionUrl, string? ActionText, DateTime CreatedAt);

/// <summary>The signed-in user's in-app notifications. Nobody reads or marks another user's.</summary>
public sealed class NotificationService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, TimeProvider clock, LiveUpdates live)
{
    private Guid UserId => user.UserId ?? Guid.Empty;

    private IQueryable<Notification> Mine(MotorTraceDbContext db, DateTime now) =>
        db.Notifications.Where(n => n.UserId == UserId && (n.ExpiresAt == null || n.ExpiresAt > now));

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Mine(db, clock.GetUtcNow().UtcDateTime).CountAsync(n => !n.IsRead, cancellationToken);
    }

    private static readonly GridSortMap<Notification> Sorts = new GridSortMap<Notification>("created", SortOrder.Desc)
    {
        { "created", n => n.CreatedAt },
        { "title", n => n.Title },
    }.ThenBy(n => n.Id);

    /// <summary>One page of the user's notifications; the filter <c>unread=true</c> shows only unread ones.</summary>
    public async Task<GridResult<NotificationRow>> ListAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notifications = Mine(db, clock.GetUtcNow().UtcDateTime);
        if (query.Filter("unread") == "true") notifications = notifications.Where(n => !n.IsRead);
        if (query.Search is { } search) notifications = notifications.Where(n => n.Title.Contains(search) || n.Message.Contains(search));
        return await notifications.ToGridResultAsync(query, Sorts,
            n => new NotificationRow(n.Id, n.Type, n.Priority, n.Title, n.Message, n.IsRead, n.ActionUrl, n.ActionText, n.CreatedAt), cancellationToken);
    }

    /// <summary>Marks one notification read; false when it is not the user's (the endpoint answers 404).</summary>
    public async Task<bool> MarkReadAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == UserId);
        if (notification is null) return false;
        if (!notification.IsRead)
        {
            notification.IsRead = true;
            notification.ReadAt = now;
            notification.UpdatedAt = now;
            await db.SaveChangesAsync();
            await live.PublishAsync(new LiveUpdate.NotificationsChanged(UserId));
        }
        return true;
    }

    public async Task<int> MarkAllReadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await db.Notifications.Where(n => n.UserId == UserId && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true).SetProperty(n => n.ReadAt, now).SetProperty(n => n.UpdatedAt, now));
        if (count > 0) await live.PublishAsync(new LiveUpdate.NotificationsChanged(UserId));
        return count;
    }

    /// <summary>Sends a notification to one user (features call this for the events that matter to each role).</summary>
    public async Task NotifyAsync(Guid userId, string title, string message, NotificationType type = NotificationType.Info,
        NotificationPriority priority = NotificationPriority.Normal, string? actionUrl = null, string? actionText = null, Guid? dealerId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification
        {
            UserId = userId, DealerId = dealerId, Title = title, Message = message, Type = type, Priority = priority,
            ActionUrl = actionUrl, ActionText = actionText, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        await live.PublishAsync(new LiveUpdate.NotificationsChanged(userId));
    }
}
