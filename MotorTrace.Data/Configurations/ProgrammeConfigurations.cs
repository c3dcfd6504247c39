using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Programmes;

namespace MotorTrace.Data.Configurations;

public class DealerPccApplicationConfiguration : IEntityTypeConfiguration<DealerPccApplication>
{
    public void Configure(EntityTypeBuilder<DealerPccApplication> builder)
    {
        builder.Property(a => a.ApplicationNumber).HasMaxLength(50);
        builder.Property(a => a.CriteriaData).IsText();
        builder.Property(a => a.ReviewComments).IsText();
        builder.Property(a => a.ApprovalComments).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.SubmittedBy).WithMany().HasForeignKey(a => a.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ApplicationNumber).IsUnique();
        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => a.ApplicationDate);
    }
}

public class ApiRegistrationConfiguration : IEntityTypeConfiguration<ApiRegistration>
{
    public void Configure(EntityTypeBuilder<ApiRegistration> builder)
    {
        builder.Property(r => r.RegistrationNumber).HasMaxLength(50);
        builder.Property(r => r.EmployeeName).HasMaxLength(255);
        builder.Property(r => r.EmployeeEmail).HasMaxLength(255);
        builder.Property(r => r.EmployeePhone).HasMaxLength(32);
        builder.Property(r => r.EmployeeDesignation).HasMaxLength(100);
        builder.Property(r => r.EventName).HasMaxLength(255);
        builder.Property(r => r.EventLocation).HasMaxLength(255);
        builder.Property(r => r.CriteriaData).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(r => r.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RegisteredBy).WithMany().HasForeignKey(r => r.RegisteredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RegistrationNumber).IsUnique();
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => r.EventDate);
    }
}

public class MtMeetRegistrationConfiguration : IEntityTypeConfiguration<MtMeetRegistration>
{
    public void Configure(EntityTypeBuilder<MtMeetRegistration> builder)
    {
        builder.Property(r => r.RegistrationNumber).HasMaxLength(50);
        builder.Property(r => r.TechnicianName).HasMaxLength(255);
        builder.Property(r => r.TechnicianEmail).HasMaxLength(255);
        builder.Property(r => r.TechnicianPhone).HasMaxLength(32);
        builder.Property(r => r.TechnicianEmployeeId).HasMaxLength(50);
        builder.Property(r => r.MeetName).HasMaxLength(255);
        builder.Property(r => r.MeetLocation).HasMaxLength(255);
        builder.Property(r => r.CriteriaData).IsText();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(r => r.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RegisteredBy).WithMany().HasForeignKey(r => r.RegisteredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RegistrationNumber).IsUnique();
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => r.MeetDate);
    }
}

public class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Property(s => s.SurveyNumber).HasMaxLength(50);
        builder.Property(s => s.SurveyPeriod).HasMaxLength(50);
        builder.Property(s => s.Responses).IsText();
        builder.Property(s => s.OverallScore).HasPrecision(5, 2);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.SubmittedBy).WithMany().HasForeignKey(s => s.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.SurveyNumber).IsUnique();
        builder.HasIndex(s => new { s.Kind, s.Status });
        builder.HasIndex(s => s.SubmissionDate);
    }
}
