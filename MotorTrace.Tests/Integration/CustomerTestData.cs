using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

/// <summary>
/// Customers (with vehicles, work orders, invoices and payments) written straight into a test app's database,
/// for the tests that need existing records. Every value that must be unique gets a fresh random part.
/// </summary>
public sealed class CustomerBuilder(int dealer = 1)
{
    private readonly List<(string? Plate, string Vin)> _vehicles = [];
    private readonly List<(InvoiceStatus Status, decimal Total, decimal Paid, decimal Balance)> _invoices = [];

    public string Name { get; private set; } = "Test Customer " + Token(6);
    public string? Phone { get; private set; } = UniquePhone();
    public string? Email { get; private set; } = $"customer-{Guid.NewGuid():N}@example.com";
    public string? City { get; private set; } = "Pune";

    public CustomerBuilder Named(string name) { Name = name; return this; }
    public CustomerBuilder WithPhone(string? phone) { Phone = phone; return this; }
    public CustomerBuilder WithEmail(string? email) { Email = email; return this; }
    public CustomerBuilder InCity(string? city) { City = city; return this; }
    public CustomerBuilder WithVehicle(string? plate, string? vin = null) { _vehicles.Add((plate, vin ?? UniqueVin())); return this; }

    /// <summary>An invoice on a work order of the customer's first vehicle (one is added when there is none).</summary>
    public CustomerBuilder WithInvoice(InvoiceStatus status, decimal total, decimal paid, decimal balance)
    {
        _invoices.Add((status, total, paid, balance));
        return this;
    }

    public async Task<Guid> SaveAsync(MotorTraceFactory app) => await app.WithDbAsync(async db =>
    {
        var dealerId = await DealerIdAsync(db, dealer);
        var customer = new Customer { DealerId = dealerId, Name = Name, Phone = Phone, Email = Email, City = City };
        db.Customers.Add(customer);
        if (_invoices.Count > 0 && _vehicles.Count == 0) WithVehicle(null);
        var vehicles = _vehicles.Select(v => new Vehicle
        {
            DealerId = dealerId, Customer = customer, Make = "Skoda", Model = "Octavia", Year = 2021, LicensePlate = v.Plate, Vin = v.Vin,
        }).ToList();
        db.Vehicles.AddRange(vehicles);

        if (_invoices.Count > 0)
        {
            var advisor = await db.Users.Where(u => u.Email == $"advisor@d{dealer}.motortrace.test").Select(u => u.Id).SingleAsync();
            var workOrder = new WorkOrder
            {
                DealerId = dealerId, WorkOrderNumber = "WO-T" + Token(8), Customer = customer, Vehicle = vehicles[0],
                Status = WorkOrderStatus.Invoiced, OpenedAt = DateTime.UtcNow.AddDays(-3), TotalAmount = _invoices.Sum(i => i.Total),
            };
            db.WorkOrders.Add(workOrder);
            foreach (var (status, total, paid, balance) in _invoices)
            {
                var invoice = new Invoice
                {
                    DealerId = dealerId, InvoiceNumber = "INV-T" + Token(8), WorkOrder = workOrder, IssueDate = DateOnly.FromDateTime(DateTime.UtcNow),
                    Status = status, Subtotal = total, TotalAmount = total, PaidAmount = paid, BalanceDue = balance,
                };
                db.Invoices.Add(invoice);
                if (paid > 0)
                    db.Payments.Add(new Payment
                    {
                        DealerId = dealerId, WorkOrder = workOrder, Invoice = invoice, ProcessedById = advisor, Method = PaymentMethod.CreditCard,
                        Amount = paid, Status = PaymentRecordStatus.Completed, PaidAt = DateTime.UtcNow.AddDays(-1), Reference = "SLIP-" + Token(4),
                    });
            }
        }
        await db.SaveChangesAsync();
        return customer.Id;
    });

    public static Task<Guid> DealerIdAsync(MotorTraceDbContext db, int number) =>
        db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => d.Id).SingleAsync();

    /// <summary>A ten-digit mobile number no other test uses (in a spaced format, as people type them).</summary>
    public static string UniquePhone()
    {
        var digits = "9" + string.Concat(Enumerable.Range(0, 9).Select(_ => Random.Shared.Next(10)));
        return $"{digits[..5]} {digits[5..]}";
    }

    public static string UniquePlate() => $"MH 12 {(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))} {Random.Shared.Next(1000, 10000)}";

    /// <summary>A 17-character VIN with a correct check digit (position 9).</summary>
    public static string UniqueVin()
    {
        const string Alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var vin = ("TMB" + string.Concat(Enumerable.Range(0, 14).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]))).ToCharArray();
        int[] weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
        var sum = vin.Select((c, i) => Transliterate(c) * weights[i]).Sum();
        vin[8] = sum % 11 == 10 ? 'X' : (char)('0' + sum % 11);
        return new string(vin);

        static int Transliterate(char c) => char.IsAsciiDigit(c) ? c - '0' : "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ".IndexOf(c) % 10;
    }

    private static string Token(int length) => Guid.NewGuid().ToString("N")[..length].ToUpperInvariant();
}
