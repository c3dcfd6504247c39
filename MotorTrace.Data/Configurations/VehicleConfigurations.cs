using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Configurations;

public class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> builder)
    {
        builder.Property(v => v.Make).HasMaxLength(100);
        builder.Property(v => v.Model).HasMaxLength(100);
        builder.Property(v => v.Vin).HasMaxLength(32);
        builder.Property(v => v.LicensePlate).HasMaxLength(20);
        builder.Property(v => v.LicensePlateNormalized).HasMaxLength(20);
        builder.Property(v => v.Color).HasMaxLength(50);
        builder.Property(v => v.ImageUrl).HasMaxLength(500);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(v => v.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Customer).WithMany(c => c.Vehicles).HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // Per dealer, not global: a global unique VIN would reveal that another dealer services the car.
        builder.HasIndex(v => new { v.DealerId, v.Vin }).IsUnique();
        builder.HasIndex(v => new { v.DealerId, v.LicensePlateNormalized });
    }
}

public class VehicleProfileConfiguration : IEntityTypeConfiguration<VehicleProfile>
{
    public void Configure(EntityTypeBuilder<VehicleProfile> builder)
    {
        builder.Property(p => p.PrimaryUse).HasMaxLength(100);
        builder.Property(p => p.EngineType).HasMaxLength(50);
        builder.Property(p => p.TransmissionType).HasMaxLength(50);
        builder.Property(p => p.FuelType).HasMaxLength(50);
        // No column type on purpose: a JSON text column on SQLite, a text[] array on PostgreSQL (Npgsql
        // cannot map a List<string> to a plain text column). Both are queryable with LINQ.
        builder.PrimitiveCollection(p => p.NotificationPreferences);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(p => p.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Vehicle).WithOne(v => v.Profile).HasForeignKey<VehicleProfile>(p => p.VehicleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.VehicleId).IsUnique();
    }
}

public class VehicleMileageConfiguration : IEntityTypeConfiguration<VehicleMileage>
{
    public void Configure(EntityTypeBuilder<VehicleMileage> builder)
    {
        builder.Property(m => m.TotalFuelUsed).HasPrecision(10, 2);
        builder.Property(m => m.AverageEfficiency).HasPrecision(10, 3);
        builder.Property(m => m.LastLocationLat).HasPrecision(9, 6);
        builder.Property(m => m.LastLocationLng).HasPrecision(9, 6);
        builder.Property(m => m.LastLocationName).HasMaxLength(200);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(m => m.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Vehicle).WithOne(v => v.Mileage).HasForeignKey<VehicleMileage>(m => m.VehicleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.VehicleId).IsUnique();
    }
}

public class MileageEntryConfiguration : IEntityTypeConfiguration<MileageEntry>
{
    public void Configure(EntityTypeBuilder<MileageEntry> builder)
    {
        builder.Property(e => e.FuelUsed).HasPrecision(10, 2);
        builder.Property(e => e.Efficiency).HasPrecision(10, 3);
        builder.Property(e => e.Latitude).HasPrecision(9, 6);
        builder.Property(e => e.Longitude).HasPrecision(9, 6);
        builder.Property(e => e.LocationName).HasMaxLength(200);
        builder.Property(e => e.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(e => e.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Vehicle).WithMany(v => v.MileageEntries).HasForeignKey(e => e.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.CorrectionApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VehicleId, e.RecordedAt });
    }
}

public class VehicleServiceHistoryConfiguration : IEntityTypeConfiguration<VehicleServiceHistory>
{
    public void Configure(EntityTypeBuilder<VehicleServiceHistory> builder)
    {
        builder.Property(h => h.ServiceType).HasMaxLength(100);
        builder.Property(h => h.ServiceName).HasMaxLength(200);
        builder.Property(h => h.Provider).HasMaxLength(200);
        builder.Property(h => h.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(h => h.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.Vehicle).WithMany(v => v.ServiceHistory).HasForeignKey(h => h.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.WorkOrder).WithMany().HasForeignKey(h => h.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.VehicleId, h.ServiceDate });
    }
}

public class ServiceRecommendationConfiguration : IEntityTypeConfiguration<ServiceRecommendation>
{
    public void Configure(EntityTypeBuilder<ServiceRecommendation> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.DismissedReason).HasMaxLength(500);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.HasOne<MotorTrace.Data.Entities.WorkOrders.WorkOrder>().WithMany().HasForeignKey(r => r.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MotorTrace.Data.Entities.Catalog.CannedService>().WithMany().HasForeignKey(r => r.CannedServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(r => r.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Vehicle).WithMany(v => v.Recommendations).HasForeignKey(r => r.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Rule).WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.VehicleId, r.RuleId });
        builder.HasIndex(r => new { r.DealerId, r.Status });
    }
}

public class CarExpenseConfiguration : IEntityTypeConfiguration<CarExpense>
{
    public void Configure(EntityTypeBuilder<CarExpense> builder)
    {
        builder.Property(e => e.Description).IsText();
        builder.Property(e => e.Provider).HasMaxLength(200);
        builder.Property(e => e.ReceiptUrl).HasMaxLength(500);
        builder.Property(e => e.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(e => e.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Vehicle).WithMany(v => v.Expenses).HasForeignKey(e => e.VehicleId).OnDelete(DeleteBehavior.Restrict);
        // The seed's createdById: here it names who logged the expense (usually the owner), not just an audit stamp.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VehicleId, e.Date });
    }
}

public class ServiceRuleConfiguration : IEntityTypeConfiguration<ServiceRule>
{
    public void Configure(EntityTypeBuilder<ServiceRule> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(50);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Description).IsText();
        builder.Property(r => r.ServiceType).HasMaxLength(100);
        builder.Property(r => r.ServiceName).HasMaxLength(200);
        builder.Property(r => r.Category).HasMaxLength(100);
        // JSON text on SQLite, text[] on PostgreSQL (see VehicleProfileConfiguration).
        builder.PrimitiveCollection(r => r.DependsOn);
        builder.PrimitiveCollection(r => r.ConflictsWith);
        builder.PrimitiveCollection(r => r.ApplicableVehicleTypes);
        builder.PrimitiveCollection(r => r.ApplicableDrivingConditions);
        builder.Property(r => r.SevereConditionMultiplier).HasPrecision(6, 3);
        builder.Property(r => r.OffroadMultiplier).HasPrecision(6, 3);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasIndex(r => r.IsActive);
    }
}
