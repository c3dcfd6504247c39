using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Seeding;

/// <summary>
/// The fixed facts the demo network is drawn from: Indian cities, names and plates, the Volkswagen and Skoda
/// line-up, parts, labor operations, canned services and the manufacturer's maintenance schedule.
/// </summary>
public sealed partial class DemoSeeder
{
    private sealed record CityProfile(
        string City, string StateCode, string[] RtoCodes, string PostalPrefix, string[] Localities,
        string[] Surnames, string StdCode, double Latitude, double Longitude);

    /// <summary>Keyed by the dealer's city (see <c>Cities</c> in DemoSeeder.cs); surnames are the common local ones.</summary>
    private static readonly Dictionary<string, CityProfile> CityProfiles = new CityProfile[]
    {
        new("Pune", "MH", ["12", "14"], "4110",
            ["Baner", "Aundh", "Kothrud", "Viman Nagar", "Hinjewadi", "Wakad", "Kharadi", "Hadapsar", "Magarpatta", "Shivajinagar"],
            ["Kulkarni", "Deshpande", "Patil", "Joshi", "Pawar", "Jadhav", "Gokhale", "Bhosale", "Kale", "Apte", "Shinde", "More"],
            "20", 18.5204, 73.8567),
        new("Bengaluru", "KA", ["01", "03", "05", "51", "53"], "5600",
            ["Koramangala", "Indiranagar", "Whitefield", "Jayanagar", "HSR Layout", "Malleshwaram", "Hebbal", "Electronic City", "Yelahanka", "Banashankari"],
            ["Gowda", "Rao", "Shetty", "Hegde", "Murthy", "Kamath", "Bhat", "Acharya", "Prasad", "Shenoy", "Nayak", "Urs"],
            "80", 12.9716, 77.5946),
        new("Chennai", "TN", ["01", "07", "09", "10", "22"], "6000",
            ["Adyar", "Anna Nagar", "T. Nagar", "Velachery", "Mylapore", "Nungambakkam", "Porur", "Tambaram", "Thoraipakkam", "Besant Nagar"],
            ["Iyer", "Iyengar", "Subramanian", "Krishnan", "Natarajan", "Pillai", "Raman", "Sundaram", "Venkatesan", "Balasubramanian", "Rajan", "Murugan"],
            "44", 13.0827, 80.2707),
        new("Hyderabad", "TS", ["07", "08", "09", "10"], "5000",
            ["Gachibowli", "Madhapur", "Banjara Hills", "Jubilee Hills", "Kondapur", "Kukatpally", "Begumpet", "Secunderabad", "Miyapur", "Manikonda"],
            ["Reddy", "Rao", "Naidu", "Chowdary", "Varma", "Goud", "Raju", "Sastry", "Yadav", "Kumar", "Prasad", "Devi"],
            "40", 17.3850, 78.4867),
        new("Ahmedabad", "GJ", ["01", "27", "38"], "3800",
            ["Satellite", "Bodakdev", "Prahlad Nagar", "Navrangpura", "Vastrapur", "Thaltej", "Maninagar", "Bopal", "Chandkheda", "Paldi"],
            ["Patel", "Shah", "Mehta", "Desai", "Trivedi", "Parikh", "Modi", "Joshi", "Pandya", "Vyas", "Bhatt", "Amin"],
            "79", 23.0225, 72.5714),
        new("Jaipur", "RJ", ["14", "45"], "3020",
            ["Malviya Nagar", "Vaishali Nagar", "C-Scheme", "Mansarovar", "Raja Park", "Jagatpura", "Tonk Road", "Bani Park", "Sodala", "Civil Lines"],
            ["Sharma", "Agarwal", "Rathore", "Shekhawat", "Jain", "Mathur", "Saini", "Meena", "Gupta", "Khandelwal", "Chauhan", "Singh"],
            "141", 26.9124, 75.7873),
        new("Kochi", "KL", ["07", "39", "41"], "6820",
            ["Kakkanad", "Edappally", "Vyttila", "Kaloor", "Panampilly Nagar", "Palarivattom", "Fort Kochi", "Aluva", "Thrippunithura", "Kadavanthra"],
            ["Nair", "Menon", "Pillai", "Kurup", "Panicker", "Warrier", "Nambiar", "Unnikrishnan", "Krishnan", "Das", "Varma", "Kartha"],
            "484", 9.9312, 76.2673),
        new("Lucknow", "UP", ["32"], "2260",
            ["Gomti Nagar", "Hazratganj", "Aliganj", "Indira Nagar", "Alambagh", "Mahanagar", "Jankipuram", "Vikas Nagar", "Rajajipuram", "Aminabad"],
            ["Srivastava", "Mishra", "Tiwari", "Shukla", "Verma", "Saxena", "Pandey", "Dwivedi", "Tripathi", "Awasthi", "Bajpai", "Dixit"],
            "522", 26.8467, 80.9462),
    }.ToDictionary(c => c.City);

