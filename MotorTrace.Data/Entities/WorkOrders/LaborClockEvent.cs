using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// A technician clocking on, off or pausing one labour line (not in the seeds, which kept only start and end).
/// Actual minutes are the sum of the on→off/pause spans, so a job paused for parts counts only the work.
/// </summary>
public class LaborClockEvent : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid LaborId { get; set; }
    public WorkOrderLabor Labor { get; set; } = null!;
    public Guid TechnicianId { get; set; }
    public ClockEventKind Kind { get; set; }
    public DateTime At { get; set; }
}

public enum ClockEventKind
{
    On,
    Off,

    /// <summary>Stopped while waiting for parts; the job stays the technician's.</summary>
    Pause,
}
