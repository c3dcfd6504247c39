namespace MotorTrace.Web.Services;

/// <summary>What changed, for the open screens that show it: a user's notifications, or a dealer's front-desk day.</summary>
public abstract record LiveUpdate
{
    public sealed record NotificationsChanged(Guid UserId) : LiveUpdate;
    public sealed record AppointmentsChanged(Guid DealerId) : LiveUpdate;

    /// <summary>A work order of the dealer changed (status, a line approved, a technician clocked on): boards and open pages re-read.</summary>
    public sealed record WorkOrdersChanged(Guid DealerId, Guid WorkOrderId) : LiveUpdate;
}

/// <summary>
/// The in-process notifier behind live screens: a service publishes after it saved, every circuit showing that thing
/// re-reads it. One app instance only; with several instances behind a load balancer this becomes a SignalR backplane
/// (Redis) or PostgreSQL LISTEN/NOTIFY publisher (docs/architecture.md, "Scaling out").
/// </summary>
public sealed class LiveUpdates
{
    public event Func<LiveUpdate, Task>? Published;

    public async Task PublishAsync(LiveUpdate update)
    {
        if (Published is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<LiveUpdate, Task>>())
        {
            try { await handler(update); }
            catch (ObjectDisposedException) { } // a circuit that closed while we were publishing
        }
    }
}