    private static readonly string[] MaleNames =
    [
        "Aarav", "Rahul", "Amit", "Rohan", "Vikram", "Arjun", "Sanjay", "Rajesh", "Suresh", "Karthik", "Aditya", "Nikhil",
        "Pranav", "Siddharth", "Varun", "Manoj", "Deepak", "Anil", "Vivek", "Harish", "Ganesh", "Prakash", "Naveen",
        "Abhishek", "Kunal", "Yash", "Ishaan", "Mohit", "Gaurav", "Arun", "Sunil", "Ramesh", "Ajay", "Vinay", "Sachin",
    ];

    private static readonly string[] FemaleNames =
    [
        "Priya", "Ananya", "Sneha", "Kavya", "Divya", "Pooja", "Neha", "Aishwarya", "Meera", "Lakshmi", "Shreya", "Ritu",
        "Anjali", "Deepa", "Swati", "Nandini", "Radhika", "Sunita", "Aditi", "Isha", "Tanvi", "Shalini", "Rekha", "Pallavi",
    ];

    // First names and surnames travel together by community, so "Imran Kulkarni" never appears.
    private static readonly string[] MuslimFirstNames = ["Imran", "Farhan", "Salman", "Irfan", "Zaid", "Fatima", "Ayesha", "Sana", "Nazia", "Arif"];
    private static readonly string[] MuslimSurnames = ["Khan", "Shaikh", "Qureshi", "Ansari", "Siddiqui", "Syed", "Pathan", "Mirza"];
    private static readonly string[] ChristianFirstNames = ["Joseph", "George", "Thomas", "Jacob", "Anil", "Mary", "Sara", "Elizabeth", "Annie", "Reena"];
    private static readonly string[] ChristianSurnames = ["Thomas", "Fernandes", "D'Souza", "Mathew", "Varghese", "Kurian", "Joseph", "Pereira"];
    private static readonly string[] PanIndianSurnames = ["Sharma", "Gupta", "Singh", "Kapoor", "Malhotra", "Chopra", "Bansal", "Arora", "Sinha", "Banerjee", "Chatterjee", "Das", "Bose", "Mukherjee"];

    private static readonly string[] CompanyNames =
    [
        "Sai Travels", "Shree Logistics Pvt Ltd", "Infotech Solutions Pvt Ltd", "Om Sai Tours and Travels", "Greenfield Pharma Ltd",
        "Metro Realty LLP", "Apex Engineering Works", "Sunrise Hospitality Pvt Ltd", "BluePeak Software Services", "Vedanta Agro Foods",
    ];

    private static readonly string[] Buildings =
    [
        "Sunshine Residency", "Green Valley Apartments", "Lakeview Towers", "Royal Palms", "Silver Oak Enclave", "Prestige Park",
        "Shanti Niketan Society", "Gulmohar Heights", "Ashoka Gardens", "Orchid Residency", "Blue Ridge", "Kailash Apartments",
    ];

    private static readonly string[] Colours =
    [
        "Candy White", "Reflex Silver", "Carbon Steel Grey", "Wild Cherry Red", "Lapiz Blue", "Rising Blue", "Curcuma Yellow",
        "Deep Black Pearl", "Brilliant Silver", "Tornado Red", "Honey Orange", "Lava Blue", "Moon White",
    ];

    /// <summary>Platform families decide which filters, pads and discs fit.</summary>
    private enum Platform { Pq25, A0, Mqb }

    private sealed record ModelInfo(string Make, string Model, int From, int? To, double Weight, Platform Platform, VehicleType Type,
        string ModelCode, string[] Engines);

