using System.ComponentModel.DataAnnotations;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>A priced line as the advisor types it: a free-text service, or the editable part of any line.</summary>
public sealed class LineForm
{
    [Required(ErrorMessage = "Describe the line as the customer will read it.")]
    [StringLength(500, ErrorMessage = "Keep the description under 500 characters.")]
    public string? Description { get; set; }

    [Range(1, 999, ErrorMessage = "Enter a quantity from 1 to 999.")]
    public int Quantity { get; set; } = 1;

    [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Enter a unit price from 0 to 10,000,000.")]
    public decimal UnitPrice { get; set; }

    public LinePayer Payer { get; set; } = LinePayer.Customer;
}

/// <summary>A part line: from stock (at the item's current price) or from another source with its supplier fields.</summary>
public sealed class PartForm
{
    public PartSource Source { get; set; } = PartSource.Inventory;

    /// <summary>The stock item, for <see cref="PartSource.Inventory"/>.</summary>
    public Guid? InventoryItemId { get; set; }

    [StringLength(500, ErrorMessage = "Keep the description under 500 characters.")]
    public string? Description { get; set; }

    [Range(1, 999, ErrorMessage = "Enter a quantity from 1 to 999.")]
    public int Quantity { get; set; } = 1;

    [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Enter a unit price from 0 to 10,000,000.")]
    public decimal UnitPrice { get; set; }

    public LinePayer Payer { get; set; } = LinePayer.Customer;

    [StringLength(200, ErrorMessage = "Keep the supplier's name under 200 characters.")]
    public string? SupplierName { get; set; }

    [StringLength(100, ErrorMessage = "Keep the supplier's invoice number under 100 characters.")]
    public string? SupplierInvoice { get; set; }

    /// <summary>The service line the part belongs to, if any.</summary>
    public Guid? ServiceId { get; set; }
}

/// <summary>The customer's answer to one line (or to every line still waiting), as the advisor records it.</summary>
public sealed class ApprovalForm
{
    public ApprovalDecision Decision { get; set; } = ApprovalDecision.Approved;

    [Required(ErrorMessage = "Choose how the customer answered.")]
    public ApprovalMethod? Method { get; set; }

    [Required(ErrorMessage = "Enter who answered.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string? AnsweredBy { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the notes under 2000 characters.")]
    public string? Notes { get; set; }
}

/// <summary>A discount on the whole work order: an amount or a percent, always with a reason.</summary>
public sealed class DiscountForm
{
    public DiscountType Type { get; set; } = DiscountType.Percentage;

    [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Enter a discount of 0 or more.")]
    public decimal Value { get; set; }

    [StringLength(500, ErrorMessage = "Keep the reason under 500 characters.")]
    public string? Reason { get; set; }
}

/// <summary>One labour step under a service line: who does it and the book time.</summary>
public sealed record EstimateLabor(Guid Id, string Description, int? EstimatedMinutes, Guid? TechnicianId, string? Technician, ServiceStatus Status);

/// <summary>One row of approval evidence, as recorded (append-only).</summary>
public sealed record EstimateEvidence(
    Guid Id, EstimateLineKind Kind, Guid LineId, ApprovalDecision Decision, ApprovalMethod? Method, string Description, int Quantity,
    decimal PriceShown, string? AnsweredBy, string? Notes, string RecordedBy, DateTime RecordedAt);

/// <summary>
/// A priced line of the estimate: a service (with its labour steps) or a part (under its service, or on its own).
/// <see cref="Amount"/> is the rounded quantity × unit price the totals count.
/// </summary>
public sealed record EstimateLine(
    EstimateLineKind Kind, Guid Id, Guid? ServiceId, string Description, int Quantity, decimal UnitPrice, LineDecision Decision, LinePayer Payer,
    PartSource? Source, Guid? InventoryItemId, int IssuedQuantity, int? OnHand, string? SupplierName, string? SupplierInvoice,
    Guid? InspectionItemId, bool HasStockHistory, IReadOnlyList<EstimateLabor> Labor)
{
    public decimal Amount => WorkOrderTotals.Round(Quantity * UnitPrice);
    public bool IsPart => Kind == EstimateLineKind.Part;
    public bool FromStock => IsPart && Source == PartSource.Inventory && InventoryItemId is not null;
}

/// <summary>An inspection photo of a finding (served by the inspection's attachment endpoint).</summary>
public sealed record FindingPhoto(Guid Id, string FileName, string FileUrl);

/// <summary>A yellow or red inspection item and what it can become on the estimate.</summary>
public sealed record EstimateFinding(
    Guid ItemId, string Inspection, string? Section, string Name, InspectionCondition Condition, string? Notes,
    string? MapsTo, Guid? EstimateServiceId, string? EstimateLine, IReadOnlyList<FindingPhoto> Photos)
{
    public bool IsMapped => MapsTo is not null;
    public bool OnEstimate => EstimateServiceId is not null;
}

/// <summary>The discount as it stands: applied, or waiting for a Manager.</summary>
public sealed record DiscountState(
    DiscountType Type, decimal Value, string? Reason, bool AwaitingManager, DateTime? RequestedAt, string? ApprovedBy, DateTime? ApprovedAt);

public sealed record StaffChoice(Guid Id, string Name);

/// <summary>Everything the estimate part of the work-order page shows, read in one go.</summary>
public sealed record WorkOrderEstimate(
    Guid Id, string Number, WorkOrderStatus Status, Guid Version, Guid VehicleId, string CustomerName, string Currency,
    IReadOnlyList<EstimateLine> Lines, WorkOrderTotals Totals, DiscountState Discount, decimal TaxRatePercent, decimal DiscountLimitPercent,
    IReadOnlyList<EstimateEvidence> Evidence, IReadOnlyList<EstimateFinding> Findings, IReadOnlyList<StaffChoice> Technicians,
    bool CanEdit, bool CanApproveDiscount, bool CanIssue)
{
    public IEnumerable<EstimateLine> Services => Lines.Where(l => l.Kind == EstimateLineKind.Service);
    public IEnumerable<EstimateLine> PartsOf(Guid serviceId) => Lines.Where(l => l.IsPart && l.ServiceId == serviceId);
    public IEnumerable<EstimateLine> LooseParts => Lines.Where(l => l.IsPart && l.ServiceId is null);
    public IEnumerable<EstimateEvidence> HistoryOf(Guid lineId) => Evidence.Where(e => e.LineId == lineId);
    public int PendingCount => Lines.Count(l => l.Decision == LineDecision.Pending);
}

/// <summary>A choice in the add-a-line pickers.</summary>
public sealed record CatalogChoice(Guid Id, string Code, string Name, decimal Price, int Minutes)
{
    public override string ToString() => $"{Code} · {Name}";
}

/// <summary>A stock item for the part picker, with what is on the shelf now.</summary>
public sealed record StockChoice(Guid Id, string Sku, string? PartNumber, string Name, decimal UnitPrice, int OnHand)
{
    public override string ToString() => PartNumber is null ? $"{Sku} · {Name}" : $"{Sku} · {PartNumber} · {Name}";
}

/// <summary>What a recommendation made from a declined line says, so it is found again for the same line.</summary>
public static class DeclinedLineRecommendation
{
    public static string Reason(string workOrderNumber) => $"Declined on {workOrderNumber}";

    public static bool IsOpen(RecommendationStatus status) => status is RecommendationStatus.Pending or RecommendationStatus.Scheduled;
}
