using System.ComponentModel.DataAnnotations;
using MotorTrace.Data.Entities.Catalog;

namespace MotorTrace.Web.Services.Catalog;

/// <summary>Limits shared by the catalogue forms and the rules that check them again on the server.</summary>
public static class CatalogLimits
{
    /// <summary>A working day: no single operation or canned service is booked for longer.</summary>
    public const int MaxMinutes = 1440;

    public const double MaxMoney = 10_000_000;
    public const int MaxVehicleAge = 50;
    public const int MaxMileage = 2_000_000;
    public const int MaxNotes = 500;
    public const int MaxDescription = 2000;

    /// <summary>Letters, digits and a few separators: codes are typed at the front desk and printed on estimates.</summary>
    public const string CodePattern = @"^\s*[A-Za-z0-9][A-Za-z0-9._/-]*\s*$";

    public const string CodeMessage = "A code has letters, digits, dashes, dots or slashes, and no spaces.";
}

/// <summary>A manager's entry for one labor operation (create and edit).</summary>
/// <remarks>
/// No defaults here: a posted form is built from this constructor, and an unchecked checkbox posts nothing,
/// so a default of true could never be switched off. The blank form's defaults are in <see cref="New"/>.
/// </remarks>
public sealed class LaborForm
{
    [Required(ErrorMessage = "Enter a code, e.g. BRK-FP.")]
    [StringLength(50, ErrorMessage = "Keep the code under 50 characters.")]
    [RegularExpression(CatalogLimits.CodePattern, ErrorMessage = CatalogLimits.CodeMessage)]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the name of the operation.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    [StringLength(CatalogLimits.MaxDescription, ErrorMessage = "Keep the description under 2,000 characters.")]
    public string? Description { get; set; }

    [Range(1, CatalogLimits.MaxMinutes, ErrorMessage = "Enter the book time in whole minutes, from 1 to 1,440.")]
    public int EstimatedMinutes { get; set; }

    [StringLength(100, ErrorMessage = "Keep the category under 100 characters.")]
    public string? Category { get; set; }

    public SkillLevel SkillLevel { get; set; }

    [Range(0, CatalogLimits.MaxMoney, ErrorMessage = "Enter an hourly rate from 0 to 10,000,000.")]
    public decimal Rate { get; set; }

    public bool IsActive { get; set; }

    /// <summary>The record's UpdatedAt when the form was loaded, in ticks (see <see cref="CatalogConcurrency"/>).</summary>
    public long UpdatedAtTicks { get; set; }

    /// <summary>A blank form: active, half an hour, technician level.</summary>
    public static LaborForm New() => new() { EstimatedMinutes = 30, SkillLevel = SkillLevel.Technician, IsActive = true };
}

/// <summary>A manager's entry for one canned service (create and edit); steps and part categories have forms of their own.</summary>
/// <remarks>No defaults here, for the reason given on <see cref="LaborForm"/>; the blank form's are in <see cref="New"/>.</remarks>
public sealed class CannedServiceForm
{
    [Required(ErrorMessage = "Enter a code, e.g. PMS-10.")]
    [StringLength(50, ErrorMessage = "Keep the code under 50 characters.")]
    [RegularExpression(CatalogLimits.CodePattern, ErrorMessage = CatalogLimits.CodeMessage)]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the name customers see on estimates.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    [StringLength(CatalogLimits.MaxDescription, ErrorMessage = "Keep the description under 2,000 characters.")]
    public string? Description { get; set; }

    [Range(1, CatalogLimits.MaxMinutes, ErrorMessage = "Enter the workshop time in whole minutes, from 1 to 1,440.")]
    public int Duration { get; set; }

    [Range(0, CatalogLimits.MaxMoney, ErrorMessage = "Enter a price from 0 to 10,000,000.")]
    public decimal Price { get; set; }

    public bool IsAvailable { get; set; }
    public ServiceVariantLabel VariantLabel { get; set; }
    public VehicleType VehicleType { get; set; }

    [StringLength(100, ErrorMessage = "Keep the category under 100 characters.")]
    public string? Category { get; set; }

    [Range(0, CatalogLimits.MaxVehicleAge, ErrorMessage = "Enter an age in whole years, from 0 to 50, or leave it empty.")]
    public int? MinVehicleAge { get; set; }

    [Range(0, CatalogLimits.MaxMileage, ErrorMessage = "Enter a mileage in km, from 0 to 2,000,000, or leave it empty.")]
    public int? MaxVehicleMileage { get; set; }

    public bool HasOptionalParts { get; set; }
    public bool HasOptionalLabor { get; set; }

    /// <summary>The record's UpdatedAt when the form was loaded, in ticks (see <see cref="CatalogConcurrency"/>).</summary>
    public long UpdatedAtTicks { get; set; }

    /// <summary>A blank form: an hour, bookable, for any vehicle.</summary>
    public static CannedServiceForm New() => new()
    {
        Duration = 60, IsAvailable = true, VariantLabel = ServiceVariantLabel.Standard, VehicleType = VehicleType.Any,
    };
}

/// <summary>
/// A new labor step, as posted by the steps list (a page form or an htmx post). Plain strings: the service
/// parses them, so a mistyped number gets a message next to its field instead of silently becoming "empty".
/// </summary>
public sealed class StepForm
{
    public string? LaborCatalogId { get; set; }

    /// <summary>Empty means the catalogue's book time.</summary>
    public string? EstimatedMinutes { get; set; }

    public string? Notes { get; set; }
}

/// <summary>A part category to add to a canned service (plain strings, as <see cref="StepForm"/>).</summary>
public sealed class PartCategoryForm
{
    public string? CategoryId { get; set; }

    /// <summary>"required" or "optional".</summary>
    public string? Need { get; set; } = "required";

    public string? Notes { get; set; }
}
