using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Seeding;

/// <summary>
/// Writes the planned visits: the booking, the work order with its service, labor and part lines as far as
/// its status has got, inspection, quality check, invoice, payments, odometer reading and service history.
/// </summary>
public sealed partial class DemoSeeder
{
    private const string PassedQcChecklist =
        """[{"item":"Road test","result":"pass"},{"item":"All approved work completed","result":"pass"},{"item":"No warning lights on the cluster","result":"pass"},{"item":"Fluid levels and no leaks","result":"pass"},{"item":"Wheel nuts torqued","result":"pass"},{"item":"Car cleaned, seat and floor covers removed","result":"pass"}]""";

    private const string FailedQcChecklist =
        """[{"item":"Road test","result":"fail","note":"Squeak from the front left on braking"},{"item":"All approved work completed","result":"pass"},{"item":"No warning lights on the cluster","result":"pass"},{"item":"Fluid levels and no leaks","result":"pass"},{"item":"Wheel nuts torqued","result":"pass"},{"item":"Car cleaned, seat and floor covers removed","result":"fail","note":"Floor mat still dirty"}]""";

    private static readonly string[] AppointmentNotes =
    [
        "Customer will wait in the lounge.", "Pick-up and drop requested.", "Call the customer before any extra work.",
        "Customer asked for the old parts back.", "Booked online through the portal.", "Second car of a regular customer.",
    ];

    private static readonly string[] InternalNotes =
    [
        "Check the rear brake noise on the road test.", "Fleet purchase order needed before invoicing.", "Courtesy car given.",
        "Customer very particular about the paintwork: cover the wings.", "Repeat visit: escalate to the foreman if it recurs.",
    ];

    private static readonly string[] Feedback =
    [
        "Quick service and the advisor explained every line of the bill.", "Car returned clean and on time. Thank you!",
        "Took longer than promised, but the problem is fixed.", "Happy with the pick-up and drop service.",
    ];

    private static readonly (string Reason, decimal Percent)[] DiscountReasons =
    [
        ("Loyalty discount for a regular customer", 0.05m), ("Festive offer", 0.10m), ("Goodwill after a repeat visit", 0.10m),
    ];

    private async Task SaveVisitsAsync(DealerSeed d)
    {
        foreach (var visit in d.Visits)
        {
            SaveVisit(d, visit);
            await FlushIfFullAsync();
        }
    }

    private StaffMember PickAdvisor(DealerSeed d) =>
        d.DemoAdvisor is { } demo && Chance(0.35) ? demo : Pick(d.Advisors);

    /// <summary>The demo technician holds several open jobs; other jobs are spread over the team.</summary>
    private StaffMember PickTechnician(DealerSeed d, bool openJob)
    {
        if (openJob && d.DemoTechnician is { } demo && (d.DemoTechnicianOpenJobs < 5 || Chance(0.25)))
        {
            d.DemoTechnicianOpenJobs++;
            return demo;
        }
        return Pick(d.Technicians);
    }

    private void SaveVisit(DealerSeed d, Visit visit)
    {
        var advisor = PickAdvisor(d);
        Guid? appointmentId = visit.Appointment is { } booking ? SaveAppointment(d, visit, advisor, booking) : null;
        if (visit.Status is not { } status) return;
        SaveWorkOrder(d, visit, status, advisor, appointmentId);
    }

    private Guid SaveAppointment(DealerSeed d, Visit visit, StaffMember advisor, AppointmentStatus status)
    {
        var start = visit.OpenedAt;
        var minutes = Math.Max(30, visit.Services.Sum(s => s.Canned?.Duration ?? s.Labor.Sum(l => l.Info.Minutes)));
        var end = start.AddMinutes(minutes);
        var closing = AtLocal(d, LocalDay(d, start), ShopClosesMinute);
        if (end > closing) end = closing;
        var requested = start.AddDays(-Between(1, 12)).AddMinutes(-Between(0, 600));
        if (requested > _now) requested = _now.AddMinutes(-Between(30, 600));
        DateTime? changed = status switch
        {
            AppointmentStatus.Pending => null,
            AppointmentStatus.Confirmed => requested.AddMinutes(Between(20, 300)),
            AppointmentStatus.Cancelled => start.AddHours(-Between(3, 30)),
            AppointmentStatus.NoShow => start.AddMinutes(120),
            _ => start,
        };
        if (changed > _now) changed = _now.AddMinutes(-5);
        if (changed < requested) changed = requested.AddMinutes(5);

        var appointment = Add(new Appointment
        {
            Id = NextGuid(), DealerId = d.Id, CustomerId = visit.Vehicle.Customer.Id, VehicleId = visit.Vehicle.Id, AssignedToId = advisor.Id,
            RequestedAt = requested, StartTime = start, EndTime = end, Status = status,
            Priority = visit.Kind == VisitKind.Repair && Chance(0.2) ? AppointmentPriority.High : Chance(0.05) ? AppointmentPriority.Low : AppointmentPriority.Normal,
            Notes = Chance(0.25) ? Pick(AppointmentNotes) : null, StatusChangedAt = changed, StatusChangedById = changed is null ? null : advisor.Id,
            CancellationReason = status == AppointmentStatus.Cancelled ? visit.CancellationReason ?? Pick(CancellationReasons) : null,
            CreatedAt = requested, UpdatedAt = changed ?? requested, CreatedById = advisor.Id,
        });
        foreach (var service in visit.Services.Where(s => s.Canned is not null).Take(3))
            Add(new AppointmentCannedService
            {
                Id = NextGuid(), DealerId = d.Id, AppointmentId = appointment.Id, CannedServiceId = service.Canned!.Id, Price = service.Price,
            });
        if (status is AppointmentStatus.Pending or AppointmentStatus.Confirmed) visit.Vehicle.Booked = true;
        return appointment.Id;
    }

