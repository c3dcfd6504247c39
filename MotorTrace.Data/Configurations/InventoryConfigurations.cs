using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Configurations;

public class InventoryCategoryConfiguration : IEntityTypeConfiguration<InventoryCategory>
{
    public void Configure(EntityTypeBuilder<InventoryCategory> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

public class InventoryItemConfiguration : IEntityTypeConfiguration<InventoryItem>
{
    public void Configure(EntityTypeBuilder<InventoryItem> builder)
    {
        // The last line of defence behind the stock service's own check: stock never goes negative.
        builder.ToTable(t => t.HasCheckConstraint("CK_InventoryItems_Quantity", "\"Quantity\" >= 0"));
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Sku).HasMaxLength(64);
        builder.Property(i => i.PartNumber).HasMaxLength(64);
        builder.Property(i => i.Manufacturer).HasMaxLength(100);
        builder.Property(i => i.Location).HasMaxLength(100);
        builder.Property(i => i.Supplier).HasMaxLength(200);
        builder.Property(i => i.SupplierPartNumber).HasMaxLength(64);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(i => i.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.DealerId, i.Sku }).IsUnique();
        builder.HasIndex(i => new { i.DealerId, i.PartNumber }).IsUnique();
        builder.HasIndex(i => new { i.DealerId, i.Name });
    }
}

public class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.Property(m => m.Reference).HasMaxLength(100);
        builder.Property(m => m.Reason).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(m => m.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.InventoryItem).WithMany().HasForeignKey(m => m.InventoryItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.WorkOrder).WithMany().HasForeignKey(m => m.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.WorkOrderPart).WithMany().HasForeignKey(m => m.WorkOrderPartId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.StockReceipt).WithMany().HasForeignKey(m => m.StockReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.StockTake).WithMany().HasForeignKey(m => m.StockTakeId).OnDelete(DeleteBehavior.Restrict);
        // Who moved the stock is part of the ledger, so the audit stamp is a real foreign key here.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.InventoryItemId, m.CreatedAt });
        builder.HasIndex(m => new { m.DealerId, m.CreatedAt });
    }
}

public class StockReceiptConfiguration : IEntityTypeConfiguration<StockReceipt>
{
    public void Configure(EntityTypeBuilder<StockReceipt> builder)
    {
        builder.Property(r => r.ReceiptNumber).HasMaxLength(32);
        builder.Property(r => r.Supplier).HasMaxLength(200);
        builder.Property(r => r.SupplierInvoiceNumber).HasMaxLength(64);
        builder.Property(r => r.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(r => r.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReceivedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.DealerId, r.ReceiptNumber }).IsUnique();
        builder.HasIndex(r => new { r.DealerId, r.ReceivedAt });
    }
}

public class StockReceiptLineConfiguration : IEntityTypeConfiguration<StockReceiptLine>
{
    public void Configure(EntityTypeBuilder<StockReceiptLine> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_StockReceiptLines_Quantity", "\"Quantity\" > 0"));
        builder.HasOne<Dealer>().WithMany().HasForeignKey(l => l.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.StockReceipt).WithMany(r => r.Lines).HasForeignKey(l => l.StockReceiptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.InventoryItem).WithMany().HasForeignKey(l => l.InventoryItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class StockTakeConfiguration : IEntityTypeConfiguration<StockTake>
{
    public void Configure(EntityTypeBuilder<StockTake> builder)
    {
        builder.Property(t => t.Number).HasMaxLength(32);
        builder.Property(t => t.Location).HasMaxLength(100);
        builder.Property(t => t.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(t => t.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.PostedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.DealerId, t.Number }).IsUnique();
        builder.HasIndex(t => new { t.DealerId, t.Status });
    }
}

public class StockTakeLineConfiguration : IEntityTypeConfiguration<StockTakeLine>
{
    public void Configure(EntityTypeBuilder<StockTakeLine> builder)
    {
        builder.HasOne<Dealer>().WithMany().HasForeignKey(l => l.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.StockTake).WithMany(t => t.Lines).HasForeignKey(l => l.StockTakeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.InventoryItem).WithMany().HasForeignKey(l => l.InventoryItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.CountedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.StockTakeId, l.InventoryItemId }).IsUnique();
    }
}
