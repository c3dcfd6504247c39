using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Customers;

/// <summary>What the front desk types in for a customer (create and edit forms, inline booking).</summary>
public sealed class CustomerForm
{
    [Required(ErrorMessage = "Enter the customer's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    [StringLength(200)]
    public string? CompanyName { get; set; }

    [StringLength(32, ErrorMessage = "That is too long for a phone number.")]
    public string? Phone { get; set; }

    [StringLength(255)]
    public string? Email { get; set; }

    [StringLength(500)]
    public string? Address { get; set; }

    [StringLength(100)]
    public string? City { get; set; }

    [StringLength(20)]
    public string? PostalCode { get; set; }

    /// <summary>Set when the advisor has seen the likely duplicates and still wants a new customer.</summary>
    public bool ConfirmedNotDuplicate { get; set; }

    /// <summary>Create form: also give the customer a portal login and email them an invitation.</summary>
    public bool InviteToPortal { get; set; }

    /// <summary>Edit form: the customer's <c>Version</c> when the form was loaded (optimistic concurrency).</summary>
    public Guid Version { get; set; }

    /// <summary>A copy to validate and save, so the page can show the form again exactly as typed.</summary>
    public CustomerForm Copy() => (CustomerForm)MemberwiseClone();
}

/// <summary>A customer who may be the same person as the one being entered.</summary>
public sealed record DuplicateCandidate(Guid Id, string Name, string? Phone, string? Email, string Reason);

/// <summary>One line of a customer search: enough to recognise the person on the phone.</summary>
public sealed record CustomerMatch(Guid Id, string Name, string? Phone, string? Email, IReadOnlyList<string> Plates);

/// <summary>
/// Customers of the dealer being worked in: the shared rules for creating them (normalised phone and
/// email, no silent duplicates) and the search every picker uses.
/// </summary>
/// <remarks>
/// The list, detail tabs, edit and notes of the customer pages live in <c>CustomerService.Pages.cs</c>; the
/// portal login in <see cref="CustomerPortalService"/>. Every operation uses its own context from
/// <paramref name="dbFactory"/>, so the service can serve a circuit. <paramref name="normalizer"/> is optional;
/// Identity's default normaliser is used without it.
/// </remarks>
public sealed partial class CustomerService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    ILookupNormalizer? normalizer = null)
{
    /// <summary>
    /// Phone as stored and shown (<see cref="PhoneNumbers.Format"/>, e.g. "+91 98450 12345"); null when empty.
    /// Returns an error message instead when it cannot be a phone number.
    /// </summary>
    public static (string? Value, string? Error) NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return (null, null);
        var trimmed = phone.Trim();
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.' or '+' or '/')))
            return (null, "A phone number has only digits, spaces, dashes, brackets and a leading +.");
        var digits = SearchNormalization.Phone(trimmed) ?? "";
        if (digits.Length is < 7 or > 15) return (null, "A phone number has 7 to 15 digits.");
        return (PhoneNumbers.Format(trimmed), null);
    }