    private static readonly ModelInfo[] Models =
    [
        new("Volkswagen", "Polo", 2014, 2022, 3, Platform.Pq25, VehicleType.Car, "6R", ["1.0 MPI", "1.0 TSI", "1.2 TSI", "1.5 TDI"]),
        new("Volkswagen", "Vento", 2014, 2022, 2, Platform.Pq25, VehicleType.Car, "6C", ["1.0 TSI", "1.2 TSI", "1.6 MPI", "1.5 TDI"]),
        new("Volkswagen", "Virtus", 2022, null, 3, Platform.A0, VehicleType.Car, "CS", ["1.0 TSI", "1.5 TSI"]),
        new("Volkswagen", "Taigun", 2021, null, 3, Platform.A0, VehicleType.Suv, "CR", ["1.0 TSI", "1.5 TSI"]),
        new("Volkswagen", "Tiguan", 2017, null, 1, Platform.Mqb, VehicleType.Suv, "5N", ["2.0 TSI", "2.0 TDI"]),
        new("Volkswagen", "T-Roc", 2020, 2023, 0.5, Platform.Mqb, VehicleType.Suv, "A1", ["1.5 TSI"]),
        new("Skoda", "Rapid", 2014, 2021, 2, Platform.Pq25, VehicleType.Car, "NH", ["1.0 TSI", "1.6 MPI", "1.5 TDI"]),
        new("Skoda", "Slavia", 2022, null, 3, Platform.A0, VehicleType.Car, "PJ", ["1.0 TSI", "1.5 TSI"]),
        new("Skoda", "Kushaq", 2021, null, 3, Platform.A0, VehicleType.Suv, "PS", ["1.0 TSI", "1.5 TSI"]),
        new("Skoda", "Kylaq", 2025, null, 2, Platform.A0, VehicleType.Suv, "PK", ["1.0 TSI"]),
        new("Skoda", "Octavia", 2014, 2023, 1.5, Platform.Mqb, VehicleType.Car, "5E", ["1.4 TSI", "1.8 TSI", "2.0 TSI", "2.0 TDI"]),
        new("Skoda", "Superb", 2014, 2024, 0.8, Platform.Mqb, VehicleType.Car, "3V", ["1.8 TSI", "2.0 TSI", "2.0 TDI"]),
        new("Skoda", "Kodiaq", 2017, null, 0.8, Platform.Mqb, VehicleType.Suv, "NS", ["2.0 TSI", "2.0 TDI"]),
    ];

    /// <summary>
    /// One stocked part. <c>Fits</c> narrows which vehicles it is used on: a platform (Pq25, A0, Mqb), an
    /// engine group (Tsi10, TsiLarge, Tdi, Mpi) or null for every car.
    /// </summary>
    private sealed record PartInfo(string Category, string Name, string? PartNumber, string Manufacturer, decimal Price,
        int PerUse, string? Fits, bool Core = false, bool Always = true);

