using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Inventory;
using MotorTrace.Web.Services.Notifications;
using WorkOrderServiceLine = MotorTrace.Data.Entities.WorkOrders.WorkOrderService;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>
/// The estimate of a work order: its priced lines, the customer's answers kept as evidence, the discount and the
/// parts issued from stock. Every change is one short save that checks the role, that the work order can still
/// change (<see cref="WorkOrderFlow.IsEditable"/>) and that nobody saved it since the page read it (the work order's
/// <see cref="WorkOrder.Version"/>, bumped by every change), recomputes the totals with <see cref="WorkOrderTotals"/>
/// and tells open pages and boards (<see cref="LiveUpdate.WorkOrdersChanged"/>).
/// <para>
/// Approval rules: a decision on a service line also answers its parts still waiting (a declined service takes its
/// parts with it); changing the description, quantity or price of an answered line appends a Reopened row and the line
/// waits for a new answer. A declined line becomes one service recommendation on the vehicle (found again by work order
/// and description, so declining it again never makes a second); approving it later, or changing it, dismisses that
/// recommendation because the work is back on this work order.
/// </para>
/// <para>
/// Issuing and returning stock do not move the version: they change no price, and the ledger's conditional update plus
/// the line's own guard (never more issued than the line's quantity) already make concurrent taps safe.
/// </para>
/// </summary>
public sealed class WorkOrderEstimateService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    TimeProvider clock,
    LiveUpdates live,
    NotificationService notifications)
{
    private const string What = "work order";

    public bool CanWrite => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.ServiceAdvisor);
    public bool CanApproveDiscount => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager);
    public bool CanIssue => CanWrite || user.IsInRole(Roles.InventoryManager);

    private static readonly ServiceResult NotAllowed = ServiceResult.Fail("", "Only service advisors and managers can change the estimate.");
    private static readonly ServiceResult Missing = ServiceResult.Fail("", "This work order no longer exists.");

    // ---- reading ----------------------------------------------------------------------------------------------

    /// <summary>The estimate as the page shows it, or null when the work order is not one the user may see.</summary>
    public async Task<WorkOrderEstimate?> EstimateAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.WorkOrders.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new
            {
                w.Id, w.WorkOrderNumber, w.Status, w.Version, w.DealerId, w.VehicleId, CustomerName = w.Customer.Name,
                w.DiscountType, w.DiscountValue, w.DiscountReason, w.DiscountRequestedAt, w.DiscountApprovedAt,
                DiscountApprovedBy = db.Users.Where(u => u.Id == w.DiscountApprovedById).Select(u => u.FullName).FirstOrDefault(),
                w.DiscountApprovedById,
            })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var settings = await SettingsAsync(db, head.DealerId, ct);

        var services = await db.WorkOrderServices.AsNoTracking().Where(s => s.WorkOrderId == id)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Description, s.Quantity, s.UnitPrice, s.CustomerApproved, s.CustomerRejected, s.Payer, s.InspectionItemId })
            .ToListAsync(ct);
        // The labour is read by the work order's id rather than joined under each service, where SQLite materialised every
        // labour line of the dealer first (0.5 s on a dealer with 30,000 work orders).
        var labor = (await db.WorkOrderLabor.AsNoTracking().Where(l => l.WorkOrderId == id)
                .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
                .Select(l => new
                {
                    l.ServiceId,
                    Line = new EstimateLabor(l.Id, l.Description, l.EstimatedMinutes, l.TechnicianId, l.Technician == null ? null : l.Technician.FullName, l.Status),
                })
                .ToListAsync(ct))
            .ToLookup(l => l.ServiceId, l => l.Line);
        var parts = await db.WorkOrderParts.AsNoTracking().Where(p => p.WorkOrderId == id)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new EstimateLine(EstimateLineKind.Part, p.Id, p.ServiceId, p.Description, p.Quantity, p.UnitPrice,
                WorkOrderTotals.DecisionOf(p.CustomerApproved, p.CustomerRejected), p.Payer, p.Source, p.InventoryItemId, p.IssuedQuantity,
                p.InventoryItem == null ? null : p.InventoryItem.Quantity, p.SupplierName, p.SupplierInvoice, null,
                db.StockMovements.Any(m => m.WorkOrderPartId == p.Id), Array.Empty<EstimateLabor>()))
            .ToListAsync(ct);

        var lines = new List<EstimateLine>();
        foreach (var s in services)
        {
            lines.Add(new EstimateLine(EstimateLineKind.Service, s.Id, null, s.Description, s.Quantity, s.UnitPrice,
                WorkOrderTotals.DecisionOf(s.CustomerApproved, s.CustomerRejected), s.Payer, null, null, 0, null, null, null, s.InspectionItemId, false,
                [.. labor[s.Id]]));
            lines.AddRange(parts.Where(p => p.ServiceId == s.Id));
        }
        lines.AddRange(parts.Where(p => p.ServiceId is null || services.All(s => s.Id != p.ServiceId)));

        var evidence = await db.WorkOrderLineApprovals.AsNoTracking().Where(a => a.WorkOrderId == id)
            .OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .Select(a => new EstimateEvidence(a.Id, a.LineKind, a.LineId, a.Decision, a.Method, a.Description, a.Quantity, a.PriceShown, a.ApprovedByName,
                a.Notes, db.Users.Where(u => u.Id == a.RecordedById).Select(u => u.FullName).FirstOrDefault() ?? "", a.RecordedAt))
            .ToListAsync(ct);

        var items = await db.WorkOrderInspectionItems.AsNoTracking()
            .Where(i => i.Inspection.WorkOrderId == id && (i.Condition == InspectionCondition.Red || i.Condition == InspectionCondition.Yellow))
            .OrderBy(i => i.Condition == InspectionCondition.Red ? 0 : 1).ThenBy(i => i.Inspection.CreatedAt).ThenBy(i => i.Sequence)
            .Select(i => new
            {
                i.Id, Inspection = i.Inspection.Name, i.Section, i.Name, i.Condition, i.Notes, i.EstimateServiceId,
                Canned = db.CannedServices.Where(c => c.Id == i.CannedServiceId).Select(c => c.Name).FirstOrDefault(),
                Labor = db.LaborCatalog.Where(l => l.Id == i.LaborCatalogId).Select(l => l.Name).FirstOrDefault(),
                Photos = db.WorkOrderInspectionAttachments.Where(a => a.ItemId == i.Id).OrderBy(a => a.UploadedAt)
                    .Select(a => new FindingPhoto(a.Id, a.FileName, a.FileUrl)).ToList(),
            })
            .ToListAsync(ct);
        var findings = items.Select(i => new EstimateFinding(i.Id, i.Inspection, i.Section, i.Name, i.Condition, i.Notes, i.Canned ?? i.Labor,
            i.EstimateServiceId, services.FirstOrDefault(s => s.Id == i.EstimateServiceId)?.Description, i.Photos)).ToList();

        var technicians = await TechniciansAsync(db, head.DealerId, ct);
        var discountPending = head.DiscountRequestedAt is not null && head.DiscountApprovedById is null;
        var totals = Compute(lines.Select(l => new PricedLine(l.Kind, l.Quantity, l.UnitPrice, l.Decision, l.Payer)),
            discountPending ? DiscountType.None : head.DiscountType, head.DiscountValue, settings.TaxRatePercent, settings.TaxInclusive);
        var editable = WorkOrderFlow.IsEditable(head.Status);
        return new WorkOrderEstimate(head.Id, head.WorkOrderNumber, head.Status, head.Version, head.VehicleId, head.CustomerName, settings.CurrencyCode,
            lines, totals,
            new DiscountState(head.DiscountType, head.DiscountValue, head.DiscountReason, discountPending, head.DiscountRequestedAt, head.DiscountApprovedBy, head.DiscountApprovedAt),
            settings.TaxRatePercent, settings.DiscountApprovalPercent, evidence, findings, technicians,
            CanEdit: editable && CanWrite, CanApproveDiscount: editable && CanApproveDiscount, CanIssue: editable && CanIssue);

    }

    /// <summary>The dealer's canned services that may go on an estimate, by code or name.</summary>
    public async Task<IReadOnlyList<CatalogChoice>> CannedServicesAsync(string? search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.CannedServices.AsNoTracking().Where(c => c.IsAvailable && !c.IsArchived);
        if (Lower(search) is { } text) query = query.Where(c => c.Name.ToLower().Contains(text) || c.Code.ToLower().Contains(text));
        return await query.OrderBy(c => c.Name).Take(30).Select(c => new CatalogChoice(c.Id, c.Code, c.Name, c.Price, c.Duration)).ToListAsync(ct);
    }

    /// <summary>Active labour operations, priced at book time × rate.</summary>
    public async Task<IReadOnlyList<CatalogChoice>> LaborOperationsAsync(string? search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.LaborCatalog.AsNoTracking().Where(l => l.IsActive);
        if (Lower(search) is { } text) query = query.Where(l => l.Name.ToLower().Contains(text) || l.Code.ToLower().Contains(text));
        var rows = await query.OrderBy(l => l.Name).Take(30).Select(l => new { l.Id, l.Code, l.Name, l.EstimatedMinutes, l.Rate }).ToListAsync(ct);
        return rows.Select(l => new CatalogChoice(l.Id, l.Code, l.Name, WorkOrderLines.LaborPrice(l.EstimatedMinutes, l.Rate), l.EstimatedMinutes)).ToList();
    }

    /// <summary>Active stock items by SKU, part number or name, with what is on hand now.</summary>
    public async Task<IReadOnlyList<StockChoice>> StockItemsAsync(string? search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.InventoryItems.AsNoTracking().Where(i => i.IsActive);
        if (Lower(search) is { } text)
            query = query.Where(i => i.Sku.ToLower().Contains(text) || (i.PartNumber != null && i.PartNumber.ToLower().Contains(text)) || i.Name.ToLower().Contains(text));
        return await query.OrderBy(i => i.Name).Take(30).Select(i => new StockChoice(i.Id, i.Sku, i.PartNumber, i.Name, i.UnitPrice, i.Quantity)).ToListAsync(ct);
    }

    // ---- lines ------------------------------------------------------------------------------------------------

    /// <summary>Adds a canned service: its price, its labour steps and a proposed part per required parts category.</summary>
    public Task<ServiceResult<string>> AddCannedServiceAsync(Guid id, Guid version, Guid cannedServiceId) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            var added = await WorkOrderLines.AddCannedServiceAsync(db, workOrder, cannedServiceId);
            return added is null ? Fail("cannedService", "This canned service is no longer offered.") : Ok(Describe(added));
        });

    /// <summary>Adds a labour operation from the catalogue as a service line with its one labour step.</summary>
    public Task<ServiceResult<string>> AddLaborOperationAsync(Guid id, Guid version, Guid laborCatalogId) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            var added = await WorkOrderLines.AddLaborOperationAsync(db, workOrder, laborCatalogId);
            return added is null ? Fail("laborOperation", "This labour operation is no longer active.") : Ok(Describe(added));
        });

    /// <summary>Adds a free-text service line.</summary>
    public Task<ServiceResult<string>> AddServiceLineAsync(Guid id, Guid version, LineForm form) =>
        EditAsync(id, version, (db, workOrder) =>
        {
            if (CheckLine(form) is { } invalid) return Task.FromResult<ServiceResult<string>>(invalid);
            var line = NewService(workOrder, form);
            db.WorkOrderServices.Add(line);
            return Task.FromResult(Ok($"Added {line.Description}."));
        });

    /// <summary>Adds a part: from stock at the item's current price, or from a supplier, the customer, warranty or salvage.</summary>
    public Task<ServiceResult<string>> AddPartAsync(Guid id, Guid version, PartForm form) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            if (form.Quantity is < 1 or > 999) return Fail(nameof(PartForm.Quantity), "Enter a quantity from 1 to 999.");
            if (form.ServiceId is { } serviceId && !await db.WorkOrderServices.AnyAsync(s => s.Id == serviceId && s.WorkOrderId == workOrder.Id))
                return Fail(nameof(PartForm.ServiceId), "That service is no longer on this work order.");
            var part = new WorkOrderPart
            {
                DealerId = workOrder.DealerId, WorkOrderId = workOrder.Id, ServiceId = form.ServiceId, Quantity = form.Quantity, Payer = form.Payer, Source = form.Source,
            };
            string note = "";
            if (form.Source == PartSource.Inventory)
            {
                if (form.InventoryItemId is not { } itemId) return Fail(nameof(PartForm.InventoryItemId), "Choose the part from stock.");
                var item = await db.InventoryItems.AsNoTracking().Where(i => i.Id == itemId && i.IsActive)
                    .Select(i => new { i.Id, i.Name, i.PartNumber, i.UnitPrice, i.Quantity }).FirstOrDefaultAsync();
                if (item is null) return Fail(nameof(PartForm.InventoryItemId), "This stock item is no longer active.");
                part.InventoryItemId = item.Id;
                part.Description = item.PartNumber is null ? item.Name : $"{item.Name} ({item.PartNumber})";
                part.UnitPrice = item.UnitPrice;
                if (item.Quantity < form.Quantity) note = item.Quantity == 0 ? " None on hand yet: order it before issuing." : $" Only {item.Quantity} on hand now.";
            }
            else
            {
                if (string.IsNullOrWhiteSpace(form.Description)) return Fail(nameof(PartForm.Description), "Describe the part.");
                if (form.UnitPrice < 0) return Fail(nameof(PartForm.UnitPrice), "Enter a unit price of 0 or more.");
                if (form.Source == PartSource.Supplier && string.IsNullOrWhiteSpace(form.SupplierName))
                    return Fail(nameof(PartForm.SupplierName), "Enter the supplier the part comes from.");
                part.Description = form.Description.Trim();
                part.UnitPrice = WorkOrderTotals.Round(form.UnitPrice); // prices are kept to the cent, as every database stores them
                part.SupplierName = Trim(form.SupplierName);
                part.SupplierInvoice = Trim(form.SupplierInvoice);
            }
            part.Subtotal = WorkOrderTotals.Round(part.Quantity * part.UnitPrice);
            db.WorkOrderParts.Add(part);
            return Ok($"Added {part.Description}.{note}");
        });

    /// <summary>
    /// Changes a line's description, quantity, price or payer. An answered line whose description, quantity or price
    /// changed gets a Reopened evidence row and waits for a new answer.
    /// </summary>
    public Task<ServiceResult<string>> UpdateLineAsync(Guid id, Guid version, EstimateLineKind kind, Guid lineId, LineForm form) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            if (CheckLine(form) is { } invalid) return invalid;
            var line = await LineAsync(db, workOrder.Id, kind, lineId);
            if (line is null) return Fail("", "This line is no longer on the work order.");
            if (line.Part is { } part && form.Quantity < part.IssuedQuantity)
                return Fail(nameof(LineForm.Quantity), $"{part.IssuedQuantity} already issued from stock: return some first, or keep at least {part.IssuedQuantity}.");
            var description = form.Description!.Trim();
            var changed = description != line.Description || form.Quantity != line.Quantity || WorkOrderTotals.Round(form.UnitPrice) != line.UnitPrice;
            var before = (line.Description, line.Quantity, Amount: WorkOrderTotals.Round(line.Quantity * line.UnitPrice));
            var wasDeclined = line.Decision == LineDecision.Declined;
            line.Set(description, form.Quantity, WorkOrderTotals.Round(form.UnitPrice), form.Payer);
            if (changed && line.Decision != LineDecision.Pending)
            {
                if (wasDeclined) await DismissRecommendationAsync(db, workOrder, before.Description, "The declined line was changed and offered again.");
                AddEvidence(db, workOrder, line, ApprovalDecision.Reopened, null, null,
                    $"Changed after the customer's answer; was {before.Quantity} × {before.Description} at {before.Amount:N2}.");
                line.SetDecision(LineDecision.Pending, Now);
                return Ok($"Saved. {line.Description} waits for the customer's answer again.");
            }
            return Ok("Saved.");
        });

    /// <summary>Removes a line (a service with its labour steps and parts); stock issued to it must be returned first.</summary>
    public Task<ServiceResult<string>> RemoveLineAsync(Guid id, Guid version, EstimateLineKind kind, Guid lineId) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            var line = await LineAsync(db, workOrder.Id, kind, lineId);
            if (line is null) return Fail("", "This line is no longer on the work order.");
            var parts = line.Part is { } single ? [single] : await db.WorkOrderParts.Where(p => p.ServiceId == lineId).ToListAsync();
            if (parts.FirstOrDefault(p => p.IssuedQuantity > 0) is { } issued)
                return Fail("", $"{issued.IssuedQuantity} × {issued.Description} issued from stock: return it first.");
            var partIds = parts.Select(p => p.Id).ToList();
            if (await db.StockMovements.AnyAsync(m => m.WorkOrderPartId != null && partIds.Contains(m.WorkOrderPartId.Value)))
                return Fail("", "Stock was issued and returned for this line, and the stock ledger keeps it: decline it instead so it is not charged.");
            if (line.Service is { } service)
            {
                var labor = await db.WorkOrderLabor.Where(l => l.ServiceId == service.Id).ToListAsync();
                var laborIds = labor.Select(l => l.Id).ToList();
                if (labor.Any(l => l.Status != ServiceStatus.Pending) || await db.LaborClockEvents.AnyAsync(e => laborIds.Contains(e.LaborId)))
                    return Fail("", "Work on this service has started: it cannot be removed.");
                db.WorkOrderLabor.RemoveRange(labor);
                await db.WorkOrderInspectionItems.Where(i => i.EstimateServiceId == service.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.EstimateServiceId, (Guid?)null));
                db.WorkOrderServices.Remove(service);
            }
            db.WorkOrderParts.RemoveRange(parts);
            return Ok($"Removed {line.Description}.");
        });

    /// <summary>Assigns a labour step to one of the dealer's technicians (or nobody).</summary>
    public Task<ServiceResult<string>> AssignTechnicianAsync(Guid id, Guid version, Guid laborId, Guid? technicianId) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            var labor = await db.WorkOrderLabor.FirstOrDefaultAsync(l => l.Id == laborId && l.WorkOrderId == workOrder.Id);
            if (labor is null) return Fail("", "This labour step is no longer on the work order.");
            string? name = null;
            if (technicianId is { } techId)
            {
                name = (await TechniciansAsync(db, workOrder.DealerId)).FirstOrDefault(t => t.Id == techId)?.Name;
                if (name is null) return Fail("technician", "Choose one of this dealer's technicians.");
            }
            labor.TechnicianId = technicianId;
            return Ok(name is null ? $"{labor.Description} is unassigned." : $"{labor.Description} assigned to {name}.");
        });

    // ---- approval evidence ------------------------------------------------------------------------------------

    /// <summary>
    /// Records the customer's answer to one line as evidence (what was shown, how, who answered, who recorded it).
    /// On a service line the answer also covers its parts as <see cref="CoveredByService"/> says.
    /// </summary>
    public Task<ServiceResult<string>> RecordDecisionAsync(Guid id, Guid version, EstimateLineKind kind, Guid lineId, ApprovalForm form) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            if (CheckAnswer(form) is { } invalid) return invalid;
            var line = await LineAsync(db, workOrder.Id, kind, lineId);
            if (line is null) return Fail("", "This line is no longer on the work order.");
            var lines = new List<EstimateLineEntity> { line };
            if (line.Service is { } service)
            {
                var serviceWas = line.Decision;
                lines.AddRange((await db.WorkOrderParts.Where(p => p.ServiceId == service.Id).ToListAsync()).Select(p => new EstimateLineEntity(p))
                    .Where(p => CoveredByService(p.Decision, serviceWas, form.Decision)));
            }
            return await DecideAsync(db, workOrder, lines, form);
        });

    /// <summary>Records one answer for every line still waiting (one evidence row per line).</summary>
    public Task<ServiceResult<string>> DecideAllPendingAsync(Guid id, Guid version, ApprovalForm form) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            if (CheckAnswer(form) is { } invalid) return invalid;
            var lines = (await db.WorkOrderServices.Where(s => s.WorkOrderId == workOrder.Id && !s.CustomerApproved && !s.CustomerRejected).ToListAsync())
                .Select(s => new EstimateLineEntity(s))
                .Concat((await db.WorkOrderParts.Where(p => p.WorkOrderId == workOrder.Id && !p.CustomerApproved && !p.CustomerRejected).ToListAsync())
                    .Select(p => new EstimateLineEntity(p)))
                .ToList();
            if (lines.Count == 0) return Fail("", "No line is waiting for the customer's answer.");
            return await DecideAsync(db, workOrder, lines, form);
        });

    /// <summary>
    /// Whether an answer to a service also answers one of its parts: a part still waiting always; on a decline, an
    /// approved part too (it cannot be fitted without its service); on approving a declined service, the parts that
    /// were declined with it.
    /// </summary>
    public static bool CoveredByService(LineDecision part, LineDecision service, ApprovalDecision answer) =>
        part == LineDecision.Pending
        || (answer == ApprovalDecision.Declined && part == LineDecision.Approved)
        || (answer == ApprovalDecision.Approved && service == LineDecision.Declined && part == LineDecision.Declined);

    private async Task<ServiceResult<string>> DecideAsync(MotorTraceDbContext db, WorkOrder workOrder, List<EstimateLineEntity> lines, ApprovalForm form)
    {
        var decision = form.Decision == ApprovalDecision.Declined ? LineDecision.Declined : LineDecision.Approved;
        if (decision == LineDecision.Declined && lines.FirstOrDefault(l => l.Part?.IssuedQuantity > 0) is { } issued)
            return Fail("", $"{issued.Part!.IssuedQuantity} × {issued.Description} issued from stock: return it before the customer declines it.");
        var was = lines.ToDictionary(l => l.Id, l => l.Decision);
        foreach (var line in lines)
        {
            AddEvidence(db, workOrder, line, form.Decision, form.Method, form.AnsweredBy!.Trim(), Trim(form.Notes));
            line.SetDecision(decision, Now);
        }
        foreach (var line in lines)
        {
            if (decision == LineDecision.Declined)
            {
                // A part declined with its service is part of that service's recommendation, priced with it.
                if (line.Part?.ServiceId is { } serviceId && workOrder.Services.Any(s => s.Id == serviceId && s.CustomerRejected)) continue;
                var declinedParts = line.Service is null ? [] : workOrder.Parts.Where(p => p.ServiceId == line.Id && p.CustomerRejected)
                    .Select(p => new PricedLine(EstimateLineKind.Part, p.Quantity, p.UnitPrice, LineDecision.Pending));
                var cost = Compute([new PricedLine(line.Kind, line.Quantity, line.UnitPrice, LineDecision.Pending), .. declinedParts], DiscountType.None, 0, 0).Subtotal;
                await RecommendAsync(db, workOrder, line, cost);
            }
            else if (was[line.Id] == LineDecision.Declined)
                await DismissRecommendationAsync(db, workOrder, line.Description, $"Approved on {workOrder.WorkOrderNumber} after all.");
        }
        var verb = decision == LineDecision.Approved ? "Approved" : "Declined";
        return Ok(lines.Count == 1 ? $"{verb}: {lines[0].Description}." : $"{verb}: {lines.Count} lines.");
    }

    private void AddEvidence(MotorTraceDbContext db, WorkOrder workOrder, EstimateLineEntity line, ApprovalDecision decision, ApprovalMethod? method, string? answeredBy, string? notes) =>
        db.WorkOrderLineApprovals.Add(new WorkOrderLineApproval
        {
            DealerId = workOrder.DealerId, WorkOrderId = workOrder.Id, LineKind = line.Kind, LineId = line.Id, Decision = decision, Method = method,
            Description = line.Description, Quantity = line.Quantity, PriceShown = line.Amount, ApprovedByName = answeredBy, Notes = notes,
            RecordedById = user.UserId!.Value, RecordedAt = Now,
        });

    private async Task RecommendAsync(MotorTraceDbContext db, WorkOrder workOrder, EstimateLineEntity line, decimal cost)
    {
        var existing = await db.ServiceRecommendations
            .FirstOrDefaultAsync(r => r.WorkOrderId == workOrder.Id && r.RuleId == null && r.Title == line.Description);
        var mileage = await db.VehicleMileages.Where(m => m.VehicleId == workOrder.VehicleId).Select(m => (int?)m.CurrentMileage).FirstOrDefaultAsync();
        var recommendation = existing ?? db.ServiceRecommendations.Add(new ServiceRecommendation
        {
            DealerId = workOrder.DealerId, VehicleId = workOrder.VehicleId, WorkOrderId = workOrder.Id, Title = line.Description,
            CannedServiceId = line.Service?.CannedServiceId, Priority = ServicePriority.Medium, Severity = ServiceSeverity.Minor,
        }).Entity;
        recommendation.Status = RecommendationStatus.Pending;
        recommendation.TriggeredAt = Now;
        recommendation.Reason = DeclinedLineRecommendation.Reason(workOrder.WorkOrderNumber);
        recommendation.EstimatedCost = cost;
        recommendation.EstimatedDuration = line.Service is null ? null
            : await db.WorkOrderLabor.Where(l => l.ServiceId == line.Id).SumAsync(l => l.EstimatedMinutes ?? 0);
        recommendation.CurrentMileage = workOrder.OdometerReading ?? mileage;
        recommendation.DismissedAt = null;
        recommendation.DismissedReason = null;
    }

    private async Task DismissRecommendationAsync(MotorTraceDbContext db, WorkOrder workOrder, string title, string why)
    {
        var open = await db.ServiceRecommendations
            .Where(r => r.WorkOrderId == workOrder.Id && r.RuleId == null && r.Title == title
                        && (r.Status == RecommendationStatus.Pending || r.Status == RecommendationStatus.Scheduled))
            .ToListAsync();
        foreach (var recommendation in open)
        {
            recommendation.Status = RecommendationStatus.Dismissed;
            recommendation.DismissedAt = Now;
            recommendation.DismissedReason = why;
        }
    }

    // ---- discount ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Sets the discount. Above the dealer's approval percent it is requested, not applied, until a Manager approves it
    /// (the dealer's managers are notified with a link to the work order); a Manager's own discount applies at once.
    /// </summary>
    public async Task<ServiceResult<string>> SetDiscountAsync(Guid id, Guid version, DiscountForm form)
    {
        var requested = false;
        var result = await EditAsync(id, version, async (db, workOrder) =>
        {
            if (form.Type == DiscountType.None || form.Value == 0)
            {
                ClearDiscount(workOrder);
                return Ok("Discount removed.");
            }
            if (form.Value < 0) return Fail(nameof(DiscountForm.Value), "Enter a discount of 0 or more.");
            if (form.Type == DiscountType.Percentage && form.Value > 100) return Fail(nameof(DiscountForm.Value), "A percent discount is at most 100%.");
            if (string.IsNullOrWhiteSpace(form.Reason)) return Fail(nameof(DiscountForm.Reason), "Give the reason for the discount.");
            var settings = await SettingsAsync(db, workOrder.DealerId);
            var subtotal = Compute(CurrentLines(db, workOrder), DiscountType.None, 0, 0).Subtotal;
            if (form.Type == DiscountType.Fixed && form.Value > subtotal)
                return Fail(nameof(DiscountForm.Value), $"The discount is more than the subtotal ({subtotal:N2}).");
            var percent = form.Type == DiscountType.Percentage ? form.Value : subtotal == 0 ? 100 : form.Value * 100m / subtotal;
            workOrder.DiscountType = form.Type;
            workOrder.DiscountValue = form.Type == DiscountType.Fixed ? WorkOrderTotals.Round(form.Value) : form.Value;
            workOrder.DiscountReason = form.Reason.Trim();
            if (percent > settings.DiscountApprovalPercent && !CanApproveDiscount)
            {
                workOrder.DiscountRequestedAt = Now;
                workOrder.DiscountApprovedById = null;
                workOrder.DiscountApprovedAt = null;
                requested = true;
                return Ok($"Above {settings.DiscountApprovalPercent:0.##}%, the discount needs a manager's approval: requested, not applied yet.");
            }
            workOrder.DiscountRequestedAt = null;
            workOrder.DiscountApprovedById = percent > settings.DiscountApprovalPercent ? user.UserId : null;
            workOrder.DiscountApprovedAt = percent > settings.DiscountApprovalPercent ? Now : null;
            return Ok("Discount applied.");
        });
        if (result.Succeeded && requested) await NotifyManagersAsync(id);
        return result;
    }

    /// <summary>A Manager approves or rejects a requested discount; the advisor is told either way.</summary>
    public async Task<ServiceResult<string>> DecideDiscountAsync(Guid id, Guid version, bool approve)
    {
        if (!CanApproveDiscount) return Fail("", "Only a manager can approve or reject a discount.");
        Guid? advisor = null;
        string number = "";
        var result = await EditAsync(id, version, (db, workOrder) =>
        {
            if (workOrder.DiscountRequestedAt is null || workOrder.DiscountApprovedById is not null)
                return Task.FromResult(Fail("", "No discount is waiting for approval."));
            (advisor, number) = (workOrder.AdvisorId, workOrder.WorkOrderNumber);
            if (approve)
            {
                workOrder.DiscountApprovedById = user.UserId;
                workOrder.DiscountApprovedAt = Now;
                return Task.FromResult(Ok("Discount approved and applied."));
            }
            ClearDiscount(workOrder);
            return Task.FromResult(Ok("Discount rejected: the work order has no discount."));
        });
        if (result.Succeeded && advisor is { } advisorId && advisorId != user.UserId)
            await notifications.NotifyAsync(advisorId, approve ? $"Discount approved on {number}" : $"Discount rejected on {number}",
                $"{user.DisplayName} {(approve ? "approved" : "rejected")} the discount.", approve ? NotificationType.Success : NotificationType.Warning,
                actionUrl: $"/workorders/{id}", actionText: "Open work order", dealerId: dealer.DealerId);
        return result;
    }

    private static void ClearDiscount(WorkOrder workOrder)
    {
        workOrder.DiscountType = DiscountType.None;
        workOrder.DiscountValue = 0;
        workOrder.DiscountReason = null;
        workOrder.DiscountRequestedAt = null;
        workOrder.DiscountApprovedById = null;
        workOrder.DiscountApprovedAt = null;
    }

    private async Task NotifyManagersAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new { w.DealerId, w.WorkOrderNumber, w.DiscountType, w.DiscountValue, w.DiscountReason }).SingleAsync();
        var managers = await StaffAsync(db, order.DealerId, Roles.Manager);
        var amount = order.DiscountType == DiscountType.Percentage ? $"{order.DiscountValue:0.##}%" : $"{order.DiscountValue:N2}";
        foreach (var manager in managers)
            await notifications.NotifyAsync(manager.Id, $"Discount to approve on {order.WorkOrderNumber}",
                $"{user.DisplayName} asks for a discount of {amount}: {order.DiscountReason}", NotificationType.EstimateApproval, NotificationPriority.High,
                actionUrl: $"/workorders/{id}", actionText: "Review discount", dealerId: order.DealerId);
    }

    // ---- stock ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Issues units of an approved stock part through the stock ledger, in one transaction with the line's issued
    /// quantity; <paramref name="requestId"/> makes a repeated tap do it once.
    /// </summary>
    public Task<ServiceResult<Guid>> IssuePartAsync(Guid id, Guid partId, int quantity, Guid requestId) => MoveStockAsync(id, partId, quantity, requestId, issue: true);

    /// <summary>Returns issued units of a part to the shelf through the stock ledger.</summary>
    public Task<ServiceResult<Guid>> ReturnPartAsync(Guid id, Guid partId, int quantity, Guid requestId) => MoveStockAsync(id, partId, quantity, requestId, issue: false);

    private async Task<ServiceResult<Guid>> MoveStockAsync(Guid id, Guid partId, int quantity, Guid requestId, bool issue)
    {
        if (!CanIssue || user.UserId is not { } userId) return ServiceResult.Fail("", "Only service advisors, managers and inventory managers can issue parts.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Id == id).Select(w => new { w.Id, w.DealerId, w.WorkOrderNumber, w.Status }).FirstOrDefaultAsync();
        if (order is null) return Missing;
        if (!WorkOrderFlow.IsEditable(order.Status)) return NotEditable(order.Status);
        var part = await db.WorkOrderParts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partId && p.WorkOrderId == id);
        if (part is null) return ServiceResult.Fail("", "This part is no longer on the work order.");
        const string field = "quantity";
        if (issue && !part.CustomerApproved) return ServiceResult.Fail(field, "Only parts the customer approved are issued.");
        if (quantity <= 0) return ServiceResult.Fail(field, issue ? "Issue at least one unit." : "Return at least one unit.");
        var now = Now;
        var result = await ProcessedRequests.OnceAsync(db, requestId, issue ? "IssuePart" : "ReturnPart", order.DealerId, userId, now, async () =>
        {
            // The line first, as one guarded update: never more issued than the line's quantity, whoever taps at the same time.
            var claimed = issue
                ? await db.WorkOrderParts.Where(p => p.Id == partId && p.IssuedQuantity + quantity <= p.Quantity)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.IssuedQuantity, p => p.IssuedQuantity + quantity).SetProperty(p => p.UpdatedAt, now))
                : await db.WorkOrderParts.Where(p => p.Id == partId && p.IssuedQuantity >= quantity)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.IssuedQuantity, p => p.IssuedQuantity - quantity).SetProperty(p => p.UpdatedAt, now));
            if (claimed == 0)
            {
                var issued = await db.WorkOrderParts.Where(p => p.Id == partId).Select(p => p.IssuedQuantity).FirstOrDefaultAsync();
                return ServiceResult.Fail(field, issue
                    ? $"{issued} of {part.Quantity} already issued: at most {part.Quantity - issued} more."
                    : $"Only {issued} issued to this work order, so at most {issued} can go back.");
            }
            // The ledger counts on the part as it was read; it adjusts that copy, the update above wrote the row.
            var moved = issue
                ? await StockLedger.IssueAsync(db, part, order.WorkOrderNumber, quantity, now)
                : await StockLedger.ReturnAsync(db, WithIssued(part, quantity), order.WorkOrderNumber, quantity, now);
            return moved.Succeeded ? new ServiceResult<Guid>(partId, ServiceResult.Ok) : moved;
        });
        if (result.Succeeded) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(order.DealerId, id));
        return result;

        static WorkOrderPart WithIssued(WorkOrderPart part, int atLeast)
        {
            part.IssuedQuantity = Math.Max(part.IssuedQuantity, atLeast);
            return part;
        }
    }

    // ---- inspection findings ----------------------------------------------------------------------------------

    /// <summary>
    /// Prices a yellow or red inspection finding as an estimate line: its canned service or labour operation, or (for an
    /// item with neither) the free-text line the advisor priced. A finding becomes a line once.
    /// </summary>
    public Task<ServiceResult<string>> AddFindingAsync(Guid id, Guid version, Guid itemId, LineForm? priced = null) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            var item = await db.WorkOrderInspectionItems.FirstOrDefaultAsync(i => i.Id == itemId && i.Inspection.WorkOrderId == workOrder.Id);
            if (item is null) return Fail("", "This finding is not on this work order.");
            var added = await AddFindingAsync(db, workOrder, item, priced);
            return added.Succeeded ? Ok(added.Value!) : added;
        });

    /// <summary>Adds every red and yellow finding with a canned service or labour operation that is not on the estimate yet.</summary>
    public Task<ServiceResult<string>> AddAllFindingsAsync(Guid id, Guid version) =>
        EditAsync(id, version, async (db, workOrder) =>
        {
            var items = await db.WorkOrderInspectionItems
                .Where(i => i.Inspection.WorkOrderId == workOrder.Id && i.EstimateServiceId == null
                            && (i.Condition == InspectionCondition.Red || i.Condition == InspectionCondition.Yellow))
                .OrderBy(i => i.Condition == InspectionCondition.Red ? 0 : 1).ThenBy(i => i.Sequence).ToListAsync();
            var mapped = items.Where(i => i.CannedServiceId is not null || i.LaborCatalogId is not null).ToList();
            if (mapped.Count == 0)
                return Fail("", items.Count == 0 ? "Every red and yellow finding is already on the estimate." : "These findings have no service to add: price each one.");
            var added = 0;
            foreach (var item in mapped)
                if ((await AddFindingAsync(db, workOrder, item, null)).Succeeded) added++;
            var unpriced = items.Count - mapped.Count;
            return Ok($"Added {added} finding{(added == 1 ? "" : "s")} to the estimate." + (unpriced > 0 ? $" {unpriced} without a service still need a price." : ""));
        });

    private async Task<ServiceResult<string>> AddFindingAsync(MotorTraceDbContext db, WorkOrder workOrder, WorkOrderInspectionItem item, LineForm? priced)
    {
        if (item.EstimateServiceId is not null) return Fail("", $"{item.Name} is already on the estimate.");
        if (item.Condition is not (InspectionCondition.Red or InspectionCondition.Yellow)) return Fail("", $"{item.Name} needs no work.");
        AddedLines? added = null;
        if (item.CannedServiceId is { } canned) added = await WorkOrderLines.AddCannedServiceAsync(db, workOrder, canned, item.Id);
        if (added is null && item.LaborCatalogId is { } labor) added = await WorkOrderLines.AddLaborOperationAsync(db, workOrder, labor, item.Id);
        WorkOrderServiceLine service;
        if (added is not null) service = added.Service;
        else
        {
            if (priced is null) return Fail("", $"{item.Name} has no service to add: price it as a line.");
            if (CheckLine(priced) is { } invalid) return invalid;
            service = NewService(workOrder, priced);
            service.InspectionItemId = item.Id;
            db.WorkOrderServices.Add(service);
        }
        item.EstimateServiceId = service.Id;
        return Ok(added is null ? $"Added {service.Description}." : $"{item.Name}: {Describe(added)}");
    }

    // ---- the one way a change is saved -----------------------------------------------------------------------

    /// <summary>
    /// Loads the work order, checks role, state and version, applies <paramref name="change"/>, recomputes the totals,
    /// bumps the version and saves; a save that lost the race to another user is refused with who and when.
    /// </summary>
    private async Task<ServiceResult<string>> EditAsync(Guid id, Guid version, Func<MotorTraceDbContext, WorkOrder, Task<ServiceResult<string>>> change)
    {
        if (!CanWrite || user.UserId is null) return NotAllowed;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var workOrder = await db.WorkOrders.Include(w => w.Services).Include(w => w.Parts).FirstOrDefaultAsync(w => w.Id == id);
        if (workOrder is null) return Missing;
        if (!WorkOrderFlow.IsEditable(workOrder.Status)) return NotEditable(workOrder.Status);
        if (workOrder.Version != version) return await ChangedByAsync(db, id);

        var result = await change(db, workOrder);
        if (!result.Succeeded) return result;

        var settings = await SettingsAsync(db, workOrder.DealerId);
        var pending = workOrder.DiscountRequestedAt is not null && workOrder.DiscountApprovedById is null;
        Compute(CurrentLines(db, workOrder), pending ? DiscountType.None : workOrder.DiscountType, workOrder.DiscountValue, settings.TaxRatePercent, settings.TaxInclusive).CopyTo(workOrder);
        db.Entry(workOrder).Property(w => w.Version).OriginalValue = version;
        workOrder.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ChangedByAsync(db, id);
        }
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(workOrder.DealerId, id));
        return result;
    }

    private async Task<ServiceResult> ChangedByAsync(MotorTraceDbContext db, Guid id)
    {
        var stamp = await db.WorkOrders.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new { w.UpdatedAt, By = db.Users.Where(u => u.Id == w.UpdatedById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync();
        return stamp is null ? Missing : ServiceResult.ChangedBy(What, stamp.By, dealer.ToLocal(stamp.UpdatedAt));
    }

    private static ServiceResult NotEditable(WorkOrderStatus status) =>
        ServiceResult.Fail("", $"This work order is {WorkOrderFlow.Label(status).ToLowerInvariant()}: its estimate can no longer change.");

    /// <summary>The lines as they will be after the save: what the context tracks for this work order, minus removals.</summary>
    private static IEnumerable<PricedLine> CurrentLines(MotorTraceDbContext db, WorkOrder workOrder) =>
        db.ChangeTracker.Entries<WorkOrderServiceLine>().Where(e => e.State != EntityState.Deleted && e.Entity.WorkOrderId == workOrder.Id)
            .Select(e => new PricedLine(EstimateLineKind.Service, e.Entity.Quantity, e.Entity.UnitPrice,
                WorkOrderTotals.DecisionOf(e.Entity.CustomerApproved, e.Entity.CustomerRejected), e.Entity.Payer))
            .Concat(db.ChangeTracker.Entries<WorkOrderPart>().Where(e => e.State != EntityState.Deleted && e.Entity.WorkOrderId == workOrder.Id)
                .Select(e => new PricedLine(EstimateLineKind.Part, e.Entity.Quantity, e.Entity.UnitPrice,
                    WorkOrderTotals.DecisionOf(e.Entity.CustomerApproved, e.Entity.CustomerRejected), e.Entity.Payer)))
            .ToList();

    private static WorkOrderTotals Compute(IEnumerable<PricedLine> lines, DiscountType type, decimal value, decimal taxRate, bool taxInclusive = false) =>
        WorkOrderTotals.Compute(lines, type, value, taxRate, taxInclusive);

    private static async Task<DealerSettings> SettingsAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken ct = default) =>
        await db.DealerSettings.AsNoTracking().FirstOrDefaultAsync(s => s.DealerId == dealerId, ct) ?? new DealerSettings { DealerId = dealerId };

    private static Task<IReadOnlyList<StaffChoice>> TechniciansAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken ct = default) =>
        StaffAsync(db, dealerId, Roles.Technician, ct);

    /// <summary>The dealer's active people in one role, by name.</summary>
    private static async Task<IReadOnlyList<StaffChoice>> StaffAsync(MotorTraceDbContext db, Guid dealerId, string roleName, CancellationToken ct = default) =>
        (await (
            from person in db.Users
            join userRole in db.UserRoles on person.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where person.DealerId == dealerId && person.IsActive && role.Name == roleName
            orderby person.FullName
            select new StaffChoice(person.Id, person.FullName)).AsNoTracking().ToListAsync(ct)).DistinctBy(p => p.Id).ToList();

    private static async Task<EstimateLineEntity?> LineAsync(MotorTraceDbContext db, Guid workOrderId, EstimateLineKind kind, Guid lineId) =>
        kind == EstimateLineKind.Service
            ? await db.WorkOrderServices.FirstOrDefaultAsync(s => s.Id == lineId && s.WorkOrderId == workOrderId) is { } s ? new EstimateLineEntity(s) : null
            : await db.WorkOrderParts.FirstOrDefaultAsync(p => p.Id == lineId && p.WorkOrderId == workOrderId) is { } p ? new EstimateLineEntity(p) : null;

    private static WorkOrderServiceLine NewService(WorkOrder workOrder, LineForm form) => new()
    {
        DealerId = workOrder.DealerId, WorkOrderId = workOrder.Id, Description = form.Description!.Trim(), Quantity = form.Quantity,
        UnitPrice = WorkOrderTotals.Round(form.UnitPrice), Subtotal = WorkOrderTotals.Round(form.Quantity * WorkOrderTotals.Round(form.UnitPrice)), Payer = form.Payer,
    };

    private static ServiceResult? CheckLine(LineForm form) =>
        string.IsNullOrWhiteSpace(form.Description) ? ServiceResult.Fail(nameof(LineForm.Description), "Describe the line as the customer will read it.")
        : form.Quantity is < 1 or > 999 ? ServiceResult.Fail(nameof(LineForm.Quantity), "Enter a quantity from 1 to 999.")
        : form.UnitPrice is < 0 or > 10_000_000 ? ServiceResult.Fail(nameof(LineForm.UnitPrice), "Enter a unit price from 0 to 10,000,000.")
        : null;

    private static ServiceResult? CheckAnswer(ApprovalForm form) =>
        form.Decision == ApprovalDecision.Reopened ? ServiceResult.Fail("", "Record an approval or a decline.")
        : form.Method is null ? ServiceResult.Fail(nameof(ApprovalForm.Method), "Choose how the customer answered.")
        : string.IsNullOrWhiteSpace(form.AnsweredBy) ? ServiceResult.Fail(nameof(ApprovalForm.AnsweredBy), "Enter who answered.")
        : null;

    private static string Describe(AddedLines added)
    {
        var text = $"Added {added.Service.Description}";
        var labor = added.Service.Labor.Count;
        if (labor > 0 || added.Parts.Count > 0)
            text += $" with {Count(labor, "labour step")}" + (added.Parts.Count > 0 ? $" and {Count(added.Parts.Count, "part")}" : "");
        text += ".";
        if (added.CategoriesWithoutStock.Count > 0) text += $" No stock for: {string.Join(", ", added.CategoriesWithoutStock)}.";
        return text;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    private static string? Lower(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private static ServiceResult<string> Ok(string message) => new(message, ServiceResult.Ok);
    private static ServiceResult<string> Fail(string field, string message) => ServiceResult.Fail(field, message);
}

/// <summary>A service or part line, tracked, seen the same way by the approval and editing rules.</summary>
internal sealed class EstimateLineEntity
{
    public EstimateLineEntity(WorkOrderServiceLine service) => Service = service;
    public EstimateLineEntity(WorkOrderPart part) => Part = part;

    public WorkOrderServiceLine? Service { get; }
    public WorkOrderPart? Part { get; }
    public EstimateLineKind Kind => Service is null ? EstimateLineKind.Part : EstimateLineKind.Service;
    public Guid Id => Service?.Id ?? Part!.Id;
    public string Description => Service?.Description ?? Part!.Description;
    public int Quantity => Service?.Quantity ?? Part!.Quantity;
    public decimal UnitPrice => Service?.UnitPrice ?? Part!.UnitPrice;
    public decimal Amount => WorkOrderTotals.Round(Quantity * UnitPrice);
    public LineDecision Decision => Service is { } s ? WorkOrderTotals.DecisionOf(s.CustomerApproved, s.CustomerRejected)
        : WorkOrderTotals.DecisionOf(Part!.CustomerApproved, Part.CustomerRejected);

    public void Set(string description, int quantity, decimal unitPrice, LinePayer payer)
    {
        var subtotal = WorkOrderTotals.Round(quantity * unitPrice);
        if (Service is { } s) (s.Description, s.Quantity, s.UnitPrice, s.Subtotal, s.Payer) = (description, quantity, unitPrice, subtotal, payer);
        else (Part!.Description, Part.Quantity, Part.UnitPrice, Part.Subtotal, Part.Payer) = (description, quantity, unitPrice, subtotal, payer);
    }

    public void SetDecision(LineDecision decision, DateTime now)
    {
        var (approved, rejected) = (decision == LineDecision.Approved, decision == LineDecision.Declined);
        if (Service is { } s)
            (s.CustomerApproved, s.CustomerRejected, s.ApprovedAt, s.RejectedAt) = (approved, rejected, approved ? now : null, rejected ? now : null);
        else
            (Part!.CustomerApproved, Part.CustomerRejected, Part.ApprovedAt, Part.RejectedAt) = (approved, rejected, approved ? now : null, rejected ? now : null);
    }
}
