using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Seeding;

/// <summary>
/// The dealer's inspection checklist (the technician starts inspections from it) and the clock events behind the demo's
/// labour times, so the manager's efficiency view shows real numbers.
/// </summary>
public sealed partial class DemoSeeder
{
    /// <summary>
    /// What fixes a finding of each checklist item: a canned service ("S:code") or a labour operation ("L:code"); items
    /// without one (a seat belt, the exhaust) are priced by the advisor. Alternatives, separated by a space, are tried in order:
    /// a dealer that does not sell the canned service still has the labour operation.
    /// </summary>
    private static readonly (string Item, string? Fix)[] ChecklistFixes =
    [
        ("Under the bonnet|Engine oil level and condition", "S:EXP-OIL"), ("Under the bonnet|Coolant level", "S:COOL"),
        ("Under the bonnet|Brake fluid level", "S:BRK-FL"), ("Under the bonnet|Battery terminals and charge", "S:BAT"),
        ("Under the bonnet|Drive belt condition", "L:BLT-PV"), ("Under the bonnet|Air filter", "L:PM-AIR"),
        ("Under the vehicle|Exhaust system and mountings", null), ("Under the vehicle|Drive shaft boots", null),
        ("Under the vehicle|Suspension bushes and links", "S:SUS L:SUS-LNK"), ("Under the vehicle|Leaks: oil, coolant, fuel", "L:DIAG"),
        ("Brakes|Front brake pads", "S:BRK-F"), ("Brakes|Rear brakes", null), ("Brakes|Brake discs", "S:BRK-FD L:BRK-DSC"),
        ("Lights and electrics|Headlamps, indicators and brake lights", "L:LAMP"), ("Lights and electrics|Wipers and washers", "L:WIPER"),
        ("Interior|AC cooling performance", "S:AC-SVC"), ("Interior|Cabin filter", "L:PM-CAB"), ("Interior|Seat belts and horn", null),
        ("Tyres and wheels|Uneven tyre wear (alignment)", "S:ALN-BAL"),
    ];

    private void SeedInspectionTemplate(DealerSeed d)
    {
        var at = _now.AddDays(-60);
        var template = Add(new InspectionTemplate
        {
            Id = NextGuid(), DealerId = d.Id, Name = "Multi-point inspection", IsActive = true, IncludesTyres = true, CreatedAt = at, UpdatedAt = at,
            CreatedById = d.Manager.Id, UpdatedById = d.Manager.Id,
        });
        for (var i = 0; i < ChecklistFixes.Length; i++)
        {
            var (item, fix) = ChecklistFixes[i];
            var bar = item.IndexOf('|');
            var choice = (fix ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f[2..] is var code && f[0] == 'S' ? (d.Canned.GetValueOrDefault(code)?.Id, (Guid?)null) : ((Guid?)null, d.Labor.GetValueOrDefault(code)?.Id))
                .FirstOrDefault(c => c.Item1 is not null || c.Item2 is not null);
            Add(new InspectionTemplateItem
            {
                Id = NextGuid(), DealerId = d.Id, TemplateId = template.Id, Sequence = i + 1, Section = item[..bar], Name = item[(bar + 1)..],
                CannedServiceId = choice.Item1, LaborCatalogId = choice.Item2,
            });
        }
    }

    /// <summary>
    /// On and off events for a labour line of the last month that was started: on at its start, off at its end (a running
    /// line only on). Ids are derived from the line's, so the seeded random stream, and everything drawn after, is unchanged.
    /// </summary>
    private void AddClockEvents(DealerSeed d, WorkOrderLabor labor)
    {
        if (labor.StartTime is not { } start || labor.TechnicianId is not { } technician || start < _now.AddDays(-30)) return;
        Add(new LaborClockEvent { Id = Derived(labor.Id, 1), DealerId = d.Id, LaborId = labor.Id, TechnicianId = technician, Kind = ClockEventKind.On, At = start });
        if (labor.EndTime is { } end)
            Add(new LaborClockEvent { Id = Derived(labor.Id, 2), DealerId = d.Id, LaborId = labor.Id, TechnicianId = technician, Kind = ClockEventKind.Off, At = end });
    }

    private static Guid Derived(Guid source, byte salt)
    {
        Span<byte> bytes = stackalloc byte[16];
        source.TryWriteBytes(bytes);
        bytes[15] ^= salt;
        bytes[14] ^= 0x5A;
        return new Guid(bytes);
    }
}
