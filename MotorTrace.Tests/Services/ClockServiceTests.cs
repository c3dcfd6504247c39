using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Workshop;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteClockServiceTests(SqliteFactory app) : ClockServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresClockServiceTests(PostgresFactory app) : ClockServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The technician's clock on <see cref="ClockService"/> and their queue on <see cref="WorkshopService"/>: one running clock
/// per technician, actual minutes from the on/pause/off spans, who may clock, the work order's status following the
/// clock, once-only taps.
/// </summary>
public abstract class ClockServiceTests(MotorTraceFactory app)
{
    private Task<ServiceResult<Guid>> AsAsync(string email, Func<ClockService, Task<ServiceResult<Guid>>> tap) => app.AsUserAsync(email, tap);

    private static void Ok(ServiceResult<Guid> result) => Assert.True(result.Succeeded, string.Join(" | ", result.Result.Errors));

    private static string Message(ServiceResult<Guid> result) => string.Join(" ", result.Result.Errors.Select(e => e.Message));

    [DatabaseFact]
    public async Task Clocking_onto_another_job_clocks_the_first_off_and_records_both_events()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (_, first) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);
        var (_, second) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);

        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(first[0], Guid.NewGuid())));
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(second[0], Guid.NewGuid())));

        Assert.Equal([ClockEventKind.On, ClockEventKind.Off], (await shop.EventsAsync(first[0])).Select(e => e.Kind));
        Assert.Equal([ClockEventKind.On], (await shop.EventsAsync(second[0])).Select(e => e.Kind));
        Assert.Equal(20, (await shop.LaborAsync(first[0])).ActualMinutes);
        var running = await app.WithDbAsync(db => ClockService.RunningLaborIdsAsync(db, shop.TechnicianId));
        Assert.Equal([second[0]], running);
    }

    [DatabaseFact]
    public async Task Actual_minutes_are_the_sum_of_the_on_to_pause_and_on_to_off_spans()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (workOrder, labor) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);

        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], Guid.NewGuid())));
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.PauseForPartsAsync(labor[0], Guid.NewGuid())));
        Assert.Equal(WorkOrderStatus.WaitingForParts, await shop.StatusAsync(workOrder));
        app.Clock.Advance(TimeSpan.FromHours(2)); // waiting for the part does not count
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], Guid.NewGuid())));
        Assert.Equal(WorkOrderStatus.InProgress, await shop.StatusAsync(workOrder));
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOffAsync(labor[0], Guid.NewGuid())));

        var line = await shop.LaborAsync(labor[0]);
        Assert.Equal(40, line.ActualMinutes);
        Assert.Equal([ClockEventKind.On, ClockEventKind.Pause, ClockEventKind.On, ClockEventKind.Off], (await shop.EventsAsync(labor[0])).Select(e => e.Kind));
        var card = Assert.Single(await app.AsUserAsync<WorkshopService, IReadOnlyList<WorkshopJob>>(WorkshopScenario.Technician, s => s.JobsAsync()), j => j.WorkOrderId == workOrder);
        Assert.Equal(40, card.Labor.Single().WorkedMinutes);
        Assert.False(card.Labor.Single().IsRunning);
    }

    [DatabaseFact]
    public async Task Only_the_assigned_technician_or_a_manager_clocks_a_line()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (_, labor) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.OtherTechnicianId, null);

        var someoneElse = await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], Guid.NewGuid()));
        var advisor = await AsAsync(WorkshopScenario.Advisor, c => c.ClockOnAsync(labor[0], Guid.NewGuid()));
        var unassigned = await AsAsync(WorkshopScenario.Manager, c => c.ClockOnAsync(labor[1], Guid.NewGuid()));
        var otherDealer = await AsAsync(WorkshopScenario.OtherDealerManager, c => c.ClockOnAsync(labor[0], Guid.NewGuid()));

        Assert.Contains("assigned to another technician", Message(someoneElse));
        Assert.Contains("Only technicians and managers", Message(advisor));
        Assert.Contains("Nobody is assigned", Message(unassigned));
        Assert.Contains("no longer on the work order", Message(otherDealer));
        Assert.Empty(await shop.EventsAsync(labor[0]));

        Ok(await AsAsync(WorkshopScenario.Manager, c => c.ClockOnAsync(labor[0], Guid.NewGuid())));
        var on = Assert.Single(await shop.EventsAsync(labor[0]));
        Assert.Equal(shop.OtherTechnicianId, on.TechnicianId); // the manager clocks the assigned technician on
    }

    [DatabaseFact]
    public async Task The_first_clock_on_starts_an_approved_work_order_and_records_the_step()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (workOrder, labor) = await shop.WorkOrderAsync(WorkOrderStatus.Approved, shop.TechnicianId);
        var (pending, pendingLabor) = await shop.WorkOrderAsync(WorkOrderStatus.AwaitingApproval, shop.TechnicianId);

        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], Guid.NewGuid())));
        var refused = await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(pendingLabor[0], Guid.NewGuid()));

        Assert.Equal(WorkOrderStatus.InProgress, await shop.StatusAsync(workOrder));
        var step = await app.WithDbAsync(db => db.WorkOrderStatusChanges.AsNoTracking().SingleAsync(c => c.WorkOrderId == workOrder));
        Assert.Equal((WorkOrderStatus.Approved, WorkOrderStatus.InProgress, shop.TechnicianId), (step.FromStatus, step.ToStatus, step.ChangedById!.Value));
        Assert.Equal(ServiceStatus.InProgress, (await shop.LaborAsync(labor[0])).Status);
        Assert.Contains("once the estimate is approved", Message(refused));
        Assert.Equal(WorkOrderStatus.AwaitingApproval, await shop.StatusAsync(pending));
    }

    [DatabaseFact]
    public async Task A_repeated_tap_with_the_same_request_id_records_one_clock_event()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (_, labor) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);
        var tap = Guid.NewGuid();

        var first = await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], tap));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOffAsync(labor[0], Guid.NewGuid())));
        var repeat = await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], tap)); // the same tap, after a reconnect

        Assert.Equal(first.Value, repeat.Value);
        Assert.Equal([ClockEventKind.On, ClockEventKind.Off], (await shop.EventsAsync(labor[0])).Select(e => e.Kind));
    }

    [DatabaseFact]
    public async Task A_completed_line_cannot_be_clocked_and_completing_stops_its_clock()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (_, labor) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);

        Ok(await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], Guid.NewGuid())));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.CompleteAsync(labor[0], Guid.NewGuid())));
        var again = await AsAsync(WorkshopScenario.Technician, c => c.ClockOnAsync(labor[0], Guid.NewGuid()));

        var line = await shop.LaborAsync(labor[0]);
        Assert.Equal((ServiceStatus.Completed, 30), (line.Status, line.ActualMinutes));
        Assert.NotNull(line.CompletedAt);
        Assert.Contains("complete: it cannot be clocked", Message(again));
        Assert.Equal([ClockEventKind.On, ClockEventKind.Off], (await shop.EventsAsync(labor[0])).Select(e => e.Kind));
    }

    [DatabaseFact]
    public async Task Parts_installed_and_notes_are_recorded_once_with_who_and_when()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (workOrder, labor) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);
        var partId = await app.WithDbAsync(db => db.WorkOrderParts.Where(p => p.WorkOrderId == workOrder).Select(p => p.Id).SingleAsync());
        var tap = Guid.NewGuid();

        Ok(await AsAsync(WorkshopScenario.Technician, c => c.MarkInstalledAsync(partId, tap)));
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.MarkInstalledAsync(partId, tap)));
        Ok(await AsAsync(WorkshopScenario.Technician, c => c.SaveNotesAsync(labor[0], "  Rear pads at 3 mm too.  ", Guid.NewGuid())));
        var stranger = await AsAsync(shop.OtherTechnician, c => c.MarkInstalledAsync(partId, Guid.NewGuid()));

        var part = await app.WithDbAsync(db => db.WorkOrderParts.AsNoTracking().SingleAsync(p => p.Id == partId));
        Assert.Equal(shop.TechnicianId, part.InstalledById);
        Assert.NotNull(part.InstalledAt);
        Assert.Equal("Rear pads at 3 mm too.", (await shop.LaborAsync(labor[0])).Notes);
        Assert.Contains("no labour on this work order", Message(stranger));
    }

    [DatabaseFact]
    public async Task My_jobs_shows_one_card_per_work_order_with_only_my_lines_and_the_job_page_answers_null_for_others()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (mine, mineLabor) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId, shop.TechnicianId, shop.OtherTechnicianId);
        var (notMine, _) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.OtherTechnicianId);
        var (done, _) = await shop.WorkOrderAsync(WorkOrderStatus.Completed, shop.TechnicianId);

        var jobs = await app.AsUserAsync<WorkshopService, IReadOnlyList<WorkshopJob>>(WorkshopScenario.Technician, s => s.JobsAsync());
        var card = Assert.Single(jobs, j => j.WorkOrderId == mine);
        Assert.Equal(mineLabor[..2].Order(), card.Labor.Select(l => l.Id).Order());
        Assert.DoesNotContain(jobs, j => j.WorkOrderId == notMine || j.WorkOrderId == done);

        Assert.NotNull(await app.AsUserAsync<WorkshopService, JobDetail?>(WorkshopScenario.Technician, s => s.JobAsync(mine)));
        Assert.Null(await app.AsUserAsync<WorkshopService, JobDetail?>(WorkshopScenario.Technician, s => s.JobAsync(notMine)));
        Assert.Null(await app.AsUserAsync<WorkshopService, JobDetail?>(WorkshopScenario.OtherDealerTechnician, s => s.JobAsync(mine)));
        Assert.Null(await app.AsUserAsync<WorkshopService, JobDetail?>(WorkshopScenario.OtherDealerManager, s => s.JobAsync(mine)));
        var managerView = await app.AsUserAsync<WorkshopService, JobDetail?>(WorkshopScenario.Manager, s => s.JobAsync(mine));
        Assert.Equal(3, managerView!.Card.Labor.Count);
    }

    [DatabaseFact]
    public async Task The_efficiency_view_puts_estimated_against_clocked_minutes_per_technician_and_line()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (_, labor) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.OtherTechnicianId);
        var from = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);

        Ok(await AsAsync(shop.OtherTechnician, c => c.ClockOnAsync(labor[0], Guid.NewGuid())));
        app.Clock.Advance(TimeSpan.FromMinutes(45));
        Ok(await AsAsync(shop.OtherTechnician, c => c.ClockOffAsync(labor[0], Guid.NewGuid())));

        var rows = await app.AsUserAsync<WorkshopService, IReadOnlyList<EfficiencyRow>>(WorkshopScenario.Manager,
            s => s.EfficiencyAsync(from, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), shop.OtherTechnicianId));
        var row = Assert.Single(rows);
        Assert.Equal(("Otto Other", "Labour 1", 60, 45), (row.Technician, row.Labor, row.EstimatedMinutes, row.ActualMinutes));
        Assert.Empty(await app.AsUserAsync<WorkshopService, IReadOnlyList<EfficiencyRow>>(WorkshopScenario.Technician,
            s => s.EfficiencyAsync(from, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1))));
    }
}
