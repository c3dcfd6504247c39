using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Inventory;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// Seed 000 WorkOrderPart: one part line of a work order. From stock it names the
/// <see cref="InventoryItem"/> (issuing it writes a stock movement); otherwise the supplier.
/// </summary>
public class WorkOrderPart : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public Guid? InventoryItemId { get; set; }
    public InventoryItem? InventoryItem { get; set; }
    public Guid? InstalledById { get; set; }
    public ApplicationUser? InstalledBy { get; set; }
    public string Description { get; set; } = "";
    public int Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public decimal Subtotal { get; set; }
    public bool CustomerApproved { get; set; }
    public bool CustomerRejected { get; set; }
    public string? CustomerNotes { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public DateTime? RejectedAt { get; set; }
    public PartSource Source { get; set; } = PartSource.Inventory;
    public LinePayer Payer { get; set; } = LinePayer.Customer;

    /// <summary>The service line the part belongs to, if any (proposed from its parts categories).</summary>
    public Guid? ServiceId { get; set; }
    public WorkOrderService? Service { get; set; }

    /// <summary>Units taken out of stock for this line, net of returns; every change is a stock movement.</summary>
    public int IssuedQuantity { get; set; }
    public string? SupplierName { get; set; }
    public string? SupplierInvoice { get; set; }
    public string? WarrantyInfo { get; set; }
    public string? Notes { get; set; }
    public DateTime? InstalledAt { get; set; }
}

public enum PartSource
{
    Inventory,
    Supplier,
    Customer,
    Warranty,
    Salvage,
}
