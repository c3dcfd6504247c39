using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Configurations;

public class CannedServiceConfiguration : IEntityTypeConfiguration<CannedService>
{
    public void Configure(EntityTypeBuilder<CannedService> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(50);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).IsText();
        builder.Property(s => s.Category).HasMaxLength(100);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DealerId, s.Code }).IsUnique();
        builder.HasIndex(s => new { s.DealerId, s.Name });
    }
}

public class CannedServiceLaborConfiguration : IEntityTypeConfiguration<CannedServiceLabor>
{
    public void Configure(EntityTypeBuilder<CannedServiceLabor> builder)
    {
        builder.Property(l => l.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(l => l.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.CannedService).WithMany(s => s.Labor).HasForeignKey(l => l.CannedServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.LaborCatalog).WithMany().HasForeignKey(l => l.LaborCatalogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.CannedServiceId, l.Sequence }).IsUnique();
    }
}

public class CannedServicePartsCategoryConfiguration : IEntityTypeConfiguration<CannedServicePartsCategory>
{
    public void Configure(EntityTypeBuilder<CannedServicePartsCategory> builder)
    {
        builder.Property(p => p.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(p => p.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.CannedService).WithMany(s => s.PartsCategories).HasForeignKey(p => p.CannedServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CannedServiceId, p.CategoryId }).IsUnique();
    }
}

public class LaborCatalogConfiguration : IEntityTypeConfiguration<LaborCatalog>
{
    public void Configure(EntityTypeBuilder<LaborCatalog> builder)
    {
        builder.Property(l => l.Code).HasMaxLength(50);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Description).IsText();
        builder.Property(l => l.Category).HasMaxLength(100);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(l => l.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.DealerId, l.Code }).IsUnique();
    }
}
