using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Web.Services.Customers;

/// <summary>A vehicle as a list names it: the plate, or the VIN until the car is registered.</summary>
public sealed record CustomerVehicleTag(string? Plate, string Vin);

/// <summary>One row of the customer list.</summary>
public sealed record CustomerRow(Guid Id, string Name, string? CompanyName, string? Phone, string? Email, string? City,
    bool HasPortalLogin, DateTime CreatedAt, List<CustomerVehicleTag> Vehicles, Guid DealerId)
{
    /// <summary>Filled when the list spans every dealer (a manufacturer user in "All dealers").</summary>
    public string? DealerCode { get; init; }
}

/// <summary>The customer's portal login, when they have one.</summary>
public sealed record CustomerPortalLogin(Guid UserId, string Email, bool IsActive, bool HasPassword, DateTime? LastLoginAt);

/// <summary>The customer as the detail page's header and contact tab show them.</summary>
public sealed record CustomerDetails(Guid Id, Guid DealerId, string Name, string? CompanyName, string? Phone, string? Email,
    string? Address, string? City, string? PostalCode, DateTime CreatedAt, DateTime UpdatedAt, Guid Version, CustomerPortalLogin? Portal,
    string? CurrencyCode)
{
    /// <summary>The customer's dealer's currency (the network default when the dealer has no settings).</summary>
    public string Currency => CurrencyCode ?? DealerContext.DefaultCurrency;
}

/// <summary>How the customer's other records name a vehicle.</summary>
public sealed record VehicleLabel(string Make, string Model, int Year, string? Plate)
{
    public override string ToString() => Plate is null ? $"{Make} {Model} ({Year})" : $"{Plate} · {Make} {Model}";
}

public sealed record CustomerVehicleRow(Guid Id, string Make, string Model, int Year, string? Plate, string Vin, VehicleStatus Status);

public sealed record CustomerAppointmentRow(Guid Id, DateTime StartTime, DateTime EndTime, AppointmentStatus Status, VehicleLabel Vehicle,
    List<string> Services);

public sealed record CustomerWorkOrderRow(Guid Id, string Number, DateTime OpenedAt, WorkOrderStatus Status, VehicleLabel Vehicle,
    decimal Total, PaymentStatus PaymentStatus);

/// <summary>An invoice, credit note or draft of the customer's work orders, as the invoice list shows it (a draft has no number yet).</summary>
public sealed record CustomerInvoiceRow(Guid Id, string? Number, InvoiceKind Kind, LinePayer Payer, DateOnly IssueDate, DateOnly? DueDate,
    InvoiceStatus StoredStatus, decimal Total, decimal Paid, decimal Balance, string WorkOrderNumber)
{
    /// <summary>The status shown (overdue computed from the due date, <see cref="Finance.InvoiceMoney.Shown"/>).</summary>
    public InvoiceStatus Status { get; init; } = StoredStatus;
}

public sealed record CustomerPaymentRow(Guid Id, DateTime? PaidAt, DateTime CreatedAt, PaymentMethod Method, decimal Amount,
    decimal Refunded, PaymentRecordStatus Status, string? Reference, Guid? InvoiceId, string? InvoiceNumber)
{
    public DateTime When => PaidAt ?? CreatedAt;
}

public sealed record CustomerNoteRow(Guid Id, string Text, DateTime CreatedAt, string? Author);

/// <summary>One page of a detail tab's list.</summary>
public sealed record TabPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>
/// The invoices tab: one page of invoices, one of payments, and what the customer still owes: the balance due of their own
/// finalised invoices (customer payer), as their statement and the receivables page's invoices show it.
/// </summary>
public sealed record CustomerAccount(TabPage<CustomerInvoiceRow> Invoices, TabPage<CustomerPaymentRow> Payments, decimal Outstanding,
    string Currency);

/// <summary>A note as the detail page's form posts it.</summary>
public sealed class CustomerNoteForm
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Write the note first.")]
    [System.ComponentModel.DataAnnotations.StringLength(2000, ErrorMessage = "Keep a note under 2,000 characters.")]
    public string Text { get; set; } = "";
}

public sealed partial class CustomerService
{
    public const int TabPageSize = 25;