    private static readonly PartInfo[] Parts =
    [
        new("Engine oil", "Engine oil 5W-40 (VW 502 00), 1 L", "G052195M4", "Castrol", 950m, 4, "Petrol"),
        new("Engine oil", "Engine oil 0W-20 (VW 508 00), 1 L", "G052577M4", "Castrol", 1150m, 4, "Tsi10"),
        new("Engine oil", "Engine oil 5W-30 (VW 507 00), 1 L", "G052195M2", "Castrol", 1100m, 5, "Tdi"),
        new("Oil filters", "Oil filter, 1.0 TSI / 1.0 MPI", "04E115561H", "Mann-Filter", 650m, 1, "Tsi10"),
        new("Oil filters", "Oil filter element, 1.4-2.0 TSI", "06L115562B", "Mann-Filter", 890m, 1, "TsiLarge"),
        new("Oil filters", "Oil filter element, TDI", "03N115562B", "Mann-Filter", 920m, 1, "Tdi"),
        new("Oil filters", "Oil filter, 1.6 MPI", "03C115561J", "Mann-Filter", 620m, 1, "Mpi"),
        new("Air filters", "Air filter element, Polo / Vento / Rapid", "6R0129620A", "Mann-Filter", 780m, 1, "Pq25"),
        new("Air filters", "Air filter element, Virtus / Taigun / Slavia / Kushaq / Kylaq", "2Q0129620B", "Mann-Filter", 890m, 1, "A0"),
        new("Air filters", "Air filter element, Octavia / Superb / Kodiaq / Tiguan / T-Roc", "5Q0129620D", "Mann-Filter", 1450m, 1, "Mqb"),
        new("Cabin filters", "Dust and pollen filter, Polo / Vento / Rapid", "6R0819653", "Bosch", 690m, 1, "Pq25"),
        new("Cabin filters", "Activated-carbon cabin filter, A0 models", "2Q0819653", "Bosch", 1150m, 1, "A0"),
        new("Cabin filters", "Activated-carbon cabin filter, MQB models", "5Q0819653", "Bosch", 1350m, 1, "Mqb"),
        new("Fuel filters", "Diesel fuel filter, 1.5 TDI", "6R0127400C", "Mann-Filter", 2150m, 1, "Tdi"),
        new("Spark plugs", "Spark plug, 1.0 TSI", "04C905616A", "NGK", 720m, 3, "Tsi10"),
        new("Spark plugs", "Spark plug, 1.4-2.0 TSI", "04E905612C", "NGK", 780m, 4, "TsiLarge"),
        new("Spark plugs", "Spark plug, MPI", "101905617C", "Bosch", 420m, 4, "Mpi"),
        new("Brake pads", "Front brake pad set, Polo / Vento / Rapid", "6R0698151A", "TRW", 3200m, 1, "Pq25"),
        new("Brake pads", "Front brake pad set, A0 models", "2Q0698151B", "TRW", 3600m, 1, "A0"),
        new("Brake pads", "Front brake pad set, MQB models", "5Q0698151B", "TRW", 5400m, 1, "Mqb"),
        new("Brake pads", "Rear brake pad set, MQB models", "5Q0698451L", "TRW", 4200m, 1, "Mqb"),
        new("Brake discs", "Front brake disc, Polo / Vento / Rapid", "6R0615301F", "Brembo", 4100m, 2, "Pq25"),
        new("Brake discs", "Front brake disc, A0 models", "2Q0615301H", "Brembo", 4600m, 2, "A0"),
        new("Brake discs", "Front brake disc, MQB models", "5Q0615301F", "Brembo", 6800m, 2, "Mqb"),
        new("Brake fluid", "Brake fluid DOT 4 LV, 1 L", "B000750M3", "VW Genuine", 850m, 1, null),
        new("Wiper blades", "Front wiper blade set, Polo / Vento / Rapid", "6RD955425", "Bosch", 1450m, 1, "Pq25"),
        new("Wiper blades", "Front aero wiper blade set", "2GM998002", "Bosch", 1850m, 1, null),
        new("Wiper blades", "Rear wiper blade", "6R6955427A", "Bosch", 540m, 1, null, Always: false),
        new("Batteries", "Battery 12 V 45 Ah", "JZW915105", "Varta", 6200m, 1, "Pq25", Core: true),
        new("Batteries", "Battery 12 V 61 Ah", "000915105DE", "Varta", 8400m, 1, "A0", Core: true),
        new("Batteries", "Battery 12 V 68 Ah AGM, start-stop", "000915105CF", "Varta", 14500m, 1, "Mqb", Core: true),
        new("Tyres", "Tyre 185/60 R15 84H", "MRF-ZVTS-1856015", "MRF", 5600m, 2, "Pq25"),
        new("Tyres", "Tyre 205/55 R16 91V", "BRI-T005-2055516", "Bridgestone", 7400m, 2, "A0"),
        new("Tyres", "Tyre 205/60 R16 92H", "APO-ALN-2056016", "Apollo", 6900m, 2, "A0", Always: false),
        new("Tyres", "Tyre 215/55 R17 94V", "MIC-PR4-2155517", "Michelin", 11800m, 2, "Mqb"),
        new("Tyres", "Tyre 235/55 R18 100V", "CON-EC6-2355518", "Continental", 14900m, 2, "Mqb", Always: false),
        new("Coolant", "Coolant G13 concentrate, 1.5 L", "G013A8JM1", "VW Genuine", 1250m, 1, null),
        new("AC service", "AC refrigerant R-134a, 500 g", "G052100R1", "Honeywell", 1400m, 1, null),
        new("AC service", "AC compressor oil PAG 46, 250 ml", "G052154R1", "VW Genuine", 1100m, 1, null, Always: false),
        new("Bulbs", "Headlamp bulb H4 60/55 W", "N10647102", "Osram", 380m, 1, "Pq25"),
        new("Bulbs", "Headlamp bulb H7 55 W", "N10732102", "Osram", 420m, 1, null),
        new("Belts", "Poly-V belt, 1.0 TSI", "04C145933", "ContiTech", 1650m, 1, "Tsi10"),
        new("Belts", "Timing belt kit, 1.5 TDI", "04L198119A", "INA", 9800m, 1, "Tdi"),
        new("Suspension", "Front stabiliser link", "6Q0411315R", "Lemforder", 1250m, 2, null),
        new("Suspension", "Front shock absorber, Polo / Vento", "6R0413031AP", "Sachs", 6800m, 2, "Pq25", Always: false),
        new("Suspension", "Front lower arm bush", "6Q0407182", "Lemforder", 1100m, 2, null, Always: false),
        new("Clutch", "Clutch kit, 1.0 TSI manual", "04C141015T", "LuK", 14800m, 1, "Tsi10"),
        new("Clutch", "Clutch kit, 1.5 TDI", "03P141015F", "LuK", 16500m, 1, "Tdi", Always: false),
        new("Gearbox oil", "DSG oil DQ381/DQ500, 1 L", "G052182A2", "VW Genuine", 1650m, 6, "TsiLarge"),
        new("Gearbox oil", "ATF, 6-speed automatic, 1 L", "G055540A2", "VW Genuine", 1450m, 5, "Tsi10"),
        new("Gearbox oil", "Manual gearbox oil 75W-90, 1 L", "G060726A2", "VW Genuine", 1150m, 2, null, Always: false),
        new("Gearbox oil", "DSG oil filter", "0BH325183B", "VW Genuine", 1900m, 1, "TsiLarge"),
        new("Shop supplies", "Brake cleaner spray, 500 ml", null, "Wurth", 320m, 1, null),
        new("Shop supplies", "Wheel balancing weights, pack", null, "Wurth", 260m, 1, null),
        new("Shop supplies", "AC system cleaner foam", null, "Wurth", 650m, 1, null),
        new("Shop supplies", "Windshield washer concentrate, 250 ml", null, "VW Genuine", 180m, 1, null),
        new("Shop supplies", "Fuel system cleaner G17, 90 ml", "G001770A2", "VW Genuine", 890m, 1, "Petrol", Always: false),
        new("Accessories", "All-weather floor mats, Virtus / Slavia", "2GM061500", "VW Genuine", 3900m, 1, "A0", Always: false),
        new("Accessories", "Mud flap set", "2GM075111", "VW Genuine", 1800m, 1, null, Always: false),
        new("Accessories", "Dash camera, front and rear", "000063100", "VW Genuine", 7900m, 1, null, Always: false),
        new("Accessories", "Car cover, water resistant", "2GM061205", "VW Genuine", 2600m, 1, null, Always: false),
        new("Accessories", "Tyre inflator, 12 V", "000093010", "VW Genuine", 3200m, 1, null, Always: false),
    ];

