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
        // Who moved the stock is part of the ledger, so the audit stamp is a real foreign key here.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.InventoryItemId, m.CreatedAt });
    }
}
