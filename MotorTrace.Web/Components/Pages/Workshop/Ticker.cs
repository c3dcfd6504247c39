namespace MotorTrace.Web.Components.Pages.Workshop;

/// <summary>Calls back every period while a page is open, so its running clocks count up without a reload.</summary>
public sealed class Ticker(TimeSpan period) : IAsyncDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private PeriodicTimer? _timer;

    public void Start(Func<Task> onTick)
    {
        if (_timer is not null) return;
        _timer = new PeriodicTimer(period);
        _ = RunAsync(_timer, onTick);
    }

    private async Task RunAsync(PeriodicTimer timer, Func<Task> onTick)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token)) await onTick();
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { } // the circuit closed between two ticks
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _timer?.Dispose();
        _closing.Dispose();
    }
}
