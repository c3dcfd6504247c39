using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Configurations;

public class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.Designation).HasMaxLength(50);
        builder.Property(u => u.ProfileImage).HasMaxLength(500);
        builder.Property(u => u.PhoneNumber).HasMaxLength(32);
        builder.Property(u => u.PasswordHash).IsText();
        builder.HasOne(u => u.Dealer).WithMany().HasForeignKey(u => u.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.StaffProfile).WithOne(p => p.User).HasForeignKey<StaffProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(u => u.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.DealerId);
        builder.HasIndex(u => u.UserType);
        builder.HasIndex(u => u.FullName);
    }
}

public class StaffProfileConfiguration : IEntityTypeConfiguration<StaffProfile>
{
    public void Configure(EntityTypeBuilder<StaffProfile> builder)
    {
        builder.Property(p => p.EmployeeId).HasMaxLength(50);
        builder.Property(p => p.Department).HasMaxLength(100);
        builder.Property(p => p.Mobile).HasMaxLength(32);
        builder.Property(p => p.Specialization).HasMaxLength(200);
        builder.PrimitiveCollection(p => p.Certifications); // JSON text on SQLite, text[] on PostgreSQL
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => p.EmployeeId).IsUnique();
    }
}