    private sealed record LaborInfo(string Code, string Name, int Minutes, string Category, SkillLevel Skill);

    private static readonly LaborInfo[] LaborOperations =
    [
        new("PM-INSP", "Periodic maintenance inspection", 60, "Maintenance", SkillLevel.Technician),
        new("PM-OIL", "Engine oil and filter replacement", 30, "Maintenance", SkillLevel.Technician),
        new("PM-AIR", "Air filter replacement", 15, "Maintenance", SkillLevel.Apprentice),
        new("PM-CAB", "Cabin filter replacement", 15, "Maintenance", SkillLevel.Apprentice),
        new("PM-SPK", "Spark plug replacement", 45, "Maintenance", SkillLevel.Technician),
        new("PM-FUEL", "Diesel fuel filter replacement", 40, "Maintenance", SkillLevel.Technician),
        new("BRK-FP", "Front brake pad replacement", 60, "Brakes", SkillLevel.Technician),
        new("BRK-DSC", "Front brake disc replacement", 90, "Brakes", SkillLevel.Senior),
        new("BRK-FLD", "Brake fluid replacement and bleeding", 40, "Brakes", SkillLevel.Technician),
        new("WHL-ALN", "Four-wheel alignment", 45, "Tyres and wheels", SkillLevel.Technician),
        new("WHL-BAL", "Wheel balancing, four wheels", 40, "Tyres and wheels", SkillLevel.Apprentice),
        new("WHL-ROT", "Tyre rotation", 20, "Tyres and wheels", SkillLevel.Apprentice),
        new("TYR-FIT", "Tyre fitment, per pair", 30, "Tyres and wheels", SkillLevel.Apprentice),
        new("AC-SVC", "AC leak test, evacuation and recharge", 75, "Air conditioning", SkillLevel.Senior),
        new("AC-CLN", "AC evaporator cleaning", 30, "Air conditioning", SkillLevel.Technician),
        new("BAT-RPL", "Battery test and replacement", 25, "Electrical", SkillLevel.Technician),
        new("DSG-OIL", "DSG / automatic transmission oil and filter change", 90, "Transmission", SkillLevel.Master),
        new("CLU-RPL", "Clutch replacement", 300, "Transmission", SkillLevel.Master),
        new("DIAG", "Diagnostic scan (ODIS) and fault finding", 45, "Diagnostics", SkillLevel.Senior),
        new("SW-UPD", "Control unit software update", 40, "Diagnostics", SkillLevel.Senior),
        new("SUS-LNK", "Front stabiliser link replacement", 45, "Suspension", SkillLevel.Technician),
        new("BLT-PV", "Poly-V belt replacement", 45, "Engine", SkillLevel.Technician),
        new("TBELT", "Timing belt kit replacement", 240, "Engine", SkillLevel.Master),
        new("COOL", "Coolant drain and refill", 45, "Engine", SkillLevel.Technician),
        new("WASH", "Exterior wash and interior vacuum", 30, "Valeting", SkillLevel.Apprentice),
        new("LAMP", "Headlamp bulb replacement and beam setting", 20, "Electrical", SkillLevel.Apprentice),
        new("WIPER", "Wiper blade replacement", 10, "Electrical", SkillLevel.Apprentice),
    ];

