namespace MotorTrace.Web.Components.Pages.Workshop;

/// <summary>
/// The request id of each tap on the tablet, per action (a line's "clock on", an item's verdict): made when the tap starts,
/// kept while the answer is outstanding or when the connection dropped before it came, so the repeat carries the same id
/// and the service does the action once; forgotten once the service answered, so the next tap is a new action.
/// </summary>
public sealed class TapRequests
{
    private readonly Dictionary<string, Guid> _pending = [];
    private readonly HashSet<string> _running = [];

    public bool IsBusy(string action) => _running.Contains(action);

    public bool AnyBusy => _running.Count > 0;

    /// <summary>Runs the tap once at a time per action; returns null when the same action is still running (a double tap).</summary>
    public async Task<T?> RunAsync<T>(string action, Func<Guid, Task<T>> tap) where T : class
    {
        if (!_running.Add(action)) return null;
        if (!_pending.TryGetValue(action, out var id)) _pending[action] = id = Guid.NewGuid();
        try
        {
            var result = await tap(id);
            _pending.Remove(action);
            return result;
        }
        finally
        {
            _running.Remove(action);
        }
    }
}