    /// <summary>Email as stored (trimmed, lower case), or an error message.</summary>
    public static (string? Value, string? Error) NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return (null, null);
        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.')
            ? (trimmed.ToLowerInvariant(), null)
            : (null, "Enter an email address like name@example.com.");
    }

    /// <summary>Customers of this dealer with the same phone or email (the likely duplicates shown before saving).</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(string? phone, string? email, Guid? exceptId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await FindDuplicatesAsync(db, phone, email, exceptId);
    }

    private static async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(MotorTraceDbContext db, string? phone, string? email, Guid? exceptId)
    {
        var phoneKey = SearchNormalization.Phone(NormalizePhone(phone).Value);
        var emailKey = SearchNormalization.Email(NormalizeEmail(email).Value);
        if (phoneKey is null && emailKey is null) return [];
        var matches = await db.Customers.AsNoTracking()
            .Where(c => c.Id != exceptId && ((phoneKey != null && c.PhoneNormalized == phoneKey) || (emailKey != null && c.EmailNormalized == emailKey)))
            .OrderBy(c => c.Name).Take(10)
            .Select(c => new { c.Id, c.Name, c.Phone, c.Email, c.PhoneNormalized, c.EmailNormalized })
            .ToListAsync();
        return matches.Select(c => new DuplicateCandidate(c.Id, c.Name, c.Phone, c.Email,
            c.PhoneNormalized == phoneKey && phoneKey is not null
                ? (c.EmailNormalized == emailKey && emailKey is not null ? "same phone and email" : "same phone")
                : "same email")).ToList();
    }

    /// <summary>Checks and normalises a form; the errors name the form's fields.</summary>
    public static ServiceResult Validate(CustomerForm form)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(form.Name)) errors.Add((nameof(CustomerForm.Name), "Enter the customer's name."));
        var (phone, phoneError) = NormalizePhone(form.Phone);
        if (phoneError is not null) errors.Add((nameof(CustomerForm.Phone), phoneError));
        var (email, emailError) = NormalizeEmail(form.Email);
        if (emailError is not null) errors.Add((nameof(CustomerForm.Email), emailError));
        if (errors.Count > 0) return new ServiceResult { Errors = errors };
        form.Name = form.Name.Trim();
        form.Phone = phone;
        form.Email = email;
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Creates a walk-in customer (no login) at the dealer being worked in. Refuses when the phone or
    /// email matches an existing customer, unless the advisor confirmed it is someone else.
    /// </summary>
    public async Task<ServiceResult<Guid>> CreateAsync(CustomerForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await CreateAsync(db, form);
    }

    /// <summary>
    /// <see cref="CreateAsync(CustomerForm)"/> on the caller's context, inside the caller's transaction (booking
    /// creates a customer and their car, both or neither).
    /// </summary>
    public async Task<ServiceResult<Guid>> CreateAsync(MotorTraceDbContext db, CustomerForm form)
    {
        if (user.DealerScope is not { } dealerId || dealerId == Guid.Empty) return ServiceResult.NoDealerChosen;
        var validation = Validate(form);
        if (!validation.Succeeded) return validation;
        if (!form.ConfirmedNotDuplicate)
        {
            var duplicates = await FindDuplicatesAsync(db, form.Phone, form.Email, null);
            if (duplicates.Count > 0) return DuplicateFailure(duplicates[0]);
        }

        var customer = new Customer { DealerId = dealerId };
        Apply(form, customer);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return new ServiceResult<Guid>(customer.Id, ServiceResult.Ok);
    }

    /// <summary>The refusal to save a likely duplicate, on the field it shares.</summary>
    private static ServiceResult DuplicateFailure(DuplicateCandidate duplicate)
    {
        var samePhone = duplicate.Reason.Contains("phone");
        return ServiceResult.Fail(samePhone ? nameof(CustomerForm.Phone) : nameof(CustomerForm.Email),
            $"{duplicate.Name} already has this {(samePhone ? "phone number" : "email")}. Open that customer, or confirm this is someone else.");
    }

    /// <summary>Copies a validated form onto a customer.</summary>
    public static void Apply(CustomerForm form, Customer customer)
    {
        customer.Name = form.Name;
        customer.CompanyName = Blank(form.CompanyName);
        customer.Phone = form.Phone;
        customer.Email = form.Email;
        customer.Address = Blank(form.Address);
        customer.City = Blank(form.City);
        customer.PostalCode = Blank(form.PostalCode);
    }

    /// <summary>
    /// Front-desk search across name, phone, email, licence plate and VIN, for lists and pickers.
    /// Typed-in phones and plates are normalised the same way as the stored search columns.
    /// </summary>
    public IQueryable<Customer> Matching(MotorTraceDbContext db, string? text)
    {
        // Written for a dealer with tens of thousands of customers (docs/performance.md). The tenancy filter
        // "(no scope OR DealerId = scope)" cannot use an index; repeating the same condition as a plain
        // equality lets the database seek this dealer's rows, in name order for the list's pages (0.2 ms instead of
        // 17 ms for a page of the 20,000-customer dealer). Vehicles are matched by two uncorrelated subqueries that
        // each read one index ((DealerId, plate) and (DealerId, VIN)) once per search, instead of a vehicle lookup
        // for every customer.
        var query = db.Customers.AsNoTracking();
        var vehicles = db.Vehicles.AsNoTracking();
        if (user.DealerScope is { } dealerId)
        {
            query = query.Where(c => c.DealerId == dealerId);
            vehicles = vehicles.Where(v => v.DealerId == dealerId);
        }
        if (string.IsNullOrWhiteSpace(text)) return query;
        var term = text.Trim().ToLowerInvariant();
        var digits = SearchNormalization.Phone(term);
        var plate = SearchNormalization.LicensePlate(term);
        // A phone number is typed as digits and separators: "AM 9176" is part of a plate, not of a phone.
        var phoneTerm = digits is { Length: >= 3 } && !term.Any(char.IsLetter) ? digits : null;

        if (plate is null)
            return query.Where(c =>
                c.Name.ToLower().Contains(term)
                || (c.CompanyName != null && c.CompanyName.ToLower().Contains(term))
                || (c.EmailNormalized != null && c.EmailNormalized.Contains(term))
                || (phoneTerm != null && c.PhoneNormalized != null && c.PhoneNormalized.Contains(phoneTerm)));

        var plateOwners = vehicles.Where(v => v.LicensePlateNormalized != null && v.LicensePlateNormalized.Contains(plate)).Select(v => v.CustomerId);
        var vinOwners = vehicles.Where(v => v.Vin.Contains(plate)).Select(v => v.CustomerId);
        return query.Where(c =>
            c.Name.ToLower().Contains(term)
            || (c.CompanyName != null && c.CompanyName.ToLower().Contains(term))
            || (c.EmailNormalized != null && c.EmailNormalized.Contains(term))
            || (phoneTerm != null && c.PhoneNormalized != null && c.PhoneNormalized.Contains(phoneTerm))
            || plateOwners.Contains(c.Id)
            || vinOwners.Contains(c.Id));
    }

    /// <summary>Up to <paramref name="take"/> customers matching <paramref name="text"/> by name, for pickers.</summary>
    public async Task<IReadOnlyList<CustomerMatch>> SearchAsync(string? text, int take = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await Matching(db, text).OrderBy(c => c.Name).ThenBy(c => c.Id).Take(take)
                .Select(c => new { c.Id, c.Name, c.Phone, c.Email, Plates = c.Vehicles.Select(v => v.LicensePlate ?? v.Vin).ToList() })
                .ToListAsync(cancellationToken))
            .Select(c => new CustomerMatch(c.Id, c.Name, PhoneNumbers.Format(c.Phone), c.Email, c.Plates)).ToList();
    }

    /// <summary>One customer as a picker shows them (a page that opens with a customer already chosen), or null.</summary>
    public async Task<CustomerMatch?> MatchAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Name, c.Phone, c.Email, Plates = c.Vehicles.Select(v => v.LicensePlate ?? v.Vin).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return c is null ? null : new CustomerMatch(c.Id, c.Name, PhoneNumbers.Format(c.Phone), c.Email, c.Plates);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
