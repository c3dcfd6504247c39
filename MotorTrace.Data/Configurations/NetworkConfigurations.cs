using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Configurations;

public class DealerConfiguration : IEntityTypeConfiguration<Dealer>
{
    public void Configure(EntityTypeBuilder<Dealer> builder)
    {
        builder.Property(d => d.DealerCode).HasMaxLength(50);
        builder.Property(d => d.Name).HasMaxLength(255);
        builder.Property(d => d.Address).IsText();
        builder.Property(d => d.City).HasMaxLength(100);
        builder.Property(d => d.State).HasMaxLength(100);
        builder.Property(d => d.Country).HasMaxLength(100);
        builder.Property(d => d.PostalCode).HasMaxLength(20);
        builder.Property(d => d.Phone).HasMaxLength(32);
        builder.Property(d => d.Email).HasMaxLength(255);
        builder.Property(d => d.Brand).HasMaxLength(50);
        builder.Property(d => d.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(d => d.DealerCode).IsUnique();
        builder.HasIndex(d => d.Status);
        builder.HasIndex(d => d.Name);
    }
}

public class ModuleAccessConfiguration : IEntityTypeConfiguration<ModuleAccess>
{
    public void Configure(EntityTypeBuilder<ModuleAccess> builder)
    {
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.GrantedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.UserId, m.Module }).IsUnique();
        builder.HasIndex(m => m.Module);
    }
}

public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.SessionId).HasMaxLength(64);
        builder.Property(s => s.IpAddress).HasMaxLength(45);
        builder.Property(s => s.UserAgent).IsText();
        builder.Property(s => s.DeviceInfo).HasMaxLength(200);
        builder.Property(s => s.Location).HasMaxLength(200);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.EndedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.SessionId).IsUnique();
        builder.HasIndex(s => new { s.UserId, s.IsActive });
        builder.HasIndex(s => s.IsActive);
    }
}

public class LoginActivityConfiguration : IEntityTypeConfiguration<LoginActivity>
{
    public void Configure(EntityTypeBuilder<LoginActivity> builder)
    {
        builder.Property(a => a.Email).HasMaxLength(255);
        builder.Property(a => a.IpAddress).HasMaxLength(45);
        builder.Property(a => a.UserAgent).IsText();
        builder.Property(a => a.DeviceInfo).HasMaxLength(200);
        builder.Property(a => a.Location).HasMaxLength(200);
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.CreatedAt });
        builder.HasIndex(a => a.CreatedAt);
    }
}

public class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        // No foreign key to users on purpose: the audit trail outlives the records and users it names.
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.OldValues).IsText();
        builder.Property(a => a.NewValues).IsText();
        builder.Property(a => a.IpAddress).HasMaxLength(45);
        builder.Property(a => a.UserAgent).IsText();
        builder.HasIndex(a => a.UserId);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.CreatedAt);
        builder.HasIndex(a => a.DealerId);
    }
}

public class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.Property(s => s.Category).HasMaxLength(50);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).IsText();
        builder.Property(s => s.Description).IsText();
        builder.HasIndex(s => new { s.Category, s.Key }).IsUnique();
        builder.HasIndex(s => s.Category);
    }
}

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(255);
        builder.Property(n => n.Message).IsText();
        builder.Property(n => n.ActionUrl).HasMaxLength(500);
        builder.Property(n => n.ActionText).HasMaxLength(100);
        builder.Property(n => n.Metadata).IsText();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(n => n.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(n => n.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.UserId, n.IsRead });
        builder.HasIndex(n => n.CreatedAt);
    }
}

/// <summary>
/// Microsoft's key entity (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore) in the shape the key table
/// had before (both columns required, the name at most 200 characters), so databases from before ADR-008 keep
/// their keys and nobody is signed out by the upgrade. The package always writes both values.
/// </summary>
public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
        builder.Property(k => k.Xml).IsText().IsRequired();
    }
}
