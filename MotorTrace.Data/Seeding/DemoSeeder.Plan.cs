using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Seeding;

/// <summary>
/// The plan of every visit of a dealer, drawn before anything is written so work orders and invoices can be
/// numbered in date order: years of closed history, this week's live workshop in every status, today's
/// bookings and the next three weeks' appointments.
/// </summary>
public sealed partial class DemoSeeder
{
    private enum VisitKind { Periodic, Repair, Warranty, Recall }

    /// <summary>One service line as planned: from a canned service, or an ad-hoc warranty or recall job.</summary>
    private sealed record ServicePlan(CannedSeed? Canned, string Description, string HistoryType, decimal Price,
        IReadOnlyList<LaborSeed> Labor, IReadOnlyList<(string Category, bool Required)> Parts)
    {
        public string? Code => Canned?.Info.Code;
    }

    private sealed class Visit
    {
        public required VehicleSeed Vehicle { get; init; }
        public required VisitKind Kind { get; init; }
        public DateTime OpenedAt { get; set; }

        /// <summary>Null: no work order (a booking still to come, cancelled or missed).</summary>
        public WorkOrderStatus? Status { get; set; }

        /// <summary>Null: a walk-in without a booking.</summary>
        public AppointmentStatus? Appointment { get; set; }
        public List<ServicePlan> Services { get; } = [];
        public string? Complaint { get; set; }
        public LaborSeed? ExtraLabor { get; set; }
        public bool Live { get; init; }
        public int Odometer { get; set; }
        public DateTime? PromisedAt { get; set; }
        public DateTime? ReadyAt { get; set; }
        public DateTime? InvoicedAt { get; set; }
        public DateTime? ClosedAt { get; set; }
        public string? WorkOrderNumber { get; set; }
        public string? InvoiceNumber { get; set; }
        public string? VoidedInvoiceNumber { get; set; }
        public bool Refund { get; set; }
        public bool FailedPayment { get; set; }
        public bool DemoBalance { get; set; }
        public string? CancellationReason { get; set; }

        public int WorkMinutes => Services.Sum(s => s.Labor.Sum(l => l.Info.Minutes)) + (ExtraLabor?.Info.Minutes ?? 0);
    }

    private static readonly string[] CancellationReasons =
    [
        "Customer travelling; will rebook next week.", "Car sold before the service date.", "Rescheduled by the customer.",
        "Customer had the car serviced elsewhere.", "Customer unwell; asked to call back.",
    ];

    private void PlanVisits(DealerSeed d)
    {
        var windowStart = _now.AddYears(-d.Scale.Years);
        // Natural history ends two days ago; the last days belong to the live workload planned below.
        var historyEnd = AtLocal(d, d.Today.AddDays(-2), 0);
        foreach (var v in d.Vehicles) PlanHistory(d, v, windowStart, historyEnd);

        var worked = d.Visits.Count(v => v.Status is not null);
        d.VisitsPerDay = Math.Max(1.0, worked / Math.Max(1.0, (historyEnd - windowStart).TotalDays));

        PlanMissedAppointments(d);
        PlanLiveWorkload(d);
        PlanToday(d);
        PlanFuture(d);
        NumberVisits(d);
    }

