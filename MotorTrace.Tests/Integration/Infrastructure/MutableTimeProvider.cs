namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>
/// The real clock plus an offset a test can move forward, so "after the check interval" needs no sleep.
/// Time keeps flowing between calls, which cookies and tokens expect.
/// </summary>
public sealed class MutableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
