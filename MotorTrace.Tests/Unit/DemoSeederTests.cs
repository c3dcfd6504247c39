using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Auditing;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Data.Seeding;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Tests.Unit;

/// <summary>One SQLite file holding the default demo network, seeded once for all the tests of the class.</summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    private readonly List<string> _files = [];

    public string Path { get; private set; } = "";

    public async Task InitializeAsync() => Path = await SeedAsync(DemoScale.Default);

    /// <summary>Seeds a fresh database file at the given scale and returns its path.</summary>
    public async Task<string> SeedAsync(DemoScale scale)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"motortrace-seed-{Guid.NewGuid():N}.db");
        _files.Add(path);
        await using var db = Open(path);
        await db.Database.EnsureCreatedAsync();
        Assert.True(await new DemoSeeder(db, TimeProvider.System).SeedIfEmptyAsync(scale));
        return path;
    }

    public MotorTraceDbContext Open() => Open(Path);

    public static MotorTraceDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<MotorTraceDbContext>()
            .UseSqlite($"Data Source={path}")
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System))
            .Options, SystemUser.Instance);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files) File.Delete(file);
        return Task.CompletedTask;
    }
}

/// <summary>What every demo sign-in relies on finding in the seeded network.</summary>
[Trait("Category", "Unit")]
public sealed class DemoSeederTests(SeededDemoDatabase database) : IClassFixture<SeededDemoDatabase>
{
    [Fact]
    public async Task Every_work_order_status_and_every_appointment_status_occurs_at_every_dealer()
    {
        await using var db = database.Open();
        var dealers = await db.Dealers.Select(d => new { d.Id, d.DealerCode }).ToListAsync();
        Assert.Equal(DemoScale.Default.Dealers, dealers.Count);
        var workOrders = await db.WorkOrders.Select(w => new { w.DealerId, w.Status }).Distinct().ToListAsync();
        var appointments = await db.Appointments.Select(a => new { a.DealerId, a.Status }).Distinct().ToListAsync();

        foreach (var dealer in dealers)
        {
            foreach (var status in Enum.GetValues<WorkOrderStatus>())
                Assert.True(workOrders.Contains(new { DealerId = dealer.Id, Status = status }), $"{dealer.DealerCode} has no {status} work order.");
            foreach (var status in Enum.GetValues<AppointmentStatus>())
                Assert.True(appointments.Contains(new { DealerId = dealer.Id, Status = status }), $"{dealer.DealerCode} has no {status} appointment.");
        }
    }

