using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Configurations;

public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.InvoiceNumber).HasMaxLength(32);
        builder.Property(i => i.Notes).IsText();
        builder.Property(i => i.Terms).IsText();
        builder.Property(i => i.PdfUrl).HasMaxLength(500);
        builder.Property(i => i.TaxRatePercent).HasPrecision(5, 2);
        builder.Property(i => i.CurrencyCode).HasMaxLength(3);
        builder.Property(i => i.VoidReason).HasMaxLength(500);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(i => i.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.CreditedInvoice).WithMany().HasForeignKey(i => i.CreditedInvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.FinalisedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.VoidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.WorkOrder).WithMany().HasForeignKey(i => i.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.DealerId, i.InvoiceNumber }).IsUnique();
        builder.HasIndex(i => new { i.DealerId, i.Status });
        builder.HasIndex(i => new { i.DealerId, i.IssueDate });
    }
}

public class InvoiceLineItemConfiguration : IEntityTypeConfiguration<InvoiceLineItem>
{
    public void Configure(EntityTypeBuilder<InvoiceLineItem> builder)
    {
        builder.Property(l => l.Description).IsText();
        builder.Property(l => l.Notes).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(l => l.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Invoice).WithMany(i => i.LineItems).HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkOrderService>().WithMany().HasForeignKey(l => l.WorkOrderServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkOrderLabor>().WithMany().HasForeignKey(l => l.WorkOrderLaborId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkOrderPart>().WithMany().HasForeignKey(l => l.WorkOrderPartId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.Notes).IsText();
        builder.Property(p => p.RefundReason).HasMaxLength(500);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(p => p.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.WorkOrder).WithMany().HasForeignKey(p => p.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Invoice).WithMany(i => i.Payments).HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.ProcessedBy).WithMany().HasForeignKey(p => p.ProcessedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.DealerId, p.PaidAt });
    }
}

public class PaymentRefundConfiguration : IEntityTypeConfiguration<PaymentRefund>
{
    public void Configure(EntityTypeBuilder<PaymentRefund> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_PaymentRefunds_Amount", "\"Amount\" > 0"));
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Reference).HasMaxLength(100);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(r => r.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Payment).WithMany(p => p.Refunds).HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ProcessedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.DealerId, r.RefundedAt });
    }
}
