using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Seeding;

/// <summary>Each dealer's customers and their cars, with profiles and the owner's own logs (fuel, expenses).</summary>
public sealed partial class DemoSeeder
{
    private const string VinCharacters = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"; // ISO 3779: no I, O or Q

    // Reserved example domains (RFC 2606): demo data must never address a real mailbox.
    private static readonly string[] MailDomains = ["example.com", "example.net", "example.org"];

    private static readonly string[] CustomerNotes =
    [
        "Prefers updates on WhatsApp.", "Call before doing any additional work.", "Pick-up and drop from home requested.",
        "Corporate billing: send the invoice to the accounts team.", "Senior citizen: offer the lounge and a ride home.",
    ];

    private void BuildCustomers(DealerSeed d)
    {
        var models = Models.Where(m => d.Dealer.Brand is null or "Both" || m.Make == d.Dealer.Brand)
            .Where(m => m.From <= _now.Year).ToList();
        var vehicleIndex = 0;
        for (var i = 0; i < d.Scale.CustomersPerDealer; i++)
        {
            var isDemo = i == 0 && d.DemoCustomer is not null;
            var customer = new CustomerSeed { Id = NextGuid() };
            var (first, last) = PersonName(d.City);
            customer.Name = $"{first} {last}";
            if (!isDemo && Chance(0.03)) customer.Company = Pick(CompanyNames);
            if (Chance(1 / 3.0))
                customer.Email = $"{AsciiLower(first)}.{AsciiLower(last)}{Between(1, 99)}@{Pick(MailDomains)}";
            if (Chance(0.97)) customer.Phone = MobileNumber();
            customer.Address = $"Flat {Between(1, 14)}0{Between(1, 8)}, {Pick(Buildings)}, {Pick(d.City.Localities)}";
            customer.PostalCode = $"{d.City.PostalPrefix}{Between(1, 99):00}";
            if (Chance(0.04)) customer.Notes = Pick(CustomerNotes);

            if (isDemo)
            {
                // The portal demo: Chris owns two cars with a history, an open estimate and an unpaid balance.
                customer.Name = d.DemoCustomer!.Name;
                customer.Email = d.DemoCustomer.Email;
                customer.Phone = "+91 98220 11234";
                customer.UserId = d.DemoCustomer.Id;
                customer.Company = null;
                customer.Notes = "Portal user: approves estimates online.";
                customer.Vehicles.Add(NewVehicle(d, customer, models, vehicleIndex++, DemoModel(models, 0), _now.Year - 2, 1.0));
                customer.Vehicles.Add(NewVehicle(d, customer, models, vehicleIndex++, DemoModel(models, 1), _now.Year - 6, 1.0));
            }
            else
            {
                var count = customer.Company is not null ? (Chance(0.5) ? 2 : 1) : (Chance(0.25) ? 2 : 1);
                for (var k = 0; k < count; k++)
                    customer.Vehicles.Add(NewVehicle(d, customer, models, vehicleIndex++, null, null, null));
            }
            customer.CreatedAt = customer.Vehicles.Min(v => v.DeliveredAt).AddDays(-Between(0, 3));
            d.Customers.Add(customer);
            d.Vehicles.AddRange(customer.Vehicles);
        }
    }

    private (string First, string Last) PersonName(CityProfile city)
    {
        var roll = _random.NextDouble();
        var christianShare = city.City == "Kochi" ? 0.2 : 0.05;
        if (roll < 0.1) return (Pick(MuslimFirstNames), Pick(MuslimSurnames));
        if (roll < 0.1 + christianShare) return (Pick(ChristianFirstNames), Pick(ChristianSurnames));
        var first = Chance(0.62) ? Pick(MaleNames) : Pick(FemaleNames);
        return (first, Chance(0.7) ? Pick(city.Surnames) : Pick(PanIndianSurnames));
    }

    private static ModelInfo DemoModel(List<ModelInfo> models, int which)
    {
        string[] preferred = which == 0 ? ["Virtus", "Slavia", "Kushaq"] : ["Polo", "Rapid", "Vento"];
        return preferred.Select(name => models.FirstOrDefault(m => m.Model == name)).FirstOrDefault(m => m is not null) ?? models[which % models.Count];
    }