    private void PlanHistory(DealerSeed d, VehicleSeed v, DateTime windowStart, DateTime historyEnd)
    {
        var dates = new List<(DateTime At, VisitKind Kind)>();
        var interval = Math.Clamp(10000 / v.KmPerDay, 150, 365);
        var due = v.DeliveredAt.AddDays(interval * (0.85 + 0.2 * _random.NextDouble()));
        while (due < historyEnd)
        {
            if (due >= windowStart && Chance(v.Loyalty)) dates.Add((due.AddDays(Between(-10, 10)), VisitKind.Periodic));
            due = due.AddDays(interval * (0.9 + 0.2 * _random.NextDouble()));
        }

        var from = v.DeliveredAt.AddDays(60) > windowStart ? v.DeliveredAt.AddDays(60) : windowStart;
        var span = (historyEnd - from).TotalDays;
        if (span > 0)
        {
            for (var year = 0; year < Math.Ceiling(span / 365); year++)
                if (Chance(0.02 + 0.06 * v.Loyalty)) dates.Add((from.AddDays(_random.NextDouble() * span), VisitKind.Repair));
            // Warranty: four years from delivery.
            var warrantyEnd = v.DeliveredAt.AddYears(4);
            if (warrantyEnd > from && Chance(0.03 * span / 365))
            {
                var until = warrantyEnd < historyEnd ? warrantyEnd : historyEnd;
                dates.Add((from.AddDays(_random.NextDouble() * (until - from).TotalDays), VisitKind.Warranty));
            }
            if (v.Model.Model is "Polo" or "Vento" && v.Year is >= 2019 and <= 2021 && Chance(0.4 * v.Loyalty + 0.1))
                dates.Add((from.AddDays(_random.NextDouble() * span), VisitKind.Recall));
        }

        DateTime? previous = null;
        foreach (var (at, kind) in dates.OrderBy(x => x.At))
        {
            if (at >= historyEnd || at < v.DeliveredAt || (previous is { } p && (at - p).TotalDays < 20)) continue;
            previous = at;
            var visit = new Visit { Vehicle = v, Kind = kind, OpenedAt = Slot(d, LocalDay(d, at)) };
            if (visit.OpenedAt >= historyEnd) continue;
            ChooseServices(d, visit);
            visit.Appointment = Chance(0.72) ? AppointmentStatus.Completed : null;
            visit.Status = Chance(0.025) ? WorkOrderStatus.Cancelled
                : (historyEnd - at).TotalDays < 20 && Chance(0.02) ? WorkOrderStatus.Invoiced
                : WorkOrderStatus.Closed;
            PlanTimes(d, visit);
            d.Visits.Add(visit);
            if (visit.Status == WorkOrderStatus.Closed) RecordDone(visit);

            if (visit.Appointment is not null && Chance(0.07))
            {
                // The booking before this one fell through, and the customer came a few days later.
                var missed = new Visit
                {
                    Vehicle = v, Kind = kind, OpenedAt = Slot(d, LocalDay(d, at).AddDays(-Between(3, 10))),
                    Appointment = Chance(0.55) ? AppointmentStatus.Cancelled : AppointmentStatus.NoShow,
                };
                missed.Services.AddRange(visit.Services.Take(1));
                if (missed.Appointment == AppointmentStatus.Cancelled) missed.CancellationReason = Pick(CancellationReasons);
                d.Visits.Add(missed);
            }
        }
    }

    /// <summary>Ready, invoiced and closed times of a finished visit: the work takes its book time plus waiting, within shop hours.</summary>
    private void PlanTimes(DealerSeed d, Visit visit)
    {
        var opened = visit.OpenedAt;
        var day = LocalDay(d, opened);
        visit.Odometer = visit.Vehicle.Odometer(opened);
        if (visit.Status == WorkOrderStatus.Cancelled)
        {
            visit.ClosedAt = opened.AddMinutes(Between(90, 240));
            return;
        }
        var ready = opened.AddMinutes(30 + visit.WorkMinutes * 1.25 + Between(0, 90));
        if (LocalDay(d, ready) != day || LocalMinute(d, ready) > ShopClosesMinute - 15)
            ready = AtLocal(d, day.AddDays(1), 10 * 60 + Between(0, 12) * 15);
        visit.PromisedAt = LocalDay(d, ready) == day ? AtLocal(d, day, 17 * 60 + 30) : AtLocal(d, day.AddDays(1), 13 * 60);
        visit.ReadyAt = ready;
        if (visit.Status is WorkOrderStatus.Invoiced or WorkOrderStatus.Closed)
            visit.InvoicedAt = ready.AddMinutes(Between(10, 40));
        if (visit.Status == WorkOrderStatus.Closed)
            visit.ClosedAt = Chance(0.8)
                ? visit.InvoicedAt!.Value.AddMinutes(Between(20, 150))
                : AtLocal(d, LocalDay(d, ready).AddDays(1), 10 * 60 + Between(0, 10) * 15);
    }

    private static void RecordDone(Visit visit)
    {
        foreach (var service in visit.Services)
            if (service.Code is { } code) visit.Vehicle.LastDone[code] = (visit.ReadyAt ?? visit.OpenedAt, visit.Odometer);
    }

