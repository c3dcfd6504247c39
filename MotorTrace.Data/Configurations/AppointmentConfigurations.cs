using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Configurations;

public class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Notes).IsText();
        builder.Property(a => a.CancellationReason).HasMaxLength(500);
        builder.Property(a => a.CapacityOverrideNote).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Customer).WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Vehicle).WithMany().HasForeignKey(a => a.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AssignedTo).WithMany().HasForeignKey(a => a.AssignedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.StatusChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.DealerId, a.StartTime });
        builder.HasIndex(a => new { a.DealerId, a.Status });
        builder.HasIndex(a => new { a.AssignedToId, a.StartTime });
    }
}

public class AppointmentCannedServiceConfiguration : IEntityTypeConfiguration<AppointmentCannedService>
{
    public void Configure(EntityTypeBuilder<AppointmentCannedService> builder)
    {
        builder.Property(s => s.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Appointment).WithMany(a => a.Services).HasForeignKey(s => s.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.CannedService).WithMany().HasForeignKey(s => s.CannedServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