    private sealed record CannedInfo(string Code, string Name, string Category, ServiceVariantLabel Variant, string[] Labor,
        (string Category, bool Required)[] Parts, bool Core, string? Description = null, int? MaxMileage = null, int? MinAge = null);

    private static readonly CannedInfo[] CannedServices =
    [
        new("PMS-10", "Periodic maintenance service, 10,000 km", "Periodic maintenance", ServiceVariantLabel.Standard,
            ["PM-INSP", "PM-OIL"], [("Engine oil", true), ("Oil filters", true), ("Shop supplies", false)], true,
            "Oil and filter change with the 40-point inspection."),
        new("PMS-20", "Periodic maintenance service, 20,000 km", "Periodic maintenance", ServiceVariantLabel.Standard,
            ["PM-INSP", "PM-OIL", "PM-AIR", "PM-CAB"],
            [("Engine oil", true), ("Oil filters", true), ("Air filters", true), ("Cabin filters", true)], true,
            "The 10,000 km service plus air and cabin filters."),
        new("PMS-40", "Major service, 40,000 km", "Periodic maintenance", ServiceVariantLabel.Premium,
            ["PM-INSP", "PM-OIL", "PM-AIR", "PM-CAB", "PM-SPK", "BRK-FLD"],
            [("Engine oil", true), ("Oil filters", true), ("Air filters", true), ("Cabin filters", true), ("Spark plugs", true), ("Brake fluid", true)], true,
            "Full service: all filters, spark plugs and brake fluid."),
        new("EXP-OIL", "Express oil change", "Periodic maintenance", ServiceVariantLabel.Express,
            ["PM-OIL"], [("Engine oil", true), ("Oil filters", true)], true, "Done while you wait, within 45 minutes."),
        new("BRK-F", "Front brake pad replacement", "Brakes", ServiceVariantLabel.Standard,
            ["BRK-FP"], [("Brake pads", true), ("Shop supplies", false)], true),
        new("BRK-FD", "Front brake pads and discs replacement", "Brakes", ServiceVariantLabel.Premium,
            ["BRK-DSC", "BRK-FP"], [("Brake discs", true), ("Brake pads", true)], false),
        new("BRK-FL", "Brake fluid replacement", "Brakes", ServiceVariantLabel.Standard,
            ["BRK-FLD"], [("Brake fluid", true)], true, "Due every two years whatever the mileage."),
        new("ALN-BAL", "Wheel alignment and balancing", "Tyres and wheels", ServiceVariantLabel.Standard,
            ["WHL-ALN", "WHL-BAL"], [("Shop supplies", false)], true),
        new("AC-SVC", "AC service and gas top-up", "Air conditioning", ServiceVariantLabel.Standard,
            ["AC-SVC", "AC-CLN"], [("AC service", true)], true, "Recommended before summer."),
        new("BAT", "Battery replacement", "Electrical", ServiceVariantLabel.Standard,
            ["BAT-RPL"], [("Batteries", true)], true),
        new("DIAG", "Diagnosis of a warning light or drivability fault", "Diagnostics", ServiceVariantLabel.Standard,
            ["DIAG"], [], true),
        new("DSG", "DSG / automatic transmission service", "Transmission", ServiceVariantLabel.Premium,
            ["DSG-OIL"], [("Gearbox oil", true)], false, "Every 60,000 km on DSG and automatic gearboxes."),
        new("TYR", "Tyre replacement, pair, with alignment", "Tyres and wheels", ServiceVariantLabel.Standard,
            ["TYR-FIT", "WHL-BAL", "WHL-ALN"], [("Tyres", true)], false),
        new("CLU", "Clutch replacement", "Transmission", ServiceVariantLabel.Standard,
            ["CLU-RPL"], [("Clutch", true)], false, MinAge: 3),
        new("MON", "Monsoon check-up", "Inspection", ServiceVariantLabel.Express,
            ["WHL-ROT", "WIPER", "LAMP"], [("Wiper blades", true), ("Bulbs", false)], false,
            "Wipers, lights, tyres and brakes checked before the rains."),
        new("COOL", "Coolant replacement", "Engine", ServiceVariantLabel.Standard,
            ["COOL"], [("Coolant", true)], false),
        new("SUS", "Stabiliser link replacement", "Suspension", ServiceVariantLabel.Standard,
            ["SUS-LNK"], [("Suspension", true)], false),
        new("TB", "Timing belt replacement, TDI", "Engine", ServiceVariantLabel.Premium,
            ["TBELT", "BLT-PV"], [("Belts", true)], false, MaxMileage: 250000),
    ];