    private static DateTime LastOf(VehicleSeed v, params string[] codes)
    {
        var last = v.DeliveredAt;
        foreach (var code in codes)
            if (v.LastDone.TryGetValue(code, out var done) && done.At > last) last = done.At;
        return last;
    }

    private static int LastKmOf(VehicleSeed v, params string[] codes)
    {
        var km = 0;
        foreach (var code in codes)
            if (v.LastDone.TryGetValue(code, out var done) && done.Km > km) km = done.Km;
        return km;
    }

    private void ChooseServices(DealerSeed d, Visit visit)
    {
        var v = visit.Vehicle;
        var at = visit.OpenedAt;
        var odometer = v.Odometer(at);
        void AddCanned(string code)
        {
            if (d.Canned.TryGetValue(code, out var c) && visit.Services.All(s => s.Code != code))
                visit.Services.Add(new ServicePlan(c, c.Info.Name, c.Info.Category ?? "Service", c.Price, c.Steps, c.Info.Parts));
        }

        switch (visit.Kind)
        {
            case VisitKind.Periodic:
                {
                    var milestone = Math.Max(1, (int)Math.Round(odometer / 10000.0));
                    var main = milestone % 4 == 0 ? "PMS-40" : milestone % 2 == 0 ? "PMS-20" : Chance(0.12) ? "EXP-OIL" : "PMS-10";
                    AddCanned(main);
                    var month = TimeZoneInfo.ConvertTimeFromUtc(at, d.Zone).Month;
                    if (main != "PMS-40" && (at - LastOf(v, "BRK-FL", "PMS-40")).TotalDays > 700 && Chance(0.7)) AddCanned("BRK-FL");
                    if (Chance(month is >= 3 and <= 5 ? 0.3 : 0.08)) AddCanned("AC-SVC");
                    if (Chance(0.22)) AddCanned("ALN-BAL");
                    if (odometer - LastKmOf(v, "BRK-F", "BRK-FD") > 30000 && Chance(0.45)) AddCanned(Chance(0.3) ? "BRK-FD" : "BRK-F");
                    if (v.IsAutomatic && odometer - LastKmOf(v, "DSG") >= 60000 && Chance(0.6)) AddCanned("DSG");
                    if (month is >= 5 and <= 7 && Chance(0.25)) AddCanned("MON");
                    if (v.EngineGroup == "Tdi" && odometer - LastKmOf(v, "TB") >= 115000 && Chance(0.7)) AddCanned("TB");
                    if ((at - v.DeliveredAt).TotalDays > 5 * 365 && !v.LastDone.ContainsKey("COOL") && Chance(0.2)) AddCanned("COOL");
                    if ((at - v.DeliveredAt).TotalDays > 3 * 365 && (at - LastOf(v, "BAT")).TotalDays > 3 * 365 && Chance(0.08)) AddCanned("BAT");
                    visit.Complaint = $"Periodic service due at {milestone * 10000:N0} km.";
                    if (Chance(0.15))
                    {
                        string[] extras = ["WASH", "WHL-ROT", "LAMP", "WIPER", "DIAG"];
                        var code = Pick(extras);
                        if (d.Labor.TryGetValue(code, out var labor) && visit.Services.All(s => s.Labor.All(l => l.Info.Code != code)))
                            visit.ExtraLabor = labor;
                    }
                    break;
                }
            case VisitKind.Repair:
                {
                    var options = RepairComplaints.Where(r => d.Canned.ContainsKey(r.Service)
                        && (r.Service != "DSG" || v.IsAutomatic) && (r.Service != "CLU" || !v.IsAutomatic)).ToList();
                    var (complaint, service) = Pick(options);
                    visit.Complaint = complaint;
                    AddCanned(service);
                    if (service != "DIAG" && Chance(0.2)) AddCanned("DIAG");
                    break;
                }
            case VisitKind.Warranty:
                {
                    var (complaint, fix, category, laborCode) = Pick(WarrantyComplaints);
                    var labor = d.Labor[laborCode];
                    visit.Complaint = complaint;
                    visit.Services.Add(new ServicePlan(null, fix, "Warranty repair", labor.PriceFor(labor.Info.Minutes), [labor],
                        category is null ? [] : [(category, true)]));
                    break;
                }
            case VisitKind.Recall:
                {
                    var labor = d.Labor["SW-UPD"];
                    visit.Complaint = "Recall letter received: campaign 24VW07.";
                    visit.Services.Add(new ServicePlan(null, "Recall campaign 24VW07: engine control unit software update", "Recall",
                        labor.PriceFor(labor.Info.Minutes), [labor], []));
                    break;
                }
        }
    }

