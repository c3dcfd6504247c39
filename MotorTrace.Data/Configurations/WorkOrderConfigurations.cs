using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Configurations;

public class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.Property(w => w.WorkOrderNumber).HasMaxLength(32);
        builder.Property(w => w.Complaint).IsText();
        builder.Property(w => w.EstimateNotes).IsText();
        builder.Property(w => w.DiscountReason).HasMaxLength(500);
        builder.Property(w => w.InternalNotes).IsText();
        builder.Property(w => w.CustomerNotes).IsText();
        builder.Property(w => w.InvoiceNumber).HasMaxLength(32);
        builder.Property(w => w.WarrantyClaimNumber).HasMaxLength(100);
        builder.Property(w => w.ThirdPartyApprovalCode).HasMaxLength(100);
        builder.Property(w => w.CampaignId).HasMaxLength(100);
        builder.Property(w => w.ServicePackageId).HasMaxLength(100);
        builder.Property(w => w.CustomerSignature).IsText();
        builder.Property(w => w.CustomerFeedback).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(w => w.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Customer).WithMany().HasForeignKey(w => w.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Vehicle).WithMany().HasForeignKey(w => w.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Appointment).WithOne().HasForeignKey<WorkOrder>(w => w.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Advisor).WithMany().HasForeignKey(w => w.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.DealerId, w.WorkOrderNumber }).IsUnique();
        // Nulls are distinct on SQLite and PostgreSQL; the SQL Server provider filters them out by itself.
        builder.HasIndex(w => w.AppointmentId).IsUnique();
        builder.HasIndex(w => new { w.DealerId, w.Status });
        builder.HasIndex(w => new { w.DealerId, w.OpenedAt });
        builder.HasIndex(w => new { w.DealerId, w.PromisedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.DiscountApprovedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public class WorkOrderServiceConfiguration : IEntityTypeConfiguration<WorkOrderService>
{
    public void Configure(EntityTypeBuilder<WorkOrderService> builder)
    {
        builder.Property(s => s.Description).IsText();
        builder.Property(s => s.CustomerNotes).IsText();
        builder.Property(s => s.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.WorkOrder).WithMany(w => w.Services).HasForeignKey(s => s.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.CannedService).WithMany().HasForeignKey(s => s.CannedServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkOrderInspectionItem>().WithMany().HasForeignKey(s => s.InspectionItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class WorkOrderPartConfiguration : IEntityTypeConfiguration<WorkOrderPart>
{
    public void Configure(EntityTypeBuilder<WorkOrderPart> builder)
    {
        builder.Property(p => p.Description).IsText();
        builder.Property(p => p.CustomerNotes).IsText();
        builder.Property(p => p.SupplierName).HasMaxLength(200);
        builder.Property(p => p.SupplierInvoice).HasMaxLength(100);
        builder.Property(p => p.WarrantyInfo).IsText();
        builder.Property(p => p.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(p => p.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.WorkOrder).WithMany(w => w.Parts).HasForeignKey(p => p.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.InventoryItem).WithMany().HasForeignKey(p => p.InventoryItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.InstalledBy).WithMany().HasForeignKey(p => p.InstalledById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Service).WithMany(s => s.Parts).HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Restrict);
        // Returns never take back more than was issued; the service rule is the first guard, this the last.
        builder.ToTable(t => t.HasCheckConstraint("CK_WorkOrderParts_IssuedQuantity", "\"IssuedQuantity\" >= 0"));
    }
}

public class WorkOrderLaborConfiguration : IEntityTypeConfiguration<WorkOrderLabor>
{
    public void Configure(EntityTypeBuilder<WorkOrderLabor> builder)
    {
        builder.Property(l => l.Description).IsText();
        builder.Property(l => l.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(l => l.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.WorkOrder).WithMany(w => w.Labor).HasForeignKey(l => l.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Service).WithMany(s => s.Labor).HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.LaborCatalog).WithMany().HasForeignKey(l => l.LaborCatalogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Technician).WithMany().HasForeignKey(l => l.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        // The technician's job queue.
        builder.HasIndex(l => new { l.DealerId, l.TechnicianId, l.Status });
        // The technicians' report: lines finished in a period.
        builder.HasIndex(l => new { l.DealerId, l.Status, l.CompletedAt });
    }
}

public class WorkOrderInspectionConfiguration : IEntityTypeConfiguration<WorkOrderInspection>
{
    public void Configure(EntityTypeBuilder<WorkOrderInspection> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.TemplateName).HasMaxLength(200);
        builder.Property(i => i.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(i => i.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.WorkOrder).WithMany(w => w.Inspections).HasForeignKey(i => i.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Inspector).WithMany().HasForeignKey(i => i.InspectorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class WorkOrderInspectionItemConfiguration : IEntityTypeConfiguration<WorkOrderInspectionItem>
{
    public void Configure(EntityTypeBuilder<WorkOrderInspectionItem> builder)
    {
        builder.Property(i => i.Section).HasMaxLength(100);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(i => i.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Inspection).WithMany(x => x.Items).HasForeignKey(i => i.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MotorTrace.Data.Entities.Catalog.CannedService>().WithMany().HasForeignKey(i => i.CannedServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MotorTrace.Data.Entities.Catalog.LaborCatalog>().WithMany().HasForeignKey(i => i.LaborCatalogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.CheckedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.InspectionId, i.Sequence });
    }
}

public class WorkOrderTyreCheckConfiguration : IEntityTypeConfiguration<WorkOrderTyreCheck>
{
    public void Configure(EntityTypeBuilder<WorkOrderTyreCheck> builder)
    {
        builder.Property(t => t.TreadDepthMm).HasPrecision(4, 1);
        builder.Property(t => t.PressurePsi).HasPrecision(5, 1);
        builder.Property(t => t.Notes).IsText();
        builder.Property(t => t.Brand).HasMaxLength(100);
        builder.Property(t => t.Size).HasMaxLength(50);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(t => t.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Inspection).WithMany(i => i.TyreChecks).HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.InspectionId, t.Position }).IsUnique();
    }
}

public class WorkOrderInspectionAttachmentConfiguration : IEntityTypeConfiguration<WorkOrderInspectionAttachment>
{
    public void Configure(EntityTypeBuilder<WorkOrderInspectionAttachment> builder)
    {
        builder.Property(a => a.FileUrl).HasMaxLength(500);
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.FileType).HasMaxLength(100);
        builder.Property(a => a.Description).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Inspection).WithMany(i => i.Attachments).HasForeignKey(a => a.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkOrderInspectionItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public class WorkOrderQcConfiguration : IEntityTypeConfiguration<WorkOrderQc>
{
    public void Configure(EntityTypeBuilder<WorkOrderQc> builder)
    {
        builder.Property(q => q.Checklist).IsText();
        builder.Property(q => q.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(q => q.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(q => q.WorkOrder).WithMany(w => w.QualityChecks).HasForeignKey(q => q.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.CheckedBy).WithMany().HasForeignKey(q => q.CheckedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.WorkOrderId, q.CheckedAt });
    }
}

public class WorkOrderAttachmentConfiguration : IEntityTypeConfiguration<WorkOrderAttachment>
{
    public void Configure(EntityTypeBuilder<WorkOrderAttachment> builder)
    {
        builder.Property(a => a.FileUrl).HasMaxLength(500);
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.FileType).HasMaxLength(100);
        builder.Property(a => a.Description).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.WorkOrder).WithMany(w => w.Attachments).HasForeignKey(a => a.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public class WorkOrderLineApprovalConfiguration : IEntityTypeConfiguration<WorkOrderLineApproval>
{
    public void Configure(EntityTypeBuilder<WorkOrderLineApproval> builder)
    {
        builder.Property(a => a.Description).IsText();
        builder.Property(a => a.ApprovedByName).HasMaxLength(200);
        builder.Property(a => a.Notes).IsText();
        builder.Property(a => a.Signature).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.WorkOrder).WithMany(w => w.Approvals).HasForeignKey(a => a.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.WorkOrderId, a.LineId, a.RecordedAt });
    }
}

public class WorkOrderStatusChangeConfiguration : IEntityTypeConfiguration<WorkOrderStatusChange>
{
    public void Configure(EntityTypeBuilder<WorkOrderStatusChange> builder)
    {
        builder.Property(c => c.Note).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(c => c.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.WorkOrder).WithMany(w => w.StatusChanges).HasForeignKey(c => c.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.WorkOrderId, c.ChangedAt });
    }
}

public class LaborClockEventConfiguration : IEntityTypeConfiguration<LaborClockEvent>
{
    public void Configure(EntityTypeBuilder<LaborClockEvent> builder)
    {
        builder.HasOne<Dealer>().WithMany().HasForeignKey(e => e.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Labor).WithMany(l => l.ClockEvents).HasForeignKey(e => e.LaborId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.LaborId, e.At });
        // A technician's running clock, and the manager's efficiency figures.
        builder.HasIndex(e => new { e.DealerId, e.TechnicianId, e.At });
    }
}

public class InspectionTemplateConfiguration : IEntityTypeConfiguration<InspectionTemplate>
{
    public void Configure(EntityTypeBuilder<InspectionTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(t => t.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.DealerId, t.Name }).IsUnique();
    }
}

public class InspectionTemplateItemConfiguration : IEntityTypeConfiguration<InspectionTemplateItem>
{
    public void Configure(EntityTypeBuilder<InspectionTemplateItem> builder)
    {
        builder.Property(i => i.Section).HasMaxLength(100);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(i => i.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Template).WithMany(t => t.Items).HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MotorTrace.Data.Entities.Catalog.CannedService>().WithMany().HasForeignKey(i => i.CannedServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MotorTrace.Data.Entities.Catalog.LaborCatalog>().WithMany().HasForeignKey(i => i.LaborCatalogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.TemplateId, i.Sequence });
    }
}

public class ProcessedRequestConfiguration : IEntityTypeConfiguration<MotorTrace.Data.Entities.Common.ProcessedRequest>
{
    public void Configure(EntityTypeBuilder<MotorTrace.Data.Entities.Common.ProcessedRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Action).HasMaxLength(50);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(r => r.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
