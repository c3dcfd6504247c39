using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Seeding;

/// <summary>
/// What follows from the visits: the stock ledger of every part, each car's mileage totals, and the
/// service recommendations the maintenance schedule gives for each car today.
/// </summary>
public sealed partial class DemoSeeder
{
    /// <summary>
    /// Replays each part's issues in date order the way a parts manager runs the store: an opening count,
    /// a delivery ordered whenever stock falls to the reorder point (arriving two to five days later), an
    /// urgent order when a job needs more than is on the shelf. Levels are sized to the dealer's real usage,
    /// so the ledger always sums to the quantity on the shelf and never dips below zero.
    /// </summary>
    private async Task SaveStockLedgerAsync(DealerSeed d)
    {
        await FlushAsync();
        var opening = _now.AddYears(-d.Scale.Years).AddDays(-45);
        var months = d.Scale.Years * 12 + 1.5;
        var delivery = Between(100, 900);
        var code = d.Dealer.DealerCode;
        var store = d.PartsManager.Id;
        var levels = new List<(ItemSeed Item, int Quantity, int Min, int Max, int Reorder)>();

        foreach (var item in d.Items)
        {
            var issues = item.Issues.OrderBy(i => i.At).ToList();
            var monthly = issues.Sum(i => i.Quantity) / months;
            var perUse = item.Info.PerUse;
            var reorder = Math.Max(2, (int)Math.Ceiling(monthly * 0.6) + perUse);
            var max = Math.Max(reorder + 2 * perUse + 4, (int)Math.Ceiling(monthly * 2.5) + reorder);
            var quantity = 0;
            (DateTime At, int Quantity)? pending = null;

            void Receipt(DateTime at, int amount, string reason)
            {
                quantity += amount;
                Add(new StockMovement
                {
                    Id = NextGuid(), DealerId = d.Id, InventoryItemId = item.Id, Type = StockMovementType.Receipt, Quantity = amount,
                    QuantityAfter = quantity, UnitCost = item.Cost, Reference = $"GRN-{code}-{++delivery:000000}", Reason = reason,
                    CreatedAt = at, CreatedById = store,
                });
            }

            Receipt(opening, max, "Opening stock count.");
            foreach (var issue in issues)
            {
                if (pending is { } arriving && arriving.At <= issue.At)
                {
                    Receipt(arriving.At, arriving.Quantity, "Supplier delivery against the reorder.");
                    pending = null;
                }
                if (quantity < issue.Quantity)
                    Receipt(issue.At.AddMinutes(-Between(30, 90)), max - quantity, $"Urgent order for {issue.WorkOrderNumber}.");
                quantity -= issue.Quantity;
                Add(new StockMovement
                {
                    Id = NextGuid(), DealerId = d.Id, InventoryItemId = item.Id, Type = StockMovementType.Issue, Quantity = -issue.Quantity,
                    QuantityAfter = quantity, UnitCost = item.Cost, WorkOrderId = issue.WorkOrderId, WorkOrderPartId = issue.PartId,
                    Reference = issue.WorkOrderNumber, Reason = $"Issued to {issue.WorkOrderNumber}.", CreatedAt = issue.At, CreatedById = store,
                });
                if (quantity <= reorder && pending is null)
                    pending = (AtLocal(d, LocalDay(d, issue.At).AddDays(Between(2, 5)), 11 * 60 + Between(0, 16) * 15), max - quantity);
                await FlushIfFullAsync();
            }
            // A delivery due by now has arrived; a later one is still on order, so the part shows on the reorder list.
            if (pending is { } last && last.At <= _now) Receipt(last.At, last.Quantity, "Supplier delivery against the reorder.");
            levels.Add((item, quantity, Math.Max(1, reorder / 2), max, reorder));
        }

        // One part written off after a leak in the store: a real adjustment with its reason, leaving it out of stock.
        var damaged = levels.Where(l => l.Quantity > 0 && l.Item.Info.Category is "Coolant" or "Brake fluid" or "Engine oil").OrderBy(l => l.Item.Sku).FirstOrDefault();
        if (damaged.Item is { } written)
        {
            var lastMovement = written.Issues.Count > 0 ? written.Issues.Max(i => i.At) : opening;
            var at = lastMovement > _now.AddDays(-3) ? lastMovement.AddHours(1) : _now.AddDays(-3);
            Add(new StockMovement
            {
                Id = NextGuid(), DealerId = d.Id, InventoryItemId = written.Id, Type = StockMovementType.Adjustment, Quantity = -damaged.Quantity,
                QuantityAfter = 0, UnitCost = written.Cost, Reference = $"ADJ-{code}-{Between(100, 999)}",
                Reason = $"Stock count: {damaged.Quantity} units damaged by a roof leak in the store; written off.", CreatedAt = at, CreatedById = store,
            });
            levels[levels.IndexOf(damaged)] = damaged with { Quantity = 0 };
        }

        // Some parts had their reorder point raised for the season (more cars in before the monsoon), so
        // they show on the reorder list even where the dealer's own usage would not put them there.
        var raised = Math.Max(3, levels.Count / 10);
        foreach (var index in Enumerable.Range(0, levels.Count).OrderBy(_ => _random.Next()).Take(raised).ToList())
        {
            var level = levels[index];
            if (level.Quantity <= level.Reorder) continue;
            levels[index] = level with { Reorder = level.Quantity + Between(1, 4), Max = Math.Max(level.Max, level.Quantity + 12) };
        }

        await FlushAsync();
        foreach (var (item, quantity, min, max, reorder) in levels)
            await db.InventoryItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Quantity, quantity).SetProperty(i => i.MinStockLevel, min)
                .SetProperty(i => i.MaxStockLevel, max).SetProperty(i => i.ReorderPoint, reorder));
    }

    /// <summary>Each car's running mileage totals, then what the schedule says is due for it.</summary>
    private async Task SaveVehicleStateAsync(DealerSeed d)
    {
        foreach (var v in d.Vehicles)
        {
            if (v.LastReading is null)
            {
                // Never serviced here since the history began: the reading taken when the car was registered.
                var km = v.Odometer(v.DeliveredAt);
                Add(new MileageEntry
                {
                    Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, RecordedById = d.Advisors[0].Id, Mileage = km,
                    RecordedAt = v.DeliveredAt, Notes = "Odometer at registration.",
                });
                Reading(v, v.DeliveredAt, km);

                // The service reminders reach every owner: the last one asked for the odometer, so the car's record does not
                // stand at its delivery reading for years. The day comes from the car's own figures, not from the random
                // stream, so adding it leaves the rest of the demo as it was.
                var sinceFirstMonth = (int)(_now - v.DeliveredAt).TotalDays - 30;
                if (sinceFirstMonth > 10)
                {
                    var daysAgo = 7 + (int)(v.KmPerDay * 7) % Math.Min(150, sinceFirstMonth - 7);
                    var reportedAt = TimeZoneInfo.ConvertTimeToUtc(LocalDay(d, _now.AddDays(-daysAgo)).ToDateTime(new TimeOnly(11, 30)), d.Zone);
                    var reported = v.Odometer(reportedAt);
                    Add(new MileageEntry
                    {
                        Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, RecordedById = d.Advisors[0].Id, Mileage = reported,
                        RecordedAt = reportedAt, Notes = "Reported by the owner on a service reminder call.",
                    });
                    Reading(v, reportedAt, reported);
                }
            }
            var (_, firstKm) = v.FirstReading!.Value;
            var (lastAt, lastKm) = v.LastReading!.Value;
            var owner = v.Customer.UserId is not null;
            Add(new VehicleMileage
            {
                Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, CurrentMileage = lastKm, TotalDistance = lastKm - firstKm, LastUpdated = lastAt,
                TotalFuelUsed = owner ? Math.Round((decimal)((lastKm - firstKm) / (v.IsPetrol ? 14.5 : 19.0)), 2) : null,
                AverageEfficiency = owner ? (v.IsPetrol ? 14.5m : 19.0m) : null,
                LastLocationLat = owner ? (decimal)d.City.Latitude : null, LastLocationLng = owner ? (decimal)d.City.Longitude : null,
                LastLocationName = owner ? $"Fuel station, {d.City.Localities[0]}" : null,
            });

            if (v.Loyalty < 0.1 && Chance(0.1))
                Add(new VehicleServiceHistory
                {
                    Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, ServiceType = "Periodic maintenance", ServiceName = "Oil and filter change",
                    ServiceDate = LocalDay(d, _now.AddDays(-Between(30, 300))), ServiceMileage = v.Odometer(_now.AddDays(-120)),
                    Provider = $"{Pick(["Sai", "Balaji", "Ganesh", "Royal"])} Car Care, {Pick(d.City.Localities)}", Cost = RoundUp50((decimal)(2500 + 2000 * _random.NextDouble())),
                    Notes = "Reported by the customer: serviced at an outside workshop.",
                });
            SaveRecommendations(d, v);
            await FlushIfFullAsync();
        }
    }

    private static readonly Dictionary<string, string[]> RuleServices = new()
    {
        ["OIL-10K"] = ["PMS-10", "PMS-20", "PMS-40", "EXP-OIL"], ["AIR-20K"] = ["PMS-20", "PMS-40"], ["CABIN-15K"] = ["PMS-20", "PMS-40"],
        ["BRAKE-FLUID-24M"] = ["BRK-FL", "PMS-40"], ["SPARK-40K"] = ["PMS-40"], ["DSG-60K"] = ["DSG"], ["ALIGN-10K"] = ["ALN-BAL", "TYR"],
        ["TYRE-ROT-10K"] = ["MON"], ["COOLANT-5Y"] = ["COOL"], ["TBELT-120K"] = ["TB"], ["AC-12M"] = ["AC-SVC"], ["BRAKE-PAD-CHECK"] = ["BRK-F", "BRK-FD"],
    };

    private static readonly string[] DismissReasons =
    [
        "Customer will get it done at the next visit.", "Done recently at another workshop.", "Customer is selling the car.",
        "Customer declined: budget.",
    ];

    /// <summary>
    /// Due or nearly due rules for a car whose owner still comes here (lapsed owners' reminders have expired),
    /// at most two, the most urgent first.
    /// </summary>
    private void SaveRecommendations(DealerSeed d, VehicleSeed v)
    {
        if (v.Status is VehicleStatus.Sold or VehicleStatus.Inactive || (v.Loyalty < 0.1 && !Chance(0.15))) return;
        var odometer = v.Odometer(_now);
        var age = (_now - v.DeliveredAt).TotalDays;
        var multiplier = v.Condition == DrivingCondition.Severe ? 0.75 : 1.0;
        var due = new List<(RuleInfo Rule, int? DueKm, DateOnly? DueDate, DateTime LastAt, int LastKm, bool Overdue)>();

        foreach (var rule in Rules)
        {
            if (rule.Code == "SPARK-40K" && !v.IsPetrol) continue;
            if (rule.Code == "DSG-60K" && !v.IsAutomatic) continue;
            if (rule.Code == "TBELT-120K" && v.EngineGroup != "Tdi") continue;
            if (rule.Code == "COOLANT-5Y" && age < 4.5 * 365) continue;
            var codes = RuleServices[rule.Code];
            var lastAt = LastOf(v, codes);
            var lastKm = codes.Select(c => v.LastDone.TryGetValue(c, out var x) ? x.Km : 0).Max();
            if (rule.Type == ServiceRuleType.Condition)
            {
                if (v.Findings.Count == 0 || v.Findings.Max(f => f.At) < lastAt) continue;
                due.Add((rule, null, d.Today.AddDays(14), lastAt, lastKm, v.Findings.Any(f => f.Note.Red)));
                continue;
            }
            int? dueKm = rule.Km is { } km ? lastKm + (int)(km * multiplier) : null;
            DateOnly? dueDate = rule.Months is { } months ? LocalDay(d, lastAt.AddMonths((int)Math.Round(months * multiplier))) : null;
            var byKm = dueKm is { } k && odometer >= k - 1000;
            var byDate = dueDate is { } date && date <= d.Today.AddDays(30);
            if (!byKm && !byDate) continue;
            var overdue = (dueKm is { } k2 && odometer > k2) || (dueDate is { } date2 && date2 < d.Today);
            due.Add((rule, dueKm, dueDate, lastAt, lastKm, overdue));
        }

        foreach (var (rule, dueKm, dueDate, lastAt, lastKm, overdue) in due.OrderByDescending(x => x.Rule.Priority).ThenByDescending(x => x.Overdue).Take(2))
        {
            var service = RuleServices[rule.Code].Select(c => d.Canned.GetValueOrDefault(c)).FirstOrDefault(c => c is not null);
            var status = v.Loyalty < 0.1 ? RecommendationStatus.Expired
                : v.Booked ? RecommendationStatus.Scheduled
                : Chance(0.08) ? RecommendationStatus.Dismissed
                : RecommendationStatus.Pending;
            var triggered = dueDate is { } date ? AtLocal(d, date.AddDays(-30), 6 * 60) : _now.AddDays(-Between(1, 20));
            if (triggered > _now) triggered = _now.AddDays(-1);
            Add(new ServiceRecommendation
            {
                Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, RuleId = _network!.Rules[rule.Code], Status = status,
                Priority = overdue && rule.Priority < ServicePriority.Critical ? rule.Priority + 1 : rule.Priority, Severity = rule.Severity,
                TriggeredAt = triggered, CurrentMileage = odometer, DueMileage = dueKm, DueDate = dueDate,
                LastServiceDate = lastAt > v.DeliveredAt ? LocalDay(d, lastAt) : null, LastServiceMileage = lastKm > 0 ? lastKm : null,
                Reason = rule.Type == ServiceRuleType.Condition
                    ? "Front brake pads reported worn at the last inspection."
                    : $"{rule.Name}: due at {(dueKm is { } km ? $"{km:N0} km" : "")}{(dueKm is not null && dueDate is not null ? " or " : "")}{(dueDate is { } dd ? dd.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : "")}{(overdue ? " (overdue)" : "")}.",
                EstimatedCost = service is null ? null : Money(service.Price * (1 + TaxRate)),
                EstimatedDuration = service?.Duration,
                DismissedAt = status == RecommendationStatus.Dismissed ? _now.AddDays(-Between(1, 30)) : null,
                DismissedReason = status == RecommendationStatus.Dismissed ? Pick(DismissReasons) : null,
                ScheduledAt = status == RecommendationStatus.Scheduled ? _now.AddDays(-Between(1, 5)) : null,
                CreatedAt = triggered,
            });
        }

        // The oil change done at the last visit closed the reminder that came before it.
        if (v.LastDone.Keys.Intersect(RuleServices["OIL-10K"]).Any() && Chance(0.25))
        {
            var lastAt = LastOf(v, RuleServices["OIL-10K"]);
            Add(new ServiceRecommendation
            {
                Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, RuleId = _network!.Rules["OIL-10K"], Status = RecommendationStatus.Completed,
                Priority = ServicePriority.High, Severity = ServiceSeverity.Major, TriggeredAt = lastAt.AddDays(-25),
                CurrentMileage = v.Odometer(lastAt), Reason = "Engine oil and filter: due.", CompletedAt = lastAt, CreatedAt = lastAt.AddDays(-25),
            });
        }
    }
}
