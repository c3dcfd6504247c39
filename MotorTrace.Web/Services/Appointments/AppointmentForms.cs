using System.ComponentModel.DataAnnotations;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Web.Services.Appointments;

/// <summary>The booking form (new and edit): when, which services at which price, who, and a manager's override.</summary>
public sealed class AppointmentForm
{
    public Guid VehicleId { get; set; }

    /// <summary>In the dealer's local time, as typed.</summary>
    [Required(ErrorMessage = "Choose the date and time.")]
    public DateTime? Start { get; set; }

    /// <summary>The date picker's half of <see cref="Start"/>; a time chosen before the date is kept until the date comes.</summary>
    public DateTime? StartDate
    {
        get => Start?.Date;
        set
        {
            if (value is null)
            {
                _time = Start?.TimeOfDay ?? _time;
                Start = null;
            }
            else Start = value.Value.Date + (Start?.TimeOfDay ?? _time ?? TimeSpan.Zero);
        }
    }

    /// <summary>The time picker's half of <see cref="Start"/>.</summary>
    public TimeSpan? StartTime
    {
        get => Start?.TimeOfDay ?? _time;
        set
        {
            _time = value;
            if (Start is { } start && value is { } time) Start = start.Date + time;
        }
    }

    private TimeSpan? _time;

    /// <summary>Empty: the services' total minutes, at least one time block.</summary>
    [Range(5, 720, ErrorMessage = "Enter 5 to 720 minutes, or leave it empty to use the services' time.")]
    public int? DurationMinutes { get; set; }

    public AppointmentPriority Priority { get; set; } = AppointmentPriority.Normal;

    [StringLength(4000, ErrorMessage = "Keep the notes under 4000 characters.")]
    public string? Notes { get; set; }

    public Guid? AssignedToId { get; set; }

    /// <summary>Every service the page offers, ticked or not, so quantities and prices survive a refused save.</summary>
    public List<ServiceLineForm> Services { get; set; } = [];

    /// <summary>A manager books past the shop's rules; the note says why and is kept on the appointment.</summary>
    public bool Override { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the note under 2000 characters.")]
    public string? OverrideNote { get; set; }

    public Guid Version { get; set; }
}

public sealed class ServiceLineForm
{
    public Guid CannedServiceId { get; set; }
    public bool Selected { get; set; }
    public int Quantity { get; set; } = 1;

    /// <summary>
    /// Copied from the catalogue when the page opens; the advisor may agree another price. Kept with at least
    /// two decimals (adding 0.00m raises a decimal's scale), so the field shows 850.00 as every other price does.
    /// </summary>
    public decimal Price { get => _price; set => _price = value + 0.00m; }

    private decimal _price;
}

/// <summary>A walk-in who is new to the dealer: the customer and their car, entered together on the booking page.</summary>
public sealed class NewVisitForm
{
    public CustomerForm Customer { get; set; } = new();
    public VehicleForm Vehicle { get; set; } = new();
}

/// <summary>A status change from the appointment page; cancelling needs the reason as the note.</summary>
public sealed class StatusChangeForm
{
    public AppointmentStatus To { get; set; }

    [StringLength(500, ErrorMessage = "Keep it under 500 characters.")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

public static class FormAnnotations
{
    /// <summary>
    /// The DataAnnotations errors of a nested form object (EditForm validates only the top-level model),
    /// named by their path below the page's model, e.g. <c>Customer.Name</c>.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Errors(object model, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.DefaultIfEmpty(""),
            (r, member) => (member.Length == 0 || prefix.Length == 0 ? member + prefix : $"{prefix}.{member}", r.ErrorMessage ?? "This value is not valid."));
    }

    /// <summary>Puts a nested form's errors under its path, e.g. <c>Phone</c> → <c>Customer.Phone</c>.</summary>
    public static IEnumerable<(string Field, string Message)> Under(this ServiceResult result, string prefix) =>
        result.Errors.Select(e => (e.Field.Length == 0 ? "" : $"{prefix}.{e.Field}", e.Message));
}