    private void SaveWorkOrder(DealerSeed d, Visit visit, WorkOrderStatus status, StaffMember advisor, Guid? appointmentId)
    {
        var v = visit.Vehicle;
        var hasLines = status is not (WorkOrderStatus.Draft or WorkOrderStatus.Open);
        var approved = status is WorkOrderStatus.Approved or WorkOrderStatus.InProgress or WorkOrderStatus.WaitingForParts
            or WorkOrderStatus.QualityCheck or WorkOrderStatus.Completed or WorkOrderStatus.Invoiced or WorkOrderStatus.Closed;
        var finished = status is WorkOrderStatus.QualityCheck or WorkOrderStatus.Completed or WorkOrderStatus.Invoiced or WorkOrderStatus.Closed;
        var cancelled = status == WorkOrderStatus.Cancelled;
        var openJob = approved && !finished;
        var technician = PickTechnician(d, openJob);
        var opened = visit.OpenedAt;
        var approvedAt = Earlier(opened.AddMinutes(Between(40, 150)), _now.AddMinutes(-10));
        var warranty = visit.Kind is VisitKind.Warranty or VisitKind.Recall;
        var fleet = v.Customer.Company is not null;
        var workOrderId = NextGuid();

        // ---- lines -----------------------------------------------------------------------------------------
        decimal servicesTotal = 0, partsTotal = 0, proposed = 0;
        var invoiceLines = new List<InvoiceLineItem>();
        var history = new List<(string Type, string Name, decimal Cost)>();
        var holdIndex = status == WorkOrderStatus.WaitingForParts ? visit.Services.Count - 1 : -1;

        // Labor runs one job after another from half an hour after check-in, fitted to when the car was ready.
        var laborLines = visit.Services.SelectMany((s, i) => s.Labor.Select(l => (Service: i, Labor: l)))
            .Concat(visit.ExtraLabor is { } extra ? [(Service: -1, Labor: extra)] : []).ToList();
        var doneCount = status switch
        {
            WorkOrderStatus.InProgress => laborLines.Count / 2,
            WorkOrderStatus.WaitingForParts => laborLines.Count(l => l.Service != holdIndex),
            _ when finished => laborLines.Count,
            _ => 0,
        };
        var timelineStart = opened.AddMinutes(30);
        var timelineEnd = finished ? visit.ReadyAt!.Value.AddMinutes(-20) : _now.AddMinutes(-10);
        var needed = laborLines.Take(doneCount + (status == WorkOrderStatus.InProgress ? 1 : 0)).Sum(l => l.Labor.Info.Minutes + 5.0);
        var pace = needed <= 0 ? 1 : Math.Clamp((timelineEnd - timelineStart).TotalMinutes / needed, 0.2, finished ? 3 : 1.3);
        var clock = timelineStart;
        var serviceIds = new Guid[visit.Services.Count];
        var serviceRejected = new bool[visit.Services.Count];
        var serviceStarted = new bool[visit.Services.Count];
        var answered = new List<(EstimateLineKind Kind, Guid Id, string Description, int Quantity, decimal Amount, bool Declined, string? Notes)>();

        if (hasLines)
        {
            for (var i = 0; i < visit.Services.Count; i++)
            {
                var plan = visit.Services[i];
                var rejected = cancelled || (approved && i > 0 && i != holdIndex && !warranty && Chance(0.1));
                serviceRejected[i] = rejected;
                serviceIds[i] = NextGuid();
                proposed += plan.Price;
            }

            // Labor lines first, so each service knows whether its work has started.
            var laborRows = new List<(WorkOrderLabor Row, int Service)>();
            for (var k = 0; k < laborLines.Count; k++)
            {
                var (serviceIndex, labor) = laborLines[k];
                var rejected = serviceIndex >= 0 && serviceRejected[serviceIndex];
                var lineStatus = rejected || cancelled ? ServiceStatus.Cancelled
                    : !approved ? ServiceStatus.Pending
                    : status == WorkOrderStatus.WaitingForParts && serviceIndex == holdIndex ? ServiceStatus.OnHold
                    : k < doneCount ? ServiceStatus.Completed
                    : status == WorkOrderStatus.InProgress && k == doneCount && ClockOn(d, technician) ? ServiceStatus.InProgress
                    : ServiceStatus.Pending;
                DateTime? start = null, end = null;
                int? actual = null;
                if (lineStatus is ServiceStatus.Completed or ServiceStatus.InProgress)
                {
                    // The running job was clocked on this morning, even when the car came in yesterday.
                    start = lineStatus == ServiceStatus.InProgress && clock < _now.AddMinutes(-labor.Info.Minutes / 2.0)
                        ? _now.AddMinutes(-Between(5, Math.Max(6, labor.Info.Minutes / 2)))
                        : clock;
                    if (lineStatus == ServiceStatus.Completed)
                    {
                        actual = Math.Max(5, (int)Math.Round(labor.Info.Minutes * pace * (0.9 + 0.2 * _random.NextDouble())));
                        end = start.Value.AddMinutes(actual.Value);
                        clock = end.Value.AddMinutes(5);
                    }
                    if (serviceIndex >= 0) serviceStarted[serviceIndex] = true;
                }
                var row = Add(new WorkOrderLabor
                {
                    Id = NextGuid(), DealerId = d.Id, WorkOrderId = workOrderId, ServiceId = serviceIndex >= 0 ? serviceIds[serviceIndex] : null,
                    LaborCatalogId = labor.Id, TechnicianId = approved && !rejected ? technician.Id : null, Description = labor.Info.Name,
                    EstimatedMinutes = labor.Info.Minutes, StartTime = start, EndTime = end, ActualMinutes = actual, Status = lineStatus,
                    CompletedAt = lineStatus == ServiceStatus.Completed ? end : null,
                    Notes = lineStatus == ServiceStatus.OnHold ? "Waiting for the part from the regional parts centre." : null,
                    CreatedAt = opened.AddMinutes(15), UpdatedAt = end ?? start ?? opened.AddMinutes(15),
                });
                AddClockEvents(d, row);
                laborRows.Add((row, serviceIndex));
                if (serviceIndex < 0 && !cancelled)
                {
                    var price = labor.PriceFor(labor.Info.Minutes);
                    proposed += price;
                    servicesTotal += price;
                    invoiceLines.Add(new InvoiceLineItem { Type = LineItemType.Labor, Description = labor.Info.Name, UnitPrice = price, Subtotal = price, WorkOrderLaborId = row.Id });
                }
            }

            for (var i = 0; i < visit.Services.Count; i++)
            {
                var plan = visit.Services[i];
                var rejected = serviceRejected[i];
                var lines = laborRows.Where(l => l.Service == i).Select(l => l.Row.Status).ToList();
                var serviceStatus = rejected ? ServiceStatus.Cancelled
                    : lines.Count > 0 && lines.All(s => s == ServiceStatus.Completed) ? ServiceStatus.Completed
                    : lines.Contains(ServiceStatus.OnHold) ? ServiceStatus.OnHold
                    : lines.Contains(ServiceStatus.InProgress) || lines.Contains(ServiceStatus.Completed) ? ServiceStatus.InProgress
                    : ServiceStatus.Pending;
                if (approved || rejected) answered.Add((EstimateLineKind.Service, serviceIds[i], plan.Description, 1, plan.Price, rejected, rejected ? (cancelled ? "Too expensive right now; will come back." : "Will do it at the next service.") : null));
                Add(new WorkOrderService
                {
                    Id = serviceIds[i], DealerId = d.Id, WorkOrderId = workOrderId, CannedServiceId = plan.Canned?.Id, Description = plan.Description,
                    UnitPrice = plan.Price, Subtotal = plan.Price, CustomerApproved = approved && !rejected, CustomerRejected = rejected,
                    ApprovedAt = approved && !rejected ? approvedAt : null, RejectedAt = rejected ? approvedAt : null,
                    CustomerNotes = rejected ? (cancelled ? "Too expensive right now; will come back." : "Will do it at the next service.") : null,
                    Status = serviceStatus, CreatedAt = opened.AddMinutes(10), UpdatedAt = approved ? approvedAt : opened.AddMinutes(10),
                });
                if (!rejected)
                {
                    servicesTotal += plan.Price;
                    invoiceLines.Add(new InvoiceLineItem { Type = LineItemType.Service, Description = plan.Description, UnitPrice = plan.Price, Subtotal = plan.Price, WorkOrderServiceId = serviceIds[i] });
                    history.Add((plan.HistoryType, plan.Description, plan.Price));
                }

                foreach (var (category, required) in plan.Parts)
                {
                    if (!required && !Chance(0.4)) continue;
                    var part = ChoosePart(d, v, category, plan.Code);
                    if (part is null) continue;
                    var onHold = i == holdIndex;
                    var partRejected = rejected || (approved && !required && Chance(0.15));
                    var installed = !partRejected && !onHold && serviceStarted[i];
                    var installedAt = installed ? Earlier(timelineStart.AddMinutes(Between(10, 40)), _now.AddMinutes(-15)) : (DateTime?)null;
                    var stocked = d.ItemsByCategory.GetValueOrDefault(category)?.FirstOrDefault(x => x.Info == part);
                    var quantity = part.PerUse;
                    var lineTotal = part.Price * quantity;
                    proposed += lineTotal;
                    var row = Add(new WorkOrderPart
                    {
                        Id = NextGuid(), DealerId = d.Id, WorkOrderId = workOrderId, InventoryItemId = onHold ? null : stocked?.Id,
                        InstalledById = installed ? technician.Id : null, Description = part.Name, Quantity = quantity, UnitPrice = part.Price,
                        Subtotal = lineTotal, CustomerApproved = approved && !partRejected, CustomerRejected = partRejected,
                        ApprovedAt = approved && !partRejected ? approvedAt : null, RejectedAt = partRejected ? approvedAt : null,
                        Source = warranty ? PartSource.Warranty : onHold || stocked is null ? PartSource.Supplier : PartSource.Inventory,
                        SupplierName = onHold || stocked is null ? "SAVWIPL regional parts centre" : null,
                        SupplierInvoice = onHold || stocked is null ? $"PO-{d.Dealer.DealerCode}-{Between(10000, 99999)}" : null,
                        WarrantyInfo = warranty ? "Replaced under the manufacturer's warranty; old part tagged and kept for audit." : null,
                        Notes = onHold ? "Not in stock: ordered, expected in two days." : null, InstalledAt = installedAt,
                        CreatedAt = opened.AddMinutes(12), UpdatedAt = installedAt ?? opened.AddMinutes(12),
                    });
                    if (approved || partRejected) answered.Add((EstimateLineKind.Part, row.Id, part.Name, quantity, lineTotal, partRejected, null));
                    if (!partRejected)
                    {
                        partsTotal += lineTotal;
                        invoiceLines.Add(new InvoiceLineItem { Type = LineItemType.Part, Description = part.Name, Quantity = quantity, UnitPrice = part.Price, Subtotal = lineTotal, WorkOrderPartId = row.Id });
                    }
                    if (installed && stocked is not null && row.InventoryItemId is not null)
                        stocked.Issues.Add((installedAt!.Value, quantity, workOrderId, row.Id, visit.WorkOrderNumber!));
                }
            }

            // Now and then an accessory sold with a service.
            if (approved && visit.Kind == VisitKind.Periodic && Chance(0.03) && d.ItemsByCategory.TryGetValue("Accessories", out var accessories))
            {
                var item = Pick(accessories);
                var installedAt = finished || serviceStarted.Any(x => x) ? Earlier(timelineStart.AddMinutes(20), _now.AddMinutes(-15)) : (DateTime?)null;
                var row = Add(new WorkOrderPart
                {
                    Id = NextGuid(), DealerId = d.Id, WorkOrderId = workOrderId, InventoryItemId = item.Id, Description = item.Info.Name,
                    Quantity = 1, UnitPrice = item.Info.Price, Subtotal = item.Info.Price, CustomerApproved = true, ApprovedAt = approvedAt,
                    InstalledAt = installedAt, InstalledById = installedAt is null ? null : technician.Id, CreatedAt = opened.AddMinutes(12),
                });
                answered.Add((EstimateLineKind.Part, row.Id, item.Info.Name, 1, item.Info.Price, false, null));
                proposed += item.Info.Price;
                partsTotal += item.Info.Price;
                invoiceLines.Add(new InvoiceLineItem { Type = LineItemType.Part, Description = item.Info.Name, UnitPrice = item.Info.Price, Subtotal = item.Info.Price, WorkOrderPartId = row.Id });
                if (installedAt is { } at) item.Issues.Add((at, 1, workOrderId, row.Id, visit.WorkOrderNumber!));
            }
        }

        if (visit.Live) SaveApprovalEvidence(d, workOrderId, advisor, v.Customer.Name, approvedAt, answered);

        // ---- totals ----------------------------------------------------------------------------------------
        var subtotal = servicesTotal + partsTotal;
        var discountType = DiscountType.None;
        decimal discount = 0;
        string? discountReason = null;
        if (approved && subtotal > 0 && !warranty && (visit.VoidedInvoiceNumber is not null || (fleet ? Chance(0.6) : Chance(0.1))))
        {
            if (fleet)
            {
                (discountType, discount, discountReason) = (DiscountType.Fixed, Math.Min(500m, subtotal), "Corporate fleet agreement");
            }
            else
            {
                var (reason, percent) = Pick(DiscountReasons);
                (discountType, discount, discountReason) = (DiscountType.Percentage, Money(subtotal * percent), reason);
            }
        }
        var tax = Money((subtotal - discount) * TaxRate);
        var total = subtotal - discount + tax;

        // ---- warranty --------------------------------------------------------------------------------------
        var warrantyStatus = WarrantyStatus.None;
        string? claim = null, approval = null, campaign = null;
        if (visit.Kind == VisitKind.Warranty)
        {
            claim = $"WC-{d.Dealer.DealerCode}-{LocalDay(d, opened).Year}-{++d.ClaimSequence:00000}";
            warrantyStatus = status == WorkOrderStatus.Closed
                ? PickWeighted([WarrantyStatus.Approved, WarrantyStatus.Partial, WarrantyStatus.Rejected], w => w switch { WarrantyStatus.Approved => 85, WarrantyStatus.Partial => 10, _ => 5 })
                : status == WorkOrderStatus.Cancelled ? WarrantyStatus.Rejected : WarrantyStatus.Pending;
            if (warrantyStatus is WarrantyStatus.Approved or WarrantyStatus.Partial) approval = $"SAVWIPL-{Between(10000000, 99999999)}";
        }
        else if (visit.Kind == VisitKind.Recall)
        {
            campaign = "24VW07";
            warrantyStatus = status == WorkOrderStatus.Closed ? WarrantyStatus.Approved : WarrantyStatus.Pending;
        }

        var workOrder = Add(new WorkOrder
        {
            Id = workOrderId, DealerId = d.Id, WorkOrderNumber = visit.WorkOrderNumber!, CustomerId = v.Customer.Id, VehicleId = v.Id,
            AppointmentId = appointmentId, AdvisorId = advisor.Id, Status = status,
            JobType = visit.Kind switch
            {
                VisitKind.Warranty => JobType.Warranty,
                VisitKind.Recall => JobType.Recall,
                VisitKind.Repair => visit.Services.FirstOrDefault()?.Code == "DIAG" ? JobType.Diagnostic : JobType.Repair,
                _ => Chance(0.8) ? JobType.Service : JobType.Maintenance,
            },
            Priority = visit.Kind == VisitKind.Repair && Chance(0.25) ? (Chance(0.2) ? JobPriority.Urgent : JobPriority.High) : Chance(0.08) ? JobPriority.Low : JobPriority.Normal,
            Source = appointmentId is not null ? JobSource.Appointment
                : visit.Kind == VisitKind.Warranty ? JobSource.Warranty
                : visit.Kind == VisitKind.Recall ? JobSource.Recall
                : fleet ? JobSource.Fleet
                : Chance(0.15) ? JobSource.Phone : JobSource.WalkIn,
            Complaint = status == WorkOrderStatus.Draft && Chance(0.5) ? null : visit.Complaint,
            OdometerReading = visit.Odometer,
            WarrantyStatus = warrantyStatus,
            WarrantyClaimNumber = claim,
            ThirdPartyApprovalCode = approval,
            CampaignId = campaign,
            EstimatedTotal = hasLines ? Money(proposed * (1 + TaxRate)) : null,
            EstimateNotes = status == WorkOrderStatus.AwaitingApproval ? "Estimate sent to the customer by SMS and in the portal." : null,
            EstimateApproved = approved,
            SubtotalServices = servicesTotal,
            SubtotalParts = partsTotal,
            Subtotal = subtotal,
            DiscountAmount = discount,
            DiscountType = discountType,
            DiscountReason = discountReason,
            TaxAmount = tax,
            TotalAmount = total,
            OpenedAt = opened,
            PromisedAt = visit.PromisedAt,
            ClosedAt = visit.ClosedAt,
            WorkflowStep = status switch
            {
                WorkOrderStatus.Estimate => WorkflowStep.Estimate,
                WorkOrderStatus.AwaitingApproval => WorkflowStep.Approval,
                WorkOrderStatus.Approved or WorkOrderStatus.InProgress or WorkOrderStatus.WaitingForParts => WorkflowStep.Work,
                WorkOrderStatus.QualityCheck => WorkflowStep.QualityCheck,
                WorkOrderStatus.Completed or WorkOrderStatus.Invoiced => WorkflowStep.Invoice,
                WorkOrderStatus.Closed => WorkflowStep.Delivered,
                _ => WorkflowStep.Received,
            },
            InternalNotes = cancelled ? "Customer declined the estimate; car returned without the work." : Chance(0.08) ? Pick(InternalNotes) : null,
            CustomerNotes = v.Customer.Notes,
            CustomerFeedback = status == WorkOrderStatus.Closed && Chance(0.1) ? Pick(Feedback) : null,
            InvoiceNumber = visit.InvoiceNumber,
            FinalizedAt = visit.InvoicedAt,
            CreatedAt = opened,
            UpdatedAt = visit.ClosedAt ?? visit.InvoicedAt ?? visit.ReadyAt ?? (approved ? approvedAt : opened),
            CreatedById = advisor.Id,
        });

        if (status != WorkOrderStatus.Draft)
        {
            Add(new MileageEntry
            {
                Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, RecordedById = advisor.Id, Mileage = visit.Odometer,
                RecordedAt = opened, Notes = $"Odometer at check-in, {visit.WorkOrderNumber}.",
            });
            Reading(v, opened, visit.Odometer);
        }

        if (visit.Live && status is not (WorkOrderStatus.Closed or WorkOrderStatus.Cancelled))
            d.RecentWorkOrders.Add((workOrderId, visit.WorkOrderNumber!, opened));

        var inspect = status is not (WorkOrderStatus.Draft or WorkOrderStatus.Cancelled) && Chance(visit.Live ? 0.6 : 0.08);
        if (inspect) SaveInspection(d, visit, workOrderId, technician, status == WorkOrderStatus.Open);
        if (finished) SaveQualityChecks(d, visit, workOrderId, status);

        if (visit.InvoiceNumber is not null)
        {
            var (paid, paymentStatus) = SaveInvoice(d, visit, workOrder, invoiceLines, advisor, claim, warrantyStatus);
            workOrder.PaidAmount = paid;
            workOrder.PaymentStatus = paymentStatus;
        }

        if (status == WorkOrderStatus.Closed)
        {
            var date = LocalDay(d, visit.ReadyAt ?? opened);
            foreach (var (type, name, cost) in history)
                Add(new VehicleServiceHistory
                {
                    Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, WorkOrderId = workOrderId, ServiceType = type, ServiceName = name,
                    ServiceDate = date, ServiceMileage = visit.Odometer, Provider = d.Dealer.Name, Cost = cost,
                    Notes = claim is not null ? $"Warranty claim {claim}." : null,
                });
        }
    }