    /// <summary>A cancelled and a missed booking in the last days, whatever the scale, so both statuses are always on screen.</summary>
    private void PlanMissedAppointments(DealerSeed d)
    {
        foreach (var (status, daysAgo) in new[] { (AppointmentStatus.Cancelled, 3), (AppointmentStatus.NoShow, 1) })
        {
            var v = FreeVehicle(d);
            var visit = new Visit { Vehicle = v, Kind = VisitKind.Periodic, OpenedAt = Slot(d, d.Today.AddDays(-daysAgo)), Appointment = status };
            ChooseServices(d, visit);
            if (status == AppointmentStatus.Cancelled) visit.CancellationReason = Pick(CancellationReasons);
            d.Visits.Add(visit);
        }
    }

    private VehicleSeed FreeVehicle(DealerSeed d, Func<VehicleSeed, bool>? also = null)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var v = Pick(d.Vehicles);
            if (!v.Busy && !v.Booked && v.Status is VehicleStatus.Active && v.Customer.UserId is null && (also?.Invoke(v) ?? true)) return v;
        }
        return d.Vehicles.FirstOrDefault(v => !v.Busy && !v.Booked && v.Customer.UserId is null) ?? Pick(d.Vehicles);
    }

    /// <summary>
    /// The workshop as it stands now: work orders opened in the last days in every status, scaled to the
    /// dealer's daily volume, with the demo technician holding several open jobs and the demo customer an
    /// estimate to approve and a balance to pay.
    /// </summary>
    private void PlanLiveWorkload(DealerSeed d)
    {
        var r = d.VisitsPerDay;
        int Count(double share, int minimum) => Math.Max(minimum, (int)Math.Round(r * share));
        (WorkOrderStatus Status, int Count)[] plan =
        [
            (WorkOrderStatus.Draft, Count(0.1, 1)), (WorkOrderStatus.Open, Count(0.2, 2)), (WorkOrderStatus.Estimate, Count(0.2, 2)),
            (WorkOrderStatus.AwaitingApproval, Count(0.3, 2)), (WorkOrderStatus.Approved, Count(0.3, 2)),
            (WorkOrderStatus.InProgress, Count(0.8, 3)), (WorkOrderStatus.WaitingForParts, Count(0.4, 2)),
            (WorkOrderStatus.QualityCheck, Count(0.2, 2)), (WorkOrderStatus.Completed, Count(0.3, 2)),
            (WorkOrderStatus.Invoiced, Count(0.3, 2)), (WorkOrderStatus.Closed, Count(0.2, 1)), (WorkOrderStatus.Cancelled, 1),
        ];

        if (d.Customers.FirstOrDefault(c => c.UserId is not null) is { Vehicles.Count: >= 2 } demo)
        {
            AddLive(d, demo.Vehicles[0], WorkOrderStatus.AwaitingApproval, VisitKind.Periodic);
            AddLive(d, demo.Vehicles[1], WorkOrderStatus.Invoiced, VisitKind.Repair).DemoBalance = true;
        }
        foreach (var (status, count) in plan)
            for (var i = 0; i < count; i++)
            {
                var roll = _random.NextDouble();
                var kind = roll < 0.15 ? VisitKind.Warranty : roll < 0.4 ? VisitKind.Repair : VisitKind.Periodic;
                var v = FreeVehicle(d, kind == VisitKind.Warranty ? x => x.DeliveredAt > _now.AddYears(-4) : null);
                if (kind == VisitKind.Warranty && v.DeliveredAt <= _now.AddYears(-4)) kind = VisitKind.Repair;
                AddLive(d, v, status, kind);
            }
    }

    private Visit AddLive(DealerSeed d, VehicleSeed v, WorkOrderStatus status, VisitKind kind)
    {
        var daysAgo = status switch
        {
            WorkOrderStatus.Draft or WorkOrderStatus.Open => 0,
            WorkOrderStatus.Estimate or WorkOrderStatus.AwaitingApproval or WorkOrderStatus.Approved => Chance(0.7) ? 0 : 1,
            WorkOrderStatus.InProgress or WorkOrderStatus.QualityCheck => Chance(0.6) ? 0 : 1,
            WorkOrderStatus.WaitingForParts => Between(1, 4),
            WorkOrderStatus.Completed => Chance(0.5) ? 0 : 1,
            _ => Between(1, 2),
        };
        var visit = new Visit { Vehicle = v, Kind = kind, Status = status, Live = true, OpenedAt = PastSlot(d, daysAgo) };
        ChooseServices(d, visit);
        visit.Odometer = v.Odometer(visit.OpenedAt);
        visit.Appointment = Chance(0.65)
            ? status is WorkOrderStatus.Completed or WorkOrderStatus.Invoiced or WorkOrderStatus.Closed or WorkOrderStatus.Cancelled
                ? AppointmentStatus.Completed
                : AppointmentStatus.InProgress
            : null;

        var finished = status is WorkOrderStatus.QualityCheck or WorkOrderStatus.Completed or WorkOrderStatus.Invoiced or WorkOrderStatus.Closed;
        if (finished)
        {
            // Finished work needs time behind it: if today has too little, the car came in yesterday.
            var latest = _now.AddMinutes(-Between(20, 60) - (status == WorkOrderStatus.Closed ? 90 : status == WorkOrderStatus.Invoiced ? 45 : 0));
            var ready = visit.OpenedAt.AddMinutes(30 + visit.WorkMinutes * 1.2 + Between(0, 60));
            if (ready > latest)
            {
                if (latest < visit.OpenedAt.AddMinutes(60)) { visit.OpenedAt = PastSlot(d, daysAgo + 1); visit.Odometer = v.Odometer(visit.OpenedAt); }
                ready = ready > latest ? latest : ready;
                if (ready < visit.OpenedAt.AddMinutes(60)) ready = visit.OpenedAt.AddMinutes(60);
            }
            visit.ReadyAt = ready;
            if (status is WorkOrderStatus.Invoiced or WorkOrderStatus.Closed) visit.InvoicedAt = ready.AddMinutes(15);
            if (status == WorkOrderStatus.Closed) visit.ClosedAt = ready.AddMinutes(Between(40, 80));
        }
        if (status == WorkOrderStatus.Cancelled) visit.ClosedAt = visit.OpenedAt.AddMinutes(Between(60, 120));

        var openedDay = LocalDay(d, visit.OpenedAt);
        visit.PromisedAt = status switch
        {
            WorkOrderStatus.WaitingForParts => AtLocal(d, d.Today.AddDays(Between(1, 3)), 17 * 60),
            WorkOrderStatus.Draft or WorkOrderStatus.Open or WorkOrderStatus.Estimate or WorkOrderStatus.AwaitingApproval
                => AtLocal(d, Chance(0.5) ? d.Today : d.Today.AddDays(1), 16 * 60 + 30 + Between(0, 6) * 15),
            _ => openedDay < d.Today && Chance(0.3) ? AtLocal(d, openedDay, 17 * 60 + 30) : AtLocal(d, d.Today, 16 * 60 + Between(0, 8) * 15),
        };
        v.Busy = status is not (WorkOrderStatus.Closed or WorkOrderStatus.Cancelled);
        d.Visits.Add(visit);
        return visit;
    }

    /// <summary>Bookings for the rest of today (confirmed, one still to confirm) and one that did not turn up this morning.</summary>
    private void PlanToday(DealerSeed d)
    {
        var nowMinute = LocalMinute(d, _now);
        var firstFree = Math.Max(ShopOpensMinute, (nowMinute / 15 + 2) * 15);
        var later = Math.Max(0, (17 * 60 - firstFree) / 15);
        if (later > 0)
        {
            var count = Math.Max(3, (int)Math.Round(d.VisitsPerDay * 0.35));
            for (var i = 0; i < count; i++)
            {
                var v = FreeVehicle(d);
                var visit = new Visit
                {
                    Vehicle = v, Kind = Chance(0.7) ? VisitKind.Periodic : VisitKind.Repair,
                    OpenedAt = AtLocal(d, d.Today, firstFree + 15 * _random.Next(later + 1)),
                    Appointment = i == count - 1 ? AppointmentStatus.Pending : AppointmentStatus.Confirmed,
                };
                ChooseServices(d, visit);
                v.Booked = true;
                d.Visits.Add(visit);
            }
        }
        if (nowMinute >= ShopOpensMinute + 90)
        {
            var v = FreeVehicle(d);
            var missed = new Visit { Vehicle = v, Kind = VisitKind.Periodic, OpenedAt = AtLocal(d, d.Today, ShopOpensMinute + 30), Appointment = AppointmentStatus.NoShow };
            ChooseServices(d, missed);
            d.Visits.Add(missed);
        }
    }

    /// <summary>The next three weeks of bookings, fuller near today; the nearest ones are confirmed.</summary>
    private void PlanFuture(DealerSeed d)
    {
        if (d.Customers.FirstOrDefault(c => c.UserId is not null) is { Vehicles.Count: >= 2 } demo)
        {
            var visit = new Visit
            {
                Vehicle = demo.Vehicles[1], Kind = VisitKind.Periodic, OpenedAt = AtLocal(d, d.Today.AddDays(12), 10 * 60),
                Appointment = AppointmentStatus.Confirmed,
            };
            ChooseServices(d, visit);
            demo.Vehicles[1].Booked = true;
            d.Visits.Add(visit);
        }
        for (var day = 1; day <= 21; day++)
        {
            var expected = d.VisitsPerDay * 0.55 * (1 - day / 30.0);
            var count = (int)Math.Floor(expected + _random.NextDouble());
            if (day <= 7) count = Math.Max(count, 1);
            for (var i = 0; i < count; i++)
            {
                var v = FreeVehicle(d);
                var visit = new Visit
                {
                    Vehicle = v, Kind = Chance(0.75) ? VisitKind.Periodic : VisitKind.Repair, OpenedAt = Slot(d, d.Today.AddDays(day)),
                    Appointment = Chance(day <= 3 ? 0.85 : 0.5) ? AppointmentStatus.Confirmed : AppointmentStatus.Pending,
                };
                ChooseServices(d, visit);
                v.Booked = true;
                d.Visits.Add(visit);
            }
        }
    }

    /// <summary>
    /// Work orders and invoices are numbered per dealer in the order they were opened and issued, continuing
    /// from the dealer's earlier (unseeded) years; one invoice was voided and reissued, one card payment
    /// declined, one advance partly refunded.
    /// </summary>
    private void NumberVisits(DealerSeed d)
    {
        d.Visits.Sort((a, b) => a.OpenedAt.CompareTo(b.OpenedAt));
        var workOrder = Between(120, 480) * 10;
        foreach (var visit in d.Visits.Where(v => v.Status is not null))
            visit.WorkOrderNumber = $"WO-{d.Dealer.DealerCode}-{++workOrder:000000}"; // the format check-in numbers in (WorkOrderService.FormatNumber)

        var closed = d.Visits.Where(v => v.Status == WorkOrderStatus.Closed && v.Kind is VisitKind.Periodic or VisitKind.Repair).ToList();
        var recentClosed = closed.Where(v => v.OpenedAt > _now.AddDays(-60)).ToList();
        var pool = recentClosed.Count >= 3 ? recentClosed : closed;
        if (pool.Count >= 3)
        {
            pool[^1].Refund = true;
            pool[^2].FailedPayment = true;
            pool[^3].VoidedInvoiceNumber = "";
        }

        // Invoice numbers restart every year, as InvoiceService numbers them: INV-D001-2026-000123.
        _ = Between(60, 240); // the older numbering's random start: drawn still, so the rest of the demo data stays as it was
        var invoices = new Dictionary<int, int>();
        var code = d.Dealer.DealerCode;
        foreach (var visit in d.Visits.Where(v => v.InvoicedAt is not null).OrderBy(v => v.InvoicedAt))
        {
            var year = LocalDay(d, visit.InvoicedAt!.Value).Year;
            string Next() => $"INV-{code}-{year}-{invoices[year] = invoices.GetValueOrDefault(year) + 1:000000}";
            if (visit.VoidedInvoiceNumber is not null) visit.VoidedInvoiceNumber = Next();
            visit.InvoiceNumber = Next();
        }
    }
}
