using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Configurations;

public class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.CompanyName).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(255);
        builder.Property(c => c.EmailNormalized).HasMaxLength(255);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.PhoneNormalized).HasMaxLength(32);
        builder.Property(c => c.Address).IsText();
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.PostalCode).HasMaxLength(20);
        builder.Property(c => c.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(c => c.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        // Null for walk-ins; SQLite and PostgreSQL treat nulls as distinct, and the SQL Server provider
        // adds the IS NOT NULL filter to a unique index on a nullable column by itself.
        builder.HasIndex(c => c.UserId).IsUnique();
        builder.HasIndex(c => new { c.DealerId, c.Name });
        builder.HasIndex(c => new { c.DealerId, c.PhoneNormalized });
        builder.HasIndex(c => new { c.DealerId, c.EmailNormalized });
    }
}
