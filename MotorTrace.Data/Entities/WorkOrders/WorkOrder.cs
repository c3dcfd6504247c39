using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// Seed 000 WorkOrder: one visit of one vehicle, from check-in through estimate, work, QC and invoice to
/// closing. Totals are kept on the row (recomputed from the lines on every change) so lists and reports
/// need not sum lines.
/// </summary>
public class WorkOrder : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }

    /// <summary>Numbered per dealer, so two dealers may both have WO-000123.</summary>
    public string WorkOrderNumber { get; set; } = "";
    public Guid CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;

    /// <summary>The booking this visit came from; at most one work order per appointment.</summary>
    public Guid? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public Guid? AdvisorId { get; set; }
    public ApplicationUser? Advisor { get; set; }
    public WorkOrderStatus Status { get; set; } = WorkOrderStatus.Draft;
    public JobType JobType { get; set; } = JobType.Service;
    public JobPriority Priority { get; set; } = JobPriority.Normal;
    public JobSource Source { get; set; } = JobSource.WalkIn;
    public string? Complaint { get; set; }
    public int? OdometerReading { get; set; }
    public WarrantyStatus WarrantyStatus { get; set; } = WarrantyStatus.None;

    public decimal? EstimatedTotal { get; set; }
    public string? EstimateNotes { get; set; }
    public bool EstimateApproved { get; set; }
    public decimal SubtotalServices { get; set; }
    public decimal SubtotalParts { get; set; }
    public decimal Subtotal { get; set; }
    public decimal DiscountAmount { get; set; }
    public DiscountType DiscountType { get; set; } = DiscountType.None;

    /// <summary>What the advisor entered: the percent for <see cref="DiscountType.Percentage"/>, the amount for Fixed.</summary>
    public decimal DiscountValue { get; set; }
    public string? DiscountReason { get; set; }

    /// <summary>A discount above the dealer's limit waits for a Manager: requested at, approved by and at.</summary>
    public DateTime? DiscountRequestedAt { get; set; }
    public Guid? DiscountApprovedById { get; set; }
    public DateTime? DiscountApprovedAt { get; set; }
    public decimal TaxAmount { get; set; }
    public decimal TotalAmount { get; set; }
    public decimal PaidAmount { get; set; }

    public DateTime OpenedAt { get; set; }
    public DateTime? PromisedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public WorkflowStep WorkflowStep { get; set; } = WorkflowStep.Received;
    public string? InternalNotes { get; set; }
    public string? CustomerNotes { get; set; }

    /// <summary>Copy of the issued invoice's number, for search and lists without a join.</summary>
    public string? InvoiceNumber { get; set; }
    public DateTime? FinalizedAt { get; set; }
    public PaymentStatus PaymentStatus { get; set; } = PaymentStatus.Unpaid;
    public string? WarrantyClaimNumber { get; set; }
    public string? ThirdPartyApprovalCode { get; set; }

    // Campaigns and service packages have no table in either seed: these are the manufacturer's or
    // insurer's own references, kept as typed so they can be matched later, not foreign keys.
    public string? CampaignId { get; set; }
    public string? ServicePackageId { get; set; }

    /// <summary>The signature image as a data URL.</summary>
    public string? CustomerSignature { get; set; }
    public string? CustomerFeedback { get; set; }
    public Guid Version { get; set; }

    public List<WorkOrderService> Services { get; set; } = [];
    public List<WorkOrderPart> Parts { get; set; } = [];
    public List<WorkOrderLabor> Labor { get; set; } = [];
    public List<WorkOrderInspection> Inspections { get; set; } = [];
    public List<WorkOrderQc> QualityChecks { get; set; } = [];
    public List<WorkOrderAttachment> Attachments { get; set; } = [];
    public List<WorkOrderLineApproval> Approvals { get; set; } = [];
    public List<WorkOrderStatusChange> StatusChanges { get; set; } = [];
}

public enum WorkOrderStatus
{
    Draft,
    Open,
    Estimate,
    AwaitingApproval,
    Approved,
    InProgress,
    WaitingForParts,
    QualityCheck,
    Completed,
    Invoiced,
    Closed,
    Cancelled,
}

public enum JobType
{
    Service,
    Repair,
    Maintenance,
    Inspection,
    Warranty,
    Recall,
    Diagnostic,
    BodyWork,
    Other,
}

public enum JobPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum JobSource
{
    WalkIn,
    Appointment,
    Phone,
    Online,
    Fleet,
    Warranty,
    Recall,
}

public enum WarrantyStatus
{
    None,
    Pending,
    Approved,
    Rejected,
    Partial,
}

public enum WorkflowStep
{
    Received,
    Estimate,
    Approval,
    Work,
    QualityCheck,
    Invoice,
    Delivered,
}

/// <summary>Who pays for a line: the customer, the manufacturer's warranty, or the dealer itself.</summary>
public enum LinePayer
{
    Customer,
    Warranty,
    Internal,
}

/// <summary>The work order's payment summary; single payments have their own <c>PaymentRecordStatus</c>.</summary>
public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    Refunded,
    PartiallyRefunded,
}

public enum DiscountType
{
    None,
    Percentage,
    Fixed,
}
