using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.Programmes;

/// <summary>
/// Seed 003 workshop_surveys, warranty_surveys and technical_surveys in one table: the three had identical
/// columns, and one table lets scores be compared and listed across kinds with one query.
/// </summary>
public class Survey : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public SurveyKind Kind { get; set; }
    public Guid SubmittedById { get; set; }
    public ApplicationUser SubmittedBy { get; set; } = null!;
    public string SurveyNumber { get; set; } = "";

    /// <summary>Free label such as "Q1 2025".</summary>
    public string? SurveyPeriod { get; set; }
    public DateOnly SubmissionDate { get; set; }

    /// <summary>JSON: the answers, keyed by the questions of the survey template.</summary>
    public string Responses { get; set; } = "";
    public decimal? OverallScore { get; set; }
    public SurveyStatus Status { get; set; } = SurveyStatus.Submitted;
}

public enum SurveyKind
{
    Workshop,
    Warranty,
    Technical,
}

public enum SurveyStatus
{
    Draft,
    Submitted,
    Reviewed,
    Completed,
}