    [Fact]
    public async Task Each_part_s_stock_ledger_adds_up_to_its_quantity_and_never_goes_below_zero()
    {
        await using var db = database.Open();
        var items = await db.InventoryItems.Select(i => new { i.Id, i.Sku, i.Quantity, i.ReorderPoint }).ToListAsync();
        var ledger = (await db.StockMovements.Select(m => new { m.InventoryItemId, m.Quantity, m.QuantityAfter, m.CreatedAt }).ToListAsync())
            .GroupBy(m => m.InventoryItemId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.CreatedAt).ToList());

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var movements = ledger[item.Id];
            Assert.Equal(item.Quantity, movements.Sum(m => m.Quantity));
            Assert.Equal(item.Quantity, movements[^1].QuantityAfter);
            Assert.All(movements, m => Assert.True(m.QuantityAfter >= 0, $"{item.Sku} went below zero."));
        }
        Assert.Contains(items, i => i.Quantity <= i.ReorderPoint);
    }

    [Fact]
    public async Task Invoice_totals_are_subtotal_less_discount_plus_tax_and_the_balance_is_what_is_left_to_pay()
    {
        await using var db = database.Open();
        var invoices = await db.Invoices
            .Select(i => new { i.InvoiceNumber, i.Status, i.Subtotal, i.DiscountAmount, i.TaxAmount, i.TotalAmount, i.PaidAmount, i.BalanceDue })
            .ToListAsync();
        var lines = (await db.InvoiceLineItems.Select(l => new { l.Invoice.InvoiceNumber, l.Subtotal }).ToListAsync())
            .GroupBy(l => l.InvoiceNumber!).ToDictionary(g => g.Key, g => g.Sum(l => l.Subtotal));
        var payments = (await db.Payments
                .Where(p => p.InvoiceId != null && (p.Status == PaymentRecordStatus.Completed || p.Status == PaymentRecordStatus.PartiallyRefunded))
                .Select(p => new { p.Invoice!.InvoiceNumber, p.Amount, p.RefundAmount })
                .ToListAsync())
            .GroupBy(p => p.InvoiceNumber!).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount - p.RefundAmount));

        Assert.NotEmpty(invoices);
        foreach (var invoice in invoices)
        {
            Assert.Equal(invoice.Subtotal - invoice.DiscountAmount + invoice.TaxAmount, invoice.TotalAmount);
            Assert.Equal(invoice.Subtotal, lines[invoice.InvoiceNumber!]);
            if (invoice.Status == InvoiceStatus.Void) continue;
            Assert.Equal(invoice.TotalAmount - invoice.PaidAmount, invoice.BalanceDue);
            Assert.Equal(invoice.PaidAmount, payments.GetValueOrDefault(invoice.InvoiceNumber!));
        }
        Assert.Contains(invoices, i => i.Status == InvoiceStatus.Paid);
        Assert.Contains(invoices, i => i.BalanceDue > 0);
        Assert.True(await db.Payments.AnyAsync(p => p.RefundAmount > 0), "No payment was refunded.");
    }

    [Fact]
    public async Task Invoice_terms_say_what_the_tax_setting_does_and_no_car_stands_at_its_delivery_reading_for_years()
    {
        await using var db = database.Open();
        var invoices = await db.Invoices.Select(i => new { i.TaxInclusive, i.Terms, i.Subtotal, i.DiscountAmount, i.TaxAmount, i.TotalAmount }).ToListAsync();
        var taxInclusive = new MotorTrace.Data.Entities.Network.DealerSettings().TaxInclusive; // no demo dealer has settings of its own

        Assert.All(invoices, i => Assert.Equal(taxInclusive, i.TaxInclusive));
        Assert.All(invoices.Where(i => !i.TaxInclusive), i =>
        {
            Assert.Contains("added to the prices shown", i.Terms);
            Assert.Equal(i.Subtotal - i.DiscountAmount + i.TaxAmount, i.TotalAmount);
        });
        Assert.DoesNotContain(invoices, i => i.Terms!.Contains("included") != i.TaxInclusive);

        var cars = await db.Vehicles.Select(v => new
        {
            v.LicensePlate, v.CreatedAt, Current = v.Mileage!.CurrentMileage, Latest = db.MileageEntries.Where(e => e.VehicleId == v.Id).Max(e => (int?)e.Mileage),
        }).ToListAsync();
        Assert.All(cars, c => Assert.Equal(c.Latest, c.Current)); // the list's odometer is the latest reading
        var longDelivered = cars.Where(c => c.CreatedAt < DateTime.UtcNow.AddDays(-60)).ToList();
        Assert.NotEmpty(longDelivered);
        Assert.All(longDelivered, c => Assert.True(c.Current > 100, $"{c.LicensePlate} shows {c.Current} km two months after delivery."));
    }

    [Fact]
    public async Task The_demo_customer_sign_in_is_linked_to_a_customer_of_dealer_1_with_two_cars()
    {
        await using var db = database.Open();
        var user = await db.Users.SingleAsync(u => u.Email == "customer@d1.motortrace.test");
        var customer = await db.Customers.Where(c => c.UserId == user.Id)
            .Select(c => new { DealerCode = db.Dealers.Single(d => d.Id == c.DealerId).DealerCode, Vehicles = c.Vehicles.Count })
            .SingleAsync();

        Assert.Equal("D001", customer.DealerCode);
        Assert.Equal(2, customer.Vehicles);
    }

    [Fact]
    public async Task The_demo_technicians_have_several_open_jobs()
    {
        await using var db = database.Open();
        foreach (var email in new[] { "tech@d1.motortrace.test", "tech@d2.motortrace.test" })
        {
            var technician = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var open = await db.WorkOrderLabor.CountAsync(l => l.TechnicianId == technician
                && l.Status != ServiceStatus.Completed && l.Status != ServiceStatus.Cancelled
                && l.WorkOrder.Status != WorkOrderStatus.Closed && l.WorkOrder.Status != WorkOrderStatus.Cancelled);
            Assert.True(open >= 3, $"{email} has {open} open jobs.");
        }
    }

    [Fact]
    public async Task Each_dealer_has_an_inspection_checklist_whose_findings_map_to_its_own_catalogue_and_recent_labour_has_clock_events()
    {
        await using var db = database.Open();
        foreach (var dealer in await db.Dealers.Select(d => d.Id).ToListAsync())
        {
            var items = await db.InspectionTemplateItems.Where(i => i.DealerId == dealer && i.Template.IsActive).ToListAsync();
            Assert.True(items.Count >= 15, $"{items.Count} checklist items");
            Assert.True(items.Count(i => i.CannedServiceId != null || i.LaborCatalogId != null) >= 12);
            Assert.All(items.Where(i => i.CannedServiceId != null), i => Assert.True(db.CannedServices.Any(c => c.Id == i.CannedServiceId && c.DealerId == dealer)));
            Assert.All(items.Where(i => i.LaborCatalogId != null), i => Assert.True(db.LaborCatalog.Any(l => l.Id == i.LaborCatalogId && l.DealerId == dealer)));
        }
        // A completed line of the last month was clocked on at its start and off at its end: its actual minutes.
        var clocked = await db.WorkOrderLabor.Where(l => l.Status == ServiceStatus.Completed && l.ClockEvents.Count == 2)
            .Select(l => new { l.ActualMinutes, On = l.ClockEvents.Min(e => e.At), Off = l.ClockEvents.Max(e => e.At) }).Take(50).ToListAsync();
        Assert.NotEmpty(clocked);
        Assert.All(clocked, l => Assert.Equal(l.ActualMinutes, (int)Math.Round((l.Off - l.On).TotalMinutes)));
        Assert.Equal(0, await db.LaborClockEvents.CountAsync(e => e.DealerId != e.Labor.DealerId || e.TechnicianId != e.Labor.TechnicianId));
    }

    [Fact]
    public async Task Rows_belong_to_the_same_dealer_as_what_they_hang_off()
    {
        await using var db = database.Open();
        Assert.Equal(0, await db.Vehicles.CountAsync(v => v.DealerId != v.Customer.DealerId));
        Assert.Equal(0, await db.WorkOrders.CountAsync(w => w.DealerId != w.Vehicle.DealerId || w.DealerId != w.Customer.DealerId));
        Assert.Equal(0, await db.WorkOrderLabor.CountAsync(l => l.DealerId != l.WorkOrder.DealerId));
        Assert.Equal(0, await db.WorkOrderParts.CountAsync(p => p.DealerId != p.WorkOrder.DealerId
            || (p.InventoryItemId != null && p.InventoryItem!.DealerId != p.DealerId)));
        Assert.Equal(0, await db.Invoices.CountAsync(i => i.DealerId != i.WorkOrder.DealerId));
        Assert.Equal(0, await db.Payments.CountAsync(p => p.DealerId != p.WorkOrder.DealerId));
        Assert.Equal(0, await db.StockMovements.CountAsync(m => m.DealerId != m.InventoryItem.DealerId));
    }

    [Fact]
    public async Task The_seed_writes_no_audit_rows_and_leaves_no_dangling_reference()
    {
        await using var db = database.Open();
        Assert.Equal(0, await db.AuditLogs.CountAsync());
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.False(await reader.ReadAsync(), "A seeded row refers to a missing one.");
    }

    [Fact]
    public async Task Seeding_a_database_that_already_has_dealers_changes_nothing()
    {
        var path = await database.SeedAsync(new DemoScale(1, 5, 1));
        await using var db = SeededDemoDatabase.Open(path);
        var before = (await db.Customers.CountAsync(), await db.WorkOrders.CountAsync(), await db.Users.CountAsync());

        Assert.False(await new DemoSeeder(db, TimeProvider.System).SeedIfEmptyAsync(DemoScale.Default));

        Assert.Equal(before, (await db.Customers.CountAsync(), await db.WorkOrders.CountAsync(), await db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_same_scale_gives_the_same_network()
    {
        var again = await database.SeedAsync(DemoScale.Default);
        await using var first = database.Open();
        await using var second = SeededDemoDatabase.Open(again);

        static Task<List<string>> Customers(MotorTraceDbContext db) => db.Customers
            .OrderBy(c => c.Id).Select(c => c.Id + " " + c.Name + " " + c.Phone).ToListAsync();
        static Task<List<string>> Vehicles(MotorTraceDbContext db) => db.Vehicles
            .OrderBy(v => v.Id).Select(v => v.Vin + " " + v.LicensePlate + " " + v.Model).ToListAsync();

        Assert.Equal(await Customers(first), await Customers(second));
        Assert.Equal(await Vehicles(first), await Vehicles(second));
    }
}
