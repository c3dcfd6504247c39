using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Configurations;

public class DealerSettingsConfiguration : IEntityTypeConfiguration<DealerSettings>
{
    public void Configure(EntityTypeBuilder<DealerSettings> builder)
    {
        builder.Property(s => s.TaxRatePercent).HasPrecision(5, 2);
        builder.Property(s => s.CurrencyCode).HasMaxLength(3);
        builder.Property(s => s.TaxRegistrationNumber).HasMaxLength(64);
        builder.Property(s => s.InvoiceTerms).IsText();
        builder.Property(s => s.DiscountApprovalPercent).HasPrecision(5, 2);
        builder.Property(s => s.LaborCostPerHour).HasPrecision(18, 2);
        builder.Property(s => s.AttachmentTypes).HasMaxLength(100);
        builder.HasOne<Dealer>().WithOne().HasForeignKey<DealerSettings>(s => s.DealerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.DealerId).IsUnique();
    }
}

public class DealerShopHoursConfiguration : IEntityTypeConfiguration<DealerShopHours>
{
    public void Configure(EntityTypeBuilder<DealerShopHours> builder)
    {
        builder.HasOne<Dealer>().WithMany().HasForeignKey(h => h.DealerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.DealerId, h.DayOfWeek }).IsUnique();
    }
}

public class DealerSequenceConfiguration : IEntityTypeConfiguration<DealerSequence>
{
    public void Configure(EntityTypeBuilder<DealerSequence> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(50);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.DealerId, s.Name }).IsUnique();
    }
}

public class CustomerNoteConfiguration : IEntityTypeConfiguration<CustomerNote>
{
    public void Configure(EntityTypeBuilder<CustomerNote> builder)
    {
        builder.Property(n => n.Text).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(n => n.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Customer).WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CustomerId, n.CreatedAt });
    }
}

public class AppointmentStatusChangeConfiguration : IEntityTypeConfiguration<AppointmentStatusChange>
{
    public void Configure(EntityTypeBuilder<AppointmentStatusChange> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(c => c.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Appointment).WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AppointmentId, c.ChangedAt });
    }
}

public class VehicleTransferConfiguration : IEntityTypeConfiguration<VehicleTransfer>
{
    public void Configure(EntityTypeBuilder<VehicleTransfer> builder)
    {
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(t => t.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Vehicle).WithMany().HasForeignKey(t => t.VehicleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.FromCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.ToCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.TransferredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.VehicleId, t.TransferredAt });
    }
}
