using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Network;

/// <summary>
/// A dealer's own workshop settings, edited by its Manager on /settings: booking capacity, tax,
/// currency and invoice terms. One row per dealer; shop hours are <see cref="DealerShopHours"/>.
/// </summary>
public class DealerSettings : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }

    /// <summary>Bookings per local day; 0 means no daily limit.</summary>
    public int MaxAppointmentsPerDay { get; set; } = 24;

    /// <summary>Bookings starting in one time block (the shop's front-desk throughput).</summary>
    public int MaxAppointmentsPerBlock { get; set; } = 3;

    public int BlockMinutes { get; set; } = 30;

    /// <summary>How long before the start a booking must be made.</summary>
    public int MinNoticeHours { get; set; } = 2;

    /// <summary>How far ahead the calendar takes bookings.</summary>
    public int MaxDaysAhead { get; set; } = 60;

    public decimal TaxRatePercent { get; set; } = 18m;

    /// <summary>Prices include tax (the tax is the part of the total it holds) rather than tax added on top.</summary>
    public bool TaxInclusive { get; set; }

    /// <summary>The dealer's tax registration (GSTIN, VAT number), printed on invoices.</summary>
    public string? TaxRegistrationNumber { get; set; }
    public string CurrencyCode { get; set; } = "INR";
    public int InvoiceDueDays { get; set; } = 15;
    public string? InvoiceTerms { get; set; }

    /// <summary>A work-order discount above this percent of the subtotal needs a Manager's approval.</summary>
    public decimal DiscountApprovalPercent { get; set; } = 10m;

    /// <summary>
    /// What an hour of a technician's clocked time costs the dealer (wage and overhead), in the dealer's currency: the cost
    /// side of labour gross profit in the reports (docs/kpis.md). Zero until the dealer enters it.
    /// </summary>
    public decimal LaborCostPerHour { get; set; }

    /// <summary>Largest work-order attachment (photo or document) in megabytes.</summary>
    public int AttachmentMaxMegabytes { get; set; } = 10;

    /// <summary>Accepted attachment kinds, comma-separated from jpeg, png, webp, pdf (checked by content, not name).</summary>
    public string AttachmentTypes { get; set; } = "jpeg,png,webp,pdf";
    public Guid Version { get; set; }
}

/// <summary>Opening hours of one weekday, in the dealer's local time.</summary>
public class DealerShopHours : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public DayOfWeek DayOfWeek { get; set; }
    public bool IsOpen { get; set; }
    public TimeOnly OpensAt { get; set; }
    public TimeOnly ClosesAt { get; set; }
}

/// <summary>
/// Per-dealer numbering (work orders, invoices): the next number of one series. Taking a number is an
/// update of this row guarded by <see cref="Version"/>, so two desks never get the same number.
/// </summary>
public class DealerSequence : Entity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public string Name { get; set; } = "";
    public long NextValue { get; set; } = 1;
    public Guid Version { get; set; }
}
