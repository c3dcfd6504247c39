using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Web.Services.Notifications;

public sealed record NotificationRow(Guid Id, NotificationType Type, NotificationPriority Priority, string Title, string Message,
    bool IsRead, string? ActionUrl, string? ActionText, DateTime CreatedAt);

/// <summary>The signed-in user's in-app notifications. Nobody reads or marks another user's.</summary>
public sealed class NotificationService(MotorTraceDbContext db, TimeProvider clock)
{
    private Guid UserId => db.CurrentUser.UserId ?? Guid.Empty;

    private IQueryable<Notification> Mine(DateTime now) =>
        db.Notifications.Where(n => n.UserId == UserId && (n.ExpiresAt == null || n.ExpiresAt > now));

    public Task<int> UnreadCountAsync() => Mine(clock.GetUtcNow().UtcDateTime).CountAsync(n => !n.IsRead);

    public async Task<(IReadOnlyList<NotificationRow> Rows, int Total)> ListAsync(bool unreadOnly, int page, int pageSize)
    {
        var query = Mine(clock.GetUtcNow().UtcDateTime);
        if (unreadOnly) query = query.Where(n => !n.IsRead);
        var total = await query.CountAsync();
        var rows = await query.OrderByDescending(n => n.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationRow(n.Id, n.Type, n.Priority, n.Title, n.Message, n.IsRead, n.ActionUrl, n.ActionText, n.CreatedAt))
            .ToListAsync();
        return (rows, total);
    }

    /// <summary>Marks one notification read; false when it is not the user's (the endpoint answers 404).</summary>
    public async Task<bool> MarkReadAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == UserId);
        if (notification is null) return false;
        if (!notification.IsRead)
        {
            notification.IsRead = true;
            notification.ReadAt = now;
            notification.UpdatedAt = now;
            await db.SaveChangesAsync();
        }
        return true;
    }

    public async Task<int> MarkAllReadAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == UserId && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true).SetProperty(n => n.ReadAt, now).SetProperty(n => n.UpdatedAt, now));
    }

    /// <summary>Sends a notification to one user (features call this for the events that matter to each role).</summary>
    public async Task NotifyAsync(Guid userId, string title, string message, NotificationType type = NotificationType.Info,
        NotificationPriority priority = NotificationPriority.Normal, string? actionUrl = null, string? actionText = null, Guid? dealerId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification
        {
            UserId = userId, DealerId = dealerId, Title = title, Message = message, Type = type, Priority = priority,
            ActionUrl = actionUrl, ActionText = actionText, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