    /// <summary>Complaints that bring a car in between services, and the canned service that fixes each.</summary>
    private static readonly (string Complaint, string Service)[] RepairComplaints =
    [
        ("Squealing noise from the front wheels when braking", "BRK-F"),
        ("Brake pedal vibrates when stopping from speed", "BRK-FD"),
        ("AC is not cooling enough in traffic", "AC-SVC"),
        ("Car does not start in the morning, battery drains overnight", "BAT"),
        ("Steering pulls to the left, uneven tyre wear", "ALN-BAL"),
        ("Check-engine light on since yesterday", "DIAG"),
        ("Jerks at low speed in traffic, gearbox feels rough", "DSG"),
        ("Clutch slips on the ghat road, burning smell", "CLU"),
        ("Knocking noise from the front on bad roads", "SUS"),
        ("Front tyres worn out, puncture last week", "TYR"),
        ("Coolant level drops, sweet smell after driving", "COOL"),
    ];

    private static readonly (string Complaint, string Fix, string? PartCategory, string Labor)[] WarrantyComplaints =
    [
        ("Infotainment screen freezes and reboots while driving", "Infotainment software update under warranty", null, "SW-UPD"),
        ("Battery warning light; battery fails load test", "Battery replaced under warranty", "Batteries", "BAT-RPL"),
        ("Rattling from the front suspension over speed breakers", "Stabiliser links replaced under warranty", "Suspension", "SUS-LNK"),
        ("AC blows warm air intermittently", "AC system repaired under warranty", "AC service", "AC-SVC"),
        ("Gearbox shudders when pulling away", "Gearbox control unit update under warranty", null, "SW-UPD"),
    ];

    private static readonly string[] InspectionChecklist =
    [
        "Under the bonnet|Engine oil level and condition", "Under the bonnet|Coolant level", "Under the bonnet|Brake fluid level",
        "Under the bonnet|Battery terminals and charge", "Under the bonnet|Drive belt condition",
        "Under the vehicle|Exhaust system and mountings", "Under the vehicle|Drive shaft boots", "Under the vehicle|Suspension bushes and links",
        "Under the vehicle|Leaks: oil, coolant, fuel", "Brakes|Front brake pads", "Brakes|Rear brakes", "Brakes|Brake discs",
        "Lights and electrics|Headlamps, indicators and brake lights", "Lights and electrics|Wipers and washers",
        "Interior|AC cooling performance", "Interior|Seat belts and horn",
    ];

    private sealed record RuleInfo(string Code, string Name, string Description, ServiceRuleType Type, ServicePriority Priority,
        ServiceSeverity Severity, int? Km, int? Months, string ServiceType, string ServiceName, string Category, string[] DependsOn,
        string[] ConflictsWith, bool CanBundle, string[] VehicleTypes, string[] Conditions, decimal Severe);