    /// <summary>The customer list's filters: <c>portal=login</c> (has a portal login) or <c>portal=walkin</c>.</summary>
    public static readonly string[] FilterNames = ["portal"];

    // Name sorts on the (DealerId, Name) index; the tie-breakers keep pages stable among namesakes.
    private static readonly GridSortMap<Customer> Sorts = new GridSortMap<Customer>("name")
    {
        { "name", c => c.Name },
        { "created", c => c.CreatedAt },
        { "city", c => c.City },
    }.ThenBy(c => c.Name).ThenBy(c => c.Id);

    /// <summary>
    /// One page of the customer list: the page's rows with their vehicles' plates (one statement: a join
    /// limited to the page), and the count. A dealer with 20,000 customers reads 25 rows, not 20,000.
    /// The first page asks for the rows first, and needs no count when they do not fill it: searches for a
    /// plate, phone or email usually find a handful of customers, and the count would scan them all again.
    /// </summary>
    public async Task<GridResult<CustomerRow>> ListAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = Filtered(db, query);
        if (query.Page > 1) return await ShownAsync(db, await customers.ToGridResultAsync(query, Sorts, ToRow, cancellationToken), cancellationToken);

        var pageSize = GridQuery.PageSizes.Contains(query.PageSize) ? query.PageSize : GridQuery.DefaultPageSize;
        var (key, direction) = Sorts.Resolve(query.Sort, query.Direction);
        var rows = await Sorts.Apply(customers, key, direction).Take(pageSize).Select(ToRow).ToListAsync(cancellationToken);
        // A search counts its matches only up to the limit: "MH12" (a state code) matches half the dealer's customers.
        var total = rows.Count < pageSize ? rows.Count
            : query.Search is null ? await customers.CountAsync(cancellationToken)
            : await customers.Take(GridQuery.CountLimit + 1).CountAsync(cancellationToken);
        var capped = query.Search is not null && total > GridQuery.CountLimit;
        return await ShownAsync(db, new GridResult<CustomerRow>(rows, capped ? GridQuery.CountLimit : total,
            query with { Page = 1, PageSize = pageSize, Sort = key, Direction = direction }, TotalIsLowerBound: capped), cancellationToken);
    }

    /// <summary>Every customer the list's search and filters select, in its order (all pages), as the export streams them.</summary>
    public async IAsyncEnumerable<CustomerRow> AllRowsAsync(GridQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var codes = await DealerCodesAsync(db, cancellationToken);
        var (key, direction) = Sorts.Resolve(query.Sort, query.Direction);
        await foreach (var row in Sorts.Apply(Filtered(db, query), key, direction).Select(ToRow).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return Shown(row, codes);
    }

    /// <summary>The list's filters in words, for the export's header.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(GridQuery query) =>
    [
        .. query.Search is { } search ? [("Search", search)] : Array.Empty<(string, string)>(),
        .. query.Filter("portal")?.ToLowerInvariant() switch
        {
            "login" => [("Portal login", "With a portal login")],
            "walkin" => [("Portal login", "Walk-in (no login)")],
            _ => Array.Empty<(string, string)>(),
        },
    ];

    private IQueryable<Customer> Filtered(MotorTraceDbContext db, GridQuery query)
    {
        var customers = Matching(db, query.Search);
        return query.Filter("portal")?.ToLowerInvariant() switch
        {
            "login" => customers.Where(c => c.UserId != null),
            "walkin" => customers.Where(c => c.UserId == null),
            _ => customers,
        };
    }

    /// <summary>Rows as the list shows them: phones in the one format, and the dealer when the list spans dealers.</summary>
    private async Task<GridResult<CustomerRow>> ShownAsync(MotorTraceDbContext db, GridResult<CustomerRow> result, CancellationToken cancellationToken)
    {
        var codes = result.Items.Count > 0 ? await DealerCodesAsync(db, cancellationToken) : null;
        return result with { Items = result.Items.Select(r => Shown(r, codes)).ToList() };
    }

    private static CustomerRow Shown(CustomerRow row, Dictionary<Guid, string>? codes) =>
        row with { Phone = PhoneNumbers.Format(row.Phone), DealerCode = codes?.GetValueOrDefault(row.DealerId) };

    private async Task<Dictionary<Guid, string>?> DealerCodesAsync(MotorTraceDbContext db, CancellationToken cancellationToken) => AllDealers
        ? await db.Dealers.AsNoTracking().Select(d => new { d.Id, d.DealerCode }).ToDictionaryAsync(d => d.Id, d => d.DealerCode, cancellationToken)
        : null;

    /// <summary>A manufacturer user working in "All dealers": lists show each row's dealer.</summary>
    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    private static readonly System.Linq.Expressions.Expression<Func<Customer, CustomerRow>> ToRow = c => new CustomerRow(
        c.Id, c.Name, c.CompanyName, c.Phone, c.Email, c.City, c.UserId != null, c.CreatedAt,
        c.Vehicles.OrderBy(v => v.LicensePlateNormalized).ThenBy(v => v.Vin).Select(v => new CustomerVehicleTag(v.LicensePlate, v.Vin)).ToList(),
        c.DealerId);

    /// <summary>The customer, or null when there is none with this id at the dealer being worked in.</summary>
    public async Task<CustomerDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CustomerDetails(c.Id, c.DealerId, c.Name, c.CompanyName, c.Phone, c.Email, c.Address, c.City, c.PostalCode,
                c.CreatedAt, c.UpdatedAt, c.Version,
                c.User == null ? null : new CustomerPortalLogin(c.User.Id, c.User.Email!, c.User.IsActive, c.User.PasswordHash != null, c.User.LastLoginAt),
                db.DealerSettings.Where(s => s.DealerId == c.DealerId).Select(s => s.CurrencyCode).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
        return customer is null ? null : customer with { Phone = PhoneNumbers.Format(customer.Phone) };
    }

    /// <summary>The edit form filled from a customer's details.</summary>
    public static CustomerForm FormFor(CustomerDetails customer) => new()
    {
        Name = customer.Name,
        CompanyName = customer.CompanyName,
        Phone = customer.Phone,
        Email = customer.Email,
        Address = customer.Address,
        City = customer.City,
        PostalCode = customer.PostalCode,
        Version = customer.Version,
    };

    /// <summary>
    /// The likely duplicates the advisor has to see before saving: for a new customer any customer with
    /// the same phone or email; for an edit only those matching a phone or email that changed (two people
    /// who share a number should not be warned about on every edit). Empty once confirmed.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> DuplicatesToConfirmAsync(CustomerForm form, Guid? customerId = null)
    {
        if (form.ConfirmedNotDuplicate) return [];
        await using var db = await dbFactory.CreateDbContextAsync();
        var phone = NormalizePhone(form.Phone);
        var email = NormalizeEmail(form.Email);
        if (phone.Error is not null || email.Error is not null) return [];
        string? phoneToCheck = phone.Value, emailToCheck = email.Value;
        if (customerId is { } id)
        {
            var stored = await db.Customers.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.PhoneNormalized, c.EmailNormalized }).FirstOrDefaultAsync();
            if (stored is not null)
            {
                if (SearchNormalization.Phone(phoneToCheck) == stored.PhoneNormalized) phoneToCheck = null;
                if (SearchNormalization.Email(emailToCheck) == stored.EmailNormalized) emailToCheck = null;
            }
        }
        return await FindDuplicatesAsync(db, phoneToCheck, emailToCheck, customerId);
    }

    /// <summary>
    /// Saves an edit made on a copy loaded at <see cref="CustomerForm.Version"/>: refuses when someone saved
    /// the customer since (nothing is overwritten), and, like <see cref="CreateAsync"/>, when a changed phone
    /// or email matches another customer and the advisor has not confirmed it is someone else. A portal
    /// customer's login follows their email and name, since they sign in with that email.
    /// </summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, CustomerForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.Include(c => c.User).FirstOrDefaultAsync(c => c.Id == id);
        if (customer is null) return ServiceResult.Fail("", "This customer no longer exists.");
        if (customer.Version != form.Version) return await ConflictAsync(db, id);

        var validation = Validate(form);
        if (!validation.Succeeded) return validation;
        var duplicates = await DuplicatesToConfirmAsync(form, id);
        if (duplicates.Count > 0) return DuplicateFailure(duplicates[0]);

        if (customer.User is { } login)
        {
            if (form.Email is null)
                return ServiceResult.Fail(nameof(CustomerForm.Email), "This customer signs in to the portal with their email: it cannot be removed.");
            var normalizedEmail = NormalizeForIdentity(form.Email);
            if (normalizedEmail != login.NormalizedEmail)
            {
                if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != login.Id))
                    return ServiceResult.Fail(nameof(CustomerForm.Email), CustomerPortalService.EmailInUseMessage);
                // What UserManager.SetEmailAsync does: the sign-in name follows, and a new security stamp
                // signs the old address's sessions out.
                login.Email = login.UserName = form.Email;
                login.NormalizedEmail = login.NormalizedUserName = normalizedEmail;
                login.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
            }
            login.FullName = form.Name;
            login.PhoneNumber = form.Phone;
            login.ConcurrencyStamp = Guid.NewGuid().ToString();
        }

        // The check above covers saves made before this request; the original value covers one racing it.
        db.Entry(customer).Property(c => c.Version).OriginalValue = form.Version;
        Apply(form, customer);
        try
        {
            await db.SaveChangesAsync();
            return ServiceResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, id);
        }
    }

    /// <summary>The refusal of a stale edit, naming who saved the customer meanwhile and when (dealer time).</summary>
    private async Task<ServiceResult> ConflictAsync(MotorTraceDbContext db, Guid id)
    {
        var saved = await db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.UpdatedAt, By = db.Users.Where(u => u.Id == c.UpdatedById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (saved is null) return ServiceResult.Fail("", "This customer no longer exists.");
        await dealer.LoadAsync();
        var at = dealer.ToLocal(saved.UpdatedAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return ServiceResult.Fail("", $"This customer was changed by {saved.By ?? "someone else"} at {at} while you were editing. " +
            "Your changes are still in the form: reload to see theirs, then make yours again.");
    }

    /// <summary>Adds a dated note by the signed-in member of staff.</summary>
    public async Task<ServiceResult> AddNoteAsync(Guid customerId, CustomerNoteForm form)
    {
        var text = form.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return ServiceResult.Fail(nameof(CustomerNoteForm.Text), "Write the note first.");
        if (text.Length > 2000) return ServiceResult.Fail(nameof(CustomerNoteForm.Text), "Keep a note under 2,000 characters.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var dealerId = await db.Customers.Where(c => c.Id == customerId).Select(c => (Guid?)c.DealerId).FirstOrDefaultAsync();
        if (dealerId is null) return ServiceResult.Fail("", "This customer no longer exists.");
        db.CustomerNotes.Add(new CustomerNote { DealerId = dealerId.Value, CustomerId = customerId, Text = text });
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    public async Task<IReadOnlyList<CustomerVehicleRow>> VehiclesAsync(Guid customerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Vehicles.AsNoTracking().Where(v => v.CustomerId == customerId)
            .OrderBy(v => v.Status == VehicleStatus.Sold || v.Status == VehicleStatus.Scrapped).ThenByDescending(v => v.Year).ThenBy(v => v.Id)
            .Select(v => new CustomerVehicleRow(v.Id, v.Make, v.Model, v.Year, v.LicensePlate, v.Vin, v.Status))
            .ToListAsync();
    }

    /// <summary>The customer's appointments, latest first.</summary>
    public async Task<TabPage<CustomerAppointmentRow>> AppointmentsAsync(Guid customerId, int page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await PageAsync(db.Appointments.AsNoTracking().Where(a => a.CustomerId == customerId),
            appointments => appointments.OrderByDescending(a => a.StartTime).ThenBy(a => a.Id),
            a => new CustomerAppointmentRow(a.Id, a.StartTime, a.EndTime, a.Status,
                new VehicleLabel(a.Vehicle.Make, a.Vehicle.Model, a.Vehicle.Year, a.Vehicle.LicensePlate),
                a.Services.OrderBy(s => s.CannedService.Name).Select(s => s.CannedService.Name).ToList()),
            page);
    }

    /// <summary>The customer's work orders, latest first.</summary>
    public async Task<TabPage<CustomerWorkOrderRow>> WorkOrdersAsync(Guid customerId, int page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await PageAsync(db.WorkOrders.AsNoTracking().Where(w => w.CustomerId == customerId),
            workOrders => workOrders.OrderByDescending(w => w.OpenedAt).ThenBy(w => w.Id),
            w => new CustomerWorkOrderRow(w.Id, w.WorkOrderNumber, w.OpenedAt, w.Status,
                new VehicleLabel(w.Vehicle.Make, w.Vehicle.Model, w.Vehicle.Year, w.Vehicle.LicensePlate), w.TotalAmount, w.PaymentStatus),
            page);
    }

    /// <summary>
    /// Invoices (drafts and credit notes included, as on <c>/invoices</c>) and payments of the customer's work orders, latest
    /// first, each status as the invoice list shows it, and the outstanding balance: the balance due of the customer's own
    /// finalised invoices, added up here rather than in SQL (SQLite stores decimals as text and cannot sum them exactly).
    /// Warranty and internal invoices of the customer's work orders are listed but not owed by the customer.
    /// </summary>
    public async Task<CustomerAccount> AccountAsync(Guid customerId, Guid dealerId, int invoicePageNumber, int paymentPageNumber)
    {
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var invoices = db.Invoices.AsNoTracking().Where(i => i.WorkOrder.CustomerId == customerId);
        var invoicePage = await PageAsync(invoices,
            rows => rows.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.InvoiceNumber).ThenByDescending(i => i.CreatedAt),
            i => new CustomerInvoiceRow(i.Id, i.InvoiceNumber, i.Kind, i.Payer, i.IssueDate, i.DueDate, i.Status, i.TotalAmount, i.PaidAmount, i.BalanceDue,
                i.WorkOrder.WorkOrderNumber),
            invoicePageNumber);
        var today = dealer.Today;
        invoicePage = invoicePage with
        {
            Items = [.. invoicePage.Items.Select(i => i with { Status = Finance.InvoiceMoney.Shown(i.Kind, i.StoredStatus, i.DueDate, today) })],
        };
        var balances = await invoices
            .Where(i => i.Kind == InvoiceKind.Invoice && i.Payer == LinePayer.Customer && i.Status != InvoiceStatus.Void && i.Status != InvoiceStatus.Draft)
            .Select(i => i.BalanceDue).ToListAsync();
        var paymentPage = await PageAsync(db.Payments.AsNoTracking().Where(p => p.WorkOrder.CustomerId == customerId),
            rows => rows.OrderByDescending(p => p.PaidAt ?? p.CreatedAt).ThenBy(p => p.Id),
            p => new CustomerPaymentRow(p.Id, p.PaidAt, p.CreatedAt, p.Method, p.Amount, p.RefundAmount, p.Status, p.Reference, p.InvoiceId,
                p.Invoice == null ? null : p.Invoice.InvoiceNumber),
            paymentPageNumber);

        var currency = await db.DealerSettings.AsNoTracking().Where(s => s.DealerId == dealerId).Select(s => s.CurrencyCode).FirstOrDefaultAsync();
        return new CustomerAccount(invoicePage, paymentPage, balances.Sum(), currency ?? DealerContext.DefaultCurrency);
    }

    /// <summary>Notes on the customer, newest first, with their authors' names.</summary>
    public async Task<TabPage<CustomerNoteRow>> NotesAsync(Guid customerId, int page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await PageAsync(db.CustomerNotes.AsNoTracking().Where(n => n.CustomerId == customerId),
            notes => notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id),
            n => new CustomerNoteRow(n.Id, n.Text, n.CreatedAt, db.Users.Where(u => u.Id == n.CreatedById).Select(u => u.FullName).FirstOrDefault()),
            page);
    }

    /// <summary>One page of a tab's list (a page past the end shows the last page): the count, then the page's rows.</summary>
    private static async Task<TabPage<TRow>> PageAsync<T, TRow>(IQueryable<T> source, Func<IQueryable<T>, IOrderedQueryable<T>> order,
        System.Linq.Expressions.Expression<Func<T, TRow>> row, int page)
    {
        var total = await source.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (total + TabPageSize - 1) / TabPageSize));
        var items = await order(source).Skip((page - 1) * TabPageSize).Take(TabPageSize).Select(row).ToListAsync();
        return new(items, page, TabPageSize, total);
    }

    private string NormalizeForIdentity(string email) => normalizer?.NormalizeEmail(email) ?? email.ToUpperInvariant();
}