    /// <summary>
    /// The customer's answers to the lines of the recent work orders, as the advisor recorded them (one evidence row per
    /// answered line). Ids and methods come from the line ids, not the random sequence, so the rest of the network stays as
    /// it was seeded before approval evidence existed.
    /// </summary>
    private void SaveApprovalEvidence(DealerSeed d, Guid workOrderId, StaffMember advisor, string customer, DateTime at,
        List<(EstimateLineKind Kind, Guid Id, string Description, int Quantity, decimal Amount, bool Declined, string? Notes)> answered)
    {
        foreach (var line in answered)
        {
            var bytes = line.Id.ToByteArray();
            bytes[0] ^= 0x5A; // a different id, the same for the same line
            Add(new WorkOrderLineApproval
            {
                Id = new Guid(bytes), DealerId = d.Id, WorkOrderId = workOrderId, LineKind = line.Kind, LineId = line.Id,
                Decision = line.Declined ? ApprovalDecision.Declined : ApprovalDecision.Approved,
                Method = (bytes[15] % 3) switch { 0 => ApprovalMethod.InPerson, 1 => ApprovalMethod.Phone, _ => ApprovalMethod.Portal },
                Description = line.Description, Quantity = line.Quantity, PriceShown = line.Amount, ApprovedByName = customer, Notes = line.Notes,
                RecordedById = advisor.Id, RecordedAt = at,
            });
        }
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>
    /// Whether a job can be running now: only in shop hours (technicians clock off overnight) and only one job
    /// per technician at a time.
    /// </summary>
    private bool ClockOn(DealerSeed d, StaffMember technician)
    {
        var minute = LocalMinute(d, _now);
        return minute is >= ShopOpensMinute + 15 and < ShopClosesMinute && d.ClockedOn.Add(technician.Id);
    }

    /// <summary>The part of a category that fits this car, from the dealer's stock or, if not stocked, from the reference list.</summary>
    private PartInfo? ChoosePart(DealerSeed d, VehicleSeed v, string category, string? serviceCode)
    {
        bool Fits(PartInfo p) => p.Fits switch
        {
            null => true,
            "Pq25" => v.Model.Platform == Platform.Pq25,
            "A0" => v.Model.Platform == Platform.A0,
            "Mqb" => v.Model.Platform == Platform.Mqb,
            "Petrol" => v.IsPetrol,
            var group => v.EngineGroup == group,
        };
        string? hint = category == "Shop supplies"
            ? serviceCode switch { "BRK-F" or "BRK-FD" => "Brake cleaner", "ALN-BAL" => "Wheel balancing", "AC-SVC" => "AC system", _ => "Windshield" }
            : null;
        bool Wanted(PartInfo p) => p.Category == category && Fits(p) && (hint is null || p.Name.StartsWith(hint, StringComparison.Ordinal));
        var stocked = d.ItemsByCategory.GetValueOrDefault(category)?.Select(i => i.Info).Where(Wanted).ToList();
        if (stocked is { Count: > 0 }) return Pick(stocked);
        var reference = Parts.Where(Wanted).ToList();
        return reference.Count > 0 ? Pick(reference) : null;
    }

    private void SaveInspection(DealerSeed d, Visit visit, Guid workOrderId, StaffMember technician, bool running)
    {
        var started = visit.OpenedAt.AddMinutes(15);
        var multiPoint = Chance(0.6);
        var checklist = multiPoint ? InspectionChecklist : [.. InspectionChecklist.Where((_, i) => i is 0 or 1 or 2 or 3 or 9 or 12 or 13 or 14)];
        var inspection = Add(new Entities.WorkOrders.WorkOrderInspection
        {
            Id = NextGuid(), DealerId = d.Id, WorkOrderId = workOrderId, InspectorId = technician.Id,
            Name = multiPoint ? "Multi-point inspection" : "Quick check at reception",
            TemplateName = multiPoint ? "VW/Skoda 16-point inspection" : "Reception 8-point check",
            Status = running ? InspectionStatus.InProgress : InspectionStatus.Completed, StartedAt = started,
            CompletedAt = running ? null : Earlier(started.AddMinutes(25), _now.AddMinutes(-5)), CreatedAt = started,
        });
        var wear = Math.Min(1.0, visit.Odometer / 120000.0);
        for (var i = 0; i < checklist.Length; i++)
        {
            var (section, name) = (checklist[i][..checklist[i].IndexOf('|')], checklist[i][(checklist[i].IndexOf('|') + 1)..]);
            var condition = running && i >= checklist.Length / 2 ? InspectionCondition.NotChecked
                : PickWeighted([InspectionCondition.Green, InspectionCondition.Yellow, InspectionCondition.Red],
                    c => c switch { InspectionCondition.Green => 85 - 20 * wear, InspectionCondition.Yellow => 11 + 14 * wear, _ => 2 + 4 * wear });
            Add(new WorkOrderInspectionItem
            {
                Id = NextGuid(), DealerId = d.Id, InspectionId = inspection.Id, Sequence = i + 1, Section = section, Name = name, Condition = condition,
                Notes = condition switch
                {
                    InspectionCondition.Yellow when name == "Front brake pads" => "Pads at 4 mm: replace within 5,000 km.",
                    InspectionCondition.Red when name == "Front brake pads" => "Pads at 2 mm: replace now.",
                    InspectionCondition.Yellow => "Wear noted: check again at the next service.",
                    InspectionCondition.Red => "Needs attention now; shown to the customer.",
                    _ => null,
                },
            });
            if (name == "Front brake pads" && condition is InspectionCondition.Yellow or InspectionCondition.Red)
                visit.Vehicle.Findings.Add((new InspectionConditionNote(name, condition == InspectionCondition.Red), started));
        }
        if (!multiPoint || !Chance(0.7)) return;
        var positions = Chance(0.25)
            ? new[] { TyrePosition.FrontLeft, TyrePosition.FrontRight, TyrePosition.RearLeft, TyrePosition.RearRight, TyrePosition.Spare }
            : [TyrePosition.FrontLeft, TyrePosition.FrontRight, TyrePosition.RearLeft, TyrePosition.RearRight];
        var baseTread = 7.5 - 5.5 * ((visit.Odometer % 45000) / 45000.0);
        foreach (var position in positions)
        {
            var tread = Math.Round((decimal)Math.Max(1.2, baseTread + (position == TyrePosition.Spare ? 2 : 0) - _random.NextDouble()), 1);
            Add(new WorkOrderTyreCheck
            {
                Id = NextGuid(), DealerId = d.Id, InspectionId = inspection.Id, Position = position, TreadDepthMm = tread,
                PressurePsi = Math.Round((decimal)(30 + 6 * _random.NextDouble()), 1),
                Condition = tread < 1.6m ? InspectionCondition.Red : tread < 3m ? InspectionCondition.Yellow : InspectionCondition.Green,
                Notes = tread < 1.6m ? "Below the legal limit of 1.6 mm: replace." : tread < 3m ? "Plan replacement soon." : null,
            });
        }
    }

    private void SaveQualityChecks(DealerSeed d, Visit visit, Guid workOrderId, WorkOrderStatus status)
    {
        var checkedAt = (visit.ReadyAt ?? _now).AddMinutes(-10);
        var failedFirst = status == WorkOrderStatus.QualityCheck ? Chance(0.5) : Chance(0.04);
        if (failedFirst)
            Add(new WorkOrderQc
            {
                Id = NextGuid(), DealerId = d.Id, WorkOrderId = workOrderId, CheckedById = d.Foreman.Id, Passed = false,
                Checklist = FailedQcChecklist, Notes = "Sent back to the bay: brake squeak and interior not clean.",
                CheckedAt = checkedAt.AddMinutes(-45),
            });
        if (status != WorkOrderStatus.QualityCheck)
            Add(new WorkOrderQc
            {
                Id = NextGuid(), DealerId = d.Id, WorkOrderId = workOrderId, CheckedById = d.Foreman.Id, Passed = true,
                Checklist = PassedQcChecklist, CheckedAt = checkedAt,
            });
    }

    /// <summary>
    /// The demo dealers keep the default settings (no settings row): tax at <see cref="TaxRate"/> added on top of the prices,
    /// which is how the demo's work orders and invoices compute it, so the invoices' frozen flag and their terms say the same.
    /// </summary>
    private static readonly Entities.Network.DealerSettings DemoDealerSettings = new();

    /// <summary>The terms printed on a demo invoice, in the words of its dealer's tax setting.</summary>
    private static string InvoiceTerms(bool taxInclusive) =>
        $"Payment due within 7 days. GST {TaxRate * 100m:0.##}% {(taxInclusive ? "included in the prices shown" : "added to the prices shown")}. "
        + "Parts warranty as per manufacturer policy.";

    private (decimal Paid, PaymentStatus Status) SaveInvoice(DealerSeed d, Visit visit, WorkOrder workOrder, List<InvoiceLineItem> lines,
        StaffMember advisor, string? claim, WarrantyStatus warrantyStatus)
    {
        var issuedAt = visit.InvoicedAt!.Value;
        var issueDate = LocalDay(d, issuedAt);
        var subtotalServices = lines.Where(l => l.Type == LineItemType.Service).Sum(l => l.Subtotal);
        var subtotalLabor = lines.Where(l => l.Type == LineItemType.Labor).Sum(l => l.Subtotal);
        var subtotalParts = lines.Where(l => l.Type == LineItemType.Part).Sum(l => l.Subtotal);
        var terms = InvoiceTerms(DemoDealerSettings.TaxInclusive);
        var customerPays = (claim is null && visit.Kind != VisitKind.Recall) || warrantyStatus == WarrantyStatus.Rejected;
        var payer = customerPays ? LinePayer.Customer : LinePayer.Warranty;

        if (visit.VoidedInvoiceNumber is { } voided)
        {
            // Issued first without the agreed discount, voided, and reissued with it.
            var voidTax = Money(workOrder.Subtotal * TaxRate);
            var voidInvoice = Add(new Invoice
            {
                Id = NextGuid(), DealerId = d.Id, InvoiceNumber = voided, WorkOrderId = workOrder.Id, IssueDate = issueDate,
                DueDate = issueDate.AddDays(7), Status = InvoiceStatus.Void, SubtotalServices = subtotalServices, SubtotalLabor = subtotalLabor,
                SubtotalParts = subtotalParts, Subtotal = workOrder.Subtotal, TaxAmount = voidTax, DiscountAmount = 0,
                TotalAmount = workOrder.Subtotal + voidTax, PaidAmount = 0, BalanceDue = 0, Terms = terms, TaxInclusive = DemoDealerSettings.TaxInclusive,
                Payer = payer, TaxRatePercent = TaxRate * 100m, FinalisedAt = issuedAt.AddMinutes(-20), FinalisedById = advisor.Id,
                VoidedAt = issuedAt.AddMinutes(-5), VoidedById = d.Manager.Id, VoidReason = "Issued without the agreed discount.",
                Notes = $"Void: issued without the agreed discount; replaced by {visit.InvoiceNumber}.",
                CreatedAt = issuedAt.AddMinutes(-20), CreatedById = advisor.Id,
            });
            SaveInvoiceLines(d, voidInvoice.Id, lines, issuedAt.AddMinutes(-20));
        }

        var invoice = Add(new Invoice
        {
            Id = NextGuid(), DealerId = d.Id, InvoiceNumber = visit.InvoiceNumber!, WorkOrderId = workOrder.Id, IssueDate = issueDate,
            DueDate = issueDate.AddDays(7), SubtotalServices = subtotalServices, SubtotalLabor = subtotalLabor, SubtotalParts = subtotalParts,
            Subtotal = workOrder.Subtotal, TaxAmount = workOrder.TaxAmount, DiscountAmount = workOrder.DiscountAmount,
            TotalAmount = workOrder.TotalAmount, Terms = terms, TaxInclusive = DemoDealerSettings.TaxInclusive,
            Payer = payer, TaxRatePercent = TaxRate * 100m, FinalisedAt = issuedAt, FinalisedById = advisor.Id,
            Notes = claim is not null ? $"Billed to the manufacturer under warranty claim {claim}." : workOrder.DiscountReason,
            CreatedAt = issuedAt, CreatedById = advisor.Id,
        });
        SaveInvoiceLines(d, invoice.Id, lines, issuedAt);

        var total = invoice.TotalAmount;
        var payments = new List<Payment>();
        Payment NewPayment(PaymentMethod method, decimal amount, DateTime at, StaffMember by) => new()
        {
            Id = NextGuid(), DealerId = d.Id, WorkOrderId = workOrder.Id, InvoiceId = invoice.Id, ProcessedById = by.Id, Method = method,
            Amount = amount, Reference = PaymentReference(method, claim), Status = PaymentRecordStatus.Completed, PaidAt = at,
            CreatedAt = at, CreatedById = by.Id,
        };
        var method = visit.Vehicle.Customer.Company is not null ? PaymentMethod.BankTransfer : CustomerMethod();
        var advance = Math.Floor(total * 0.4m / 500m) * 500m;

        if (visit.Status == WorkOrderStatus.Closed)
        {
            var closedAt = visit.ClosedAt!.Value;
            if (!customerPays)
            {
                payments.Add(NewPayment(PaymentMethod.Warranty, total, closedAt, d.WarrantyManager));
            }
            else if (visit.Refund)
            {
                // A round advance at check-in that came to more than the final bill: the difference went back to the card.
                var deposit = Math.Ceiling((total + 500m) / 1000m) * 1000m;
                var payment = NewPayment(PaymentMethod.CreditCard, deposit, visit.OpenedAt.AddMinutes(10), advisor);
                payment.RefundAmount = deposit - total;
                payment.RefundReason = "Advance exceeded the final bill; the difference was refunded to the card.";
                payment.Status = PaymentRecordStatus.PartiallyRefunded;
                payment.UpdatedAt = closedAt;
                payments.Add(payment);
                Add(new PaymentRefund
                {
                    Id = NextGuid(), DealerId = d.Id, PaymentId = payment.Id, Amount = payment.RefundAmount, Reason = payment.RefundReason,
                    Method = payment.Method, RefundedAt = closedAt, ProcessedById = advisor.Id, CreatedAt = closedAt, CreatedById = advisor.Id,
                });
            }
            else
            {
                if (visit.FailedPayment)
                {
                    var failed = NewPayment(PaymentMethod.CreditCard, total, closedAt.AddMinutes(-6), advisor);
                    failed.Status = PaymentRecordStatus.Failed;
                    failed.Notes = "Card declined by the issuing bank; paid by UPI instead.";
                    payments.Add(failed);
                    method = PaymentMethod.Upi;
                }
                if (advance > 0 && Chance(0.25))
                {
                    payments.Add(NewPayment(PaymentMethod.Upi, advance, visit.OpenedAt.AddMinutes(10), advisor));
                    payments.Add(NewPayment(method, total - advance, closedAt, advisor));
                }
                else
                {
                    payments.Add(NewPayment(method, total, closedAt, advisor));
                }
            }
        }
        else if (customerPays && advance > 0 && (visit.DemoBalance || Chance(0.5)))
        {
            payments.Add(NewPayment(PaymentMethod.Upi, advance, visit.OpenedAt.AddMinutes(10), advisor));
        }

        foreach (var payment in payments) Add(payment);
        var paid = payments.Where(p => p.Status is PaymentRecordStatus.Completed or PaymentRecordStatus.PartiallyRefunded)
            .Sum(p => p.Amount - p.RefundAmount);
        invoice.PaidAmount = paid;
        invoice.BalanceDue = total - paid;
        invoice.Status = paid >= total ? InvoiceStatus.Paid
            : paid > 0 ? InvoiceStatus.PartiallyPaid
            : InvoiceStatus.Issued; // overdue is computed when read (InvoiceMoney.Shown), not stored
        invoice.UpdatedAt = payments.Count > 0 ? payments.Max(p => p.PaidAt!.Value) : issuedAt;
        var status = visit.Refund ? PaymentStatus.PartiallyRefunded
            : paid >= total ? PaymentStatus.Paid
            : paid > 0 ? PaymentStatus.PartiallyPaid
            : PaymentStatus.Unpaid;
        return (paid, status);
    }

    private void SaveInvoiceLines(DealerSeed d, Guid invoiceId, List<InvoiceLineItem> lines, DateTime at)
    {
        var number = 0;
        foreach (var line in lines.OrderBy(l => l.Type switch { LineItemType.Service => 0, LineItemType.Labor => 1, _ => 2 }))
            Add(new InvoiceLineItem
            {
                Id = NextGuid(), DealerId = d.Id, InvoiceId = invoiceId, LineNumber = ++number, Type = line.Type, Description = line.Description, Quantity = line.Quantity,
                UnitPrice = line.UnitPrice, Subtotal = line.Subtotal, WorkOrderServiceId = line.WorkOrderServiceId,
                WorkOrderLaborId = line.WorkOrderLaborId, WorkOrderPartId = line.WorkOrderPartId, CreatedAt = at,
            });
    }

    private PaymentMethod CustomerMethod() => PickWeighted(
        [PaymentMethod.Upi, PaymentMethod.CreditCard, PaymentMethod.DebitCard, PaymentMethod.Cash, PaymentMethod.Wallet, PaymentMethod.Cheque, PaymentMethod.BankTransfer],
        m => m switch { PaymentMethod.Upi => 40, PaymentMethod.CreditCard => 18, PaymentMethod.DebitCard => 12, PaymentMethod.Cash => 15, PaymentMethod.Wallet => 7, PaymentMethod.Cheque => 3, _ => 5 });

    private string? PaymentReference(PaymentMethod method, string? claim) => method switch
    {
        PaymentMethod.Upi => $"UPI {Between(300000, 499999)}{Between(100000, 999999)}",
        PaymentMethod.CreditCard or PaymentMethod.DebitCard => $"Card ending {Between(1000, 9999)}, approval {Between(100000, 999999)}",
        PaymentMethod.BankTransfer => $"NEFT UTR HDFCN{Between(10000000, 99999999)}",
        PaymentMethod.Wallet => $"Paytm {Between(10000000, 99999999)}",
        PaymentMethod.Cheque => $"Cheque {Between(100, 999999):000000}, {Pick(["HDFC Bank", "ICICI Bank", "State Bank of India", "Axis Bank"])}",
        PaymentMethod.Warranty => claim ?? "Recall campaign 24VW07",
        _ => null,
    };
}