    private static readonly RuleInfo[] Rules =
    [
        new("OIL-10K", "Engine oil and filter", "Engine oil and filter every 10,000 km or 12 months, whichever comes first.", ServiceRuleType.MileageOrTime,
            ServicePriority.High, ServiceSeverity.Major, 10000, 12, "Periodic maintenance", "Engine oil and filter replacement", "Engine",
            [], [], true, [], [], 0.75m),
        new("AIR-20K", "Air filter", "Replace the engine air filter every 20,000 km; sooner on dusty roads.", ServiceRuleType.Mileage,
            ServicePriority.Medium, ServiceSeverity.Minor, 20000, null, "Periodic maintenance", "Air filter replacement", "Engine",
            ["OIL-10K"], [], true, [], [], 0.5m),
        new("CABIN-15K", "Cabin filter", "Dust and pollen filter every 15,000 km or 12 months.", ServiceRuleType.MileageOrTime,
            ServicePriority.Low, ServiceSeverity.Info, 15000, 12, "Periodic maintenance", "Cabin filter replacement", "Comfort",
            [], [], true, [], [], 0.75m),
        new("BRAKE-FLUID-24M", "Brake fluid", "Brake fluid absorbs moisture: replace every 24 months regardless of mileage.", ServiceRuleType.Time,
            ServicePriority.High, ServiceSeverity.Major, null, 24, "Brakes", "Brake fluid replacement", "Brakes",
            [], [], true, [], [], 1m),
        new("SPARK-40K", "Spark plugs", "Petrol engines: spark plugs every 40,000 km or 4 years.", ServiceRuleType.MileageOrTime,
            ServicePriority.Medium, ServiceSeverity.Minor, 40000, 48, "Periodic maintenance", "Spark plug replacement", "Engine",
            ["OIL-10K"], [], true, ["Car", "Suv"], [], 1m),
        new("DSG-60K", "DSG / automatic gearbox oil", "Wet-clutch DSG and torque-converter automatics: oil and filter every 60,000 km.", ServiceRuleType.Mileage,
            ServicePriority.Medium, ServiceSeverity.Major, 60000, null, "Transmission", "DSG / automatic transmission service", "Transmission",
            [], [], false, [], [], 0.8m),
        new("ALIGN-10K", "Wheel alignment and balancing", "Check alignment and balance every 10,000 km, or after hitting a pothole hard.", ServiceRuleType.Mileage,
            ServicePriority.Low, ServiceSeverity.Info, 10000, null, "Tyres and wheels", "Wheel alignment and balancing", "Tyres and wheels",
            [], [], true, [], [], 0.75m),
        new("TYRE-ROT-10K", "Tyre rotation", "Rotate tyres every 10,000 km for even wear.", ServiceRuleType.Mileage,
            ServicePriority.Low, ServiceSeverity.Info, 10000, null, "Tyres and wheels", "Tyre rotation", "Tyres and wheels",
            [], ["ALIGN-10K"], true, [], [], 1m),
        new("COOLANT-5Y", "Coolant", "G13 coolant: first change at 5 years, then every 3 years.", ServiceRuleType.Time,
            ServicePriority.Medium, ServiceSeverity.Minor, null, 60, "Engine", "Coolant replacement", "Engine",
            [], [], true, [], [], 1m),
        new("TBELT-120K", "Timing belt (TDI)", "Diesel timing belt kit every 120,000 km or 5 years; failure destroys the engine.", ServiceRuleType.MileageOrTime,
            ServicePriority.Critical, ServiceSeverity.Critical, 120000, 60, "Engine", "Timing belt replacement, TDI", "Engine",
            [], [], false, [], [], 0.8m),
        new("AC-12M", "AC service", "AC leak test and recharge every 12 months, best before summer.", ServiceRuleType.Time,
            ServicePriority.Low, ServiceSeverity.Info, null, 12, "Air conditioning", "AC service and gas top-up", "Comfort",
            [], [], true, [], ["Normal", "Severe", "Mixed"], 1m),
        new("BRAKE-PAD-CHECK", "Brake pad wear", "Pads reported below 3 mm at an inspection are recommended for replacement.", ServiceRuleType.Condition,
            ServicePriority.High, ServiceSeverity.Major, null, null, "Brakes", "Front brake pad replacement", "Brakes",
            [], [], true, [], [], 1m),
    ];

    private static readonly (string Category, string Key, string Value, string Description)[] SettingsRows =
    [
        ("General", "CompanyName", "MotorTrace Aftersales Network", "Name printed on documents and shown in the header."),
        ("General", "DefaultCurrency", "INR", "ISO currency code of new dealers."),
        ("General", "DefaultTimeZone", "Asia/Kolkata", "IANA time zone of new dealers."),
        ("General", "SupportEmail", "aftersales-support@motortrace.test", "Where dealers write for help with MotorTrace."),
        ("Security", "SessionHours", "12", "How long a sign-in lasts without activity before it expires."),
        ("Security", "MaxFailedSignIns", "5", "Failed sign-ins in a row before an account is locked for 15 minutes."),
        ("Security", "PasswordMinLength", "10", "Shortest password a user may choose."),
        ("Finance", "DefaultTaxRatePercent", "18", "GST rate applied to new invoices unless a dealer sets its own."),
        ("Finance", "InvoicePrefix", "INV", "Invoice numbers read INV-{dealer code}-{number}."),
        ("Finance", "PaymentTermsDays", "7", "Days between an invoice's issue date and its due date."),
        ("Workshop", "ShopOpens", "08:00", "Default opening time of new dealers' workshops (local time)."),
        ("Workshop", "ShopCloses", "18:00", "Default closing time of new dealers' workshops (local time)."),
        ("Programmes", "PccApplicationWindow", "Q1", "Quarter in which dealers may apply to the Performance Center Programme."),
        ("Notifications", "EmailEnabled", "true", "Send notification emails in addition to the in-app bell."),
    ];
}