    private VehicleSeed NewVehicle(DealerSeed d, CustomerSeed owner, List<ModelInfo> models, int index, ModelInfo? model, int? year, double? loyalty)
    {
        model ??= PickWeighted(models, m => m.Weight);
        var maxYear = Math.Min(model.To ?? _now.Year, _now.Year);
        var minYear = Math.Min(Math.Max(model.From, _now.Year - 9), maxYear);
        var modelYear = Math.Clamp(year ?? Between(minYear, maxYear), minYear, maxYear);
        var delivered = new DateTime(modelYear, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(Between(0, 364)).AddHours(Between(4, 12));
        if (delivered > _now.AddDays(-21)) delivered = _now.AddDays(-Between(21, 150));

        var engine = Pick(model.Engines);
        var group = engine.Contains("TDI") ? "Tdi" : engine.Contains("MPI") ? "Mpi" : engine.StartsWith("1.0") ? "Tsi10" : "TsiLarge";
        var transmission = group switch
        {
            "Tdi" => Chance(0.6) ? "6-speed manual" : "7-speed DSG",
            "TsiLarge" => Chance(0.8) ? "7-speed DSG" : "6-speed manual",
            "Tsi10" => Chance(0.55) ? "6-speed manual" : "6-speed AT",
            _ => "5-speed manual",
        };
        var fleet = owner.Company is not null;
        var loyaltyRoll = _random.NextDouble();
        var vehicle = new VehicleSeed
        {
            Id = NextGuid(),
            Customer = owner,
            Model = model,
            Engine = engine,
            EngineGroup = group,
            Transmission = transmission,
            Year = modelYear,
            Plate = $"{d.City.StateCode} {Pick(d.City.RtoCodes)} {PlateLetter()}{PlateLetter()} {Between(1, 9999):0000}",
            Vin = NewVin(model, modelYear, index),
            Colour = Pick(Colours),
            DeliveredAt = delivered,
            KmPerDay = fleet ? 50 + 50 * _random.NextDouble() : 12 + 60 * Math.Pow(_random.NextDouble(), 1.6),
            // A dealer's files hold many more owners than come back: one in ten returns for every service,
            // one in five now and then, the rest have drifted to other workshops.
            Loyalty = loyalty ?? (fleet ? 0.6 : loyaltyRoll < 0.1 ? 0.75 : loyaltyRoll < 0.3 ? 0.25 : 0.02),
            Condition = PickWeighted([DrivingCondition.Normal, DrivingCondition.Mixed, DrivingCondition.Severe, DrivingCondition.Offroad],
                c => c switch { DrivingCondition.Normal => 55, DrivingCondition.Mixed => 30, DrivingCondition.Severe => 12, _ => 3 }),
        };
        if (vehicle.Loyalty < 0.1 && modelYear < _now.Year - 6 && Chance(0.2)) vehicle.Status = VehicleStatus.Sold;
        else if (Chance(0.01)) vehicle.Status = VehicleStatus.Inactive;
        return vehicle;
    }

    private char PlateLetter() => "ABCDEFGHJKLMNPRSTUVWXYZ"[_random.Next(23)];

    /// <summary>A VIN in the ISO 3779 format with a correct check digit (position 9), unique per dealer by its serial.</summary>
    private string NewVin(ModelInfo model, int year, int index)
    {
        var wmi = model.Model == "T-Roc" ? "WVG" : "MEX"; // MEX: built in India by Skoda Auto Volkswagen India
        var chars = new char[17];
        wmi.CopyTo(0, chars, 0, 3);
        chars[3] = model.ModelCode[0];
        chars[4] = model.ModelCode[1];
        for (var i = 5; i < 8; i++) chars[i] = VinCharacters[_random.Next(VinCharacters.Length)];
        chars[9] = "ABCDEFGHJKLMNPRSTVWXY123456789"[(year - 2010) % 30];
        chars[10] = model.Platform == Platform.Mqb ? 'A' : 'P'; // Aurangabad or Chakan (Pune) plant
        var serial = (100000 + index * 7 + _random.Next(7)) % 1000000;
        serial.ToString("000000", System.Globalization.CultureInfo.InvariantCulture).CopyTo(0, chars, 11, 6);
        chars[8] = VinCheckDigit(chars);
        return new string(chars);
    }

    private static char VinCheckDigit(char[] vin)
    {
        int[] weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (i == 8) continue; // the check digit itself weighs nothing
            var c = vin[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : "12345678.12345.7.923456789"[c - 'A'] - '0';
            sum += value * weights[i];
        }
        var check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    private async Task SaveCustomersAsync(DealerSeed d)
    {
        string[] uses = ["Daily commute", "Family and weekend trips", "Business travel", "City driving"];
        foreach (var c in d.Customers)
        {
            var frontDesk = Pick(d.Advisors);
            Add(new Customer
            {
                Id = c.Id, DealerId = d.Id, UserId = c.UserId, Name = c.Name, CompanyName = c.Company, Email = c.Email, Phone = c.Phone,
                Address = c.Address, City = d.City.City, PostalCode = c.PostalCode, Notes = c.Notes, CreatedAt = c.CreatedAt,
                CreatedById = frontDesk.Id,
            });
            foreach (var v in c.Vehicles)
            {
                Add(new Vehicle
                {
                    Id = v.Id, DealerId = d.Id, CustomerId = c.Id, Make = v.Model.Make, Model = v.Model.Model, Year = v.Year, Vin = v.Vin,
                    LicensePlate = v.Plate, Color = v.Colour, Status = v.Busy ? VehicleStatus.InService : v.Status,
                    CreatedAt = v.DeliveredAt, CreatedById = frontDesk.Id,
                });
                List<string> channels = c.Email is null ? ["sms", "whatsapp"] : ["email", "sms", "whatsapp"];
                Add(new VehicleProfile
                {
                    Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, DrivingCondition = v.Condition,
                    AverageDailyMileage = (int)Math.Round(v.KmPerDay), PrimaryUse = c.Company is not null ? "Company fleet" : Pick(uses),
                    EngineType = v.Engine, TransmissionType = v.Transmission, FuelType = v.IsPetrol ? "Petrol" : "Diesel",
                    PreferredServiceInterval = v.Condition == DrivingCondition.Severe ? ServiceInterval.Severe : ServiceInterval.Standard,
                    NotificationPreferences = channels, CreatedAt = v.DeliveredAt,
                });
                if (c.UserId is { } owner) SaveOwnerLogs(d, v, owner);
                else if (Chance(0.06)) SaveFrontDeskExpense(d, v, frontDesk);
            }
            await FlushIfFullAsync();
        }
    }

    /// <summary>What a portal customer logs: a fill-up every few weeks with the odometer, and the running costs of the car.</summary>
    private void SaveOwnerLogs(DealerSeed d, VehicleSeed v, Guid owner)
    {
        var efficiency = v.IsPetrol ? 14.5 : 19.0;
        var at = _now.AddDays(-365);
        var previous = v.Odometer(at);
        while ((at = at.AddDays(Between(12, 24))) < _now.AddDays(-1))
        {
            var km = v.Odometer(at);
            var distance = km - previous;
            var litres = Math.Round((decimal)(distance / (efficiency * (0.9 + 0.2 * _random.NextDouble()))), 2);
            if (litres <= 0) continue;
            var locality = Pick(d.City.Localities);
            Add(new MileageEntry
            {
                Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, RecordedById = owner, Mileage = km, FuelUsed = litres,
                Distance = distance, Efficiency = Math.Round(distance / litres, 3),
                Latitude = Math.Round((decimal)(d.City.Latitude + (_random.NextDouble() - 0.5) * 0.1), 6),
                Longitude = Math.Round((decimal)(d.City.Longitude + (_random.NextDouble() - 0.5) * 0.1), 6),
                LocationName = $"Fuel station, {locality}", Notes = "Full tank", RecordedAt = at,
            });
            Reading(v, at, km);
            Add(new CarExpense
            {
                Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, Category = ExpenseCategory.Fuel, Description = $"{litres} L {(v.IsPetrol ? "petrol" : "diesel")}",
                Amount = Money(litres * (v.IsPetrol ? 104.2m : 90.6m)), Date = LocalDay(d, at), Provider = $"IndianOil, {locality}",
                CreatedAt = at, CreatedById = owner,
            });
            previous = km;
        }
        (ExpenseCategory Category, string Description, decimal Amount, string Provider, int DaysAgo)[] costs =
        [
            (ExpenseCategory.Insurance, "Comprehensive insurance renewal with zero depreciation", 18450m, "ICICI Lombard", 140),
            (ExpenseCategory.Tolls, "FASTag recharge", 1500m, "NHAI FASTag", 45),
            (ExpenseCategory.Tolls, "FASTag recharge", 2000m, "NHAI FASTag", 12),
            (ExpenseCategory.Parking, "Monthly office parking", 2500m, $"{d.City.City} business park", 20),
            (ExpenseCategory.Cleaning, "Interior deep cleaning", 1800m, "Local detailing studio", 75),
            (ExpenseCategory.Accessories, "Seat covers", 6500m, "Accessories store", 200),
        ];
        foreach (var (category, description, amount, provider, daysAgo) in costs)
            Add(new CarExpense
            {
                Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, Category = category, Description = description,
                Amount = amount + (v.Model.Platform == Platform.Mqb && category == ExpenseCategory.Insurance ? 12000m : 0m),
                Date = d.Today.AddDays(-daysAgo - Between(0, 6)), Provider = provider, CreatedAt = _now.AddDays(-daysAgo), CreatedById = owner,
            });
    }

    /// <summary>Insurance renewed through the dealer's desk: the advisor files the premium on the car's record.</summary>
    private void SaveFrontDeskExpense(DealerSeed d, VehicleSeed v, StaffMember advisor)
    {
        var at = _now.AddDays(-Between(5, 360 * d.Scale.Years));
        if (at < v.DeliveredAt) return;
        Add(new CarExpense
        {
            Id = NextGuid(), DealerId = d.Id, VehicleId = v.Id, Category = ExpenseCategory.Insurance,
            Description = "Insurance renewed at the dealership", Amount = RoundUp50((decimal)(9000 + 16000 * _random.NextDouble())),
            Date = LocalDay(d, at), Provider = Pick(["ICICI Lombard", "HDFC ERGO", "Bajaj Allianz", "Tata AIG"]),
            Notes = "Renewed at the service desk.", CreatedAt = at, CreatedById = advisor.Id,
        });
    }

    private static void Reading(VehicleSeed v, DateTime at, int km)
    {
        if (v.FirstReading is not { } first || at < first.At) v.FirstReading = (at, km);
        if (v.LastReading is not { } last || at > last.At) v.LastReading = (at, km);
    }
}
