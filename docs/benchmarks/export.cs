// The list export's writer on 100,000 rows × 10 columns (issue 11's goal: under 2 s and under 100 MB above idle).
// Run from the repository root:  dotnet run docs/benchmarks/export.cs [rows] [output.xlsx]
// Prints the time of each of five runs into a null stream, the process's peak working set, and writes one file to open.
#:project ../../MotorTrace.Web/MotorTrace.Web.csproj
#:property PublishAot=false
using System.Diagnostics;
using MotorTrace.Web.Services.Export;

var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var file = args.Length > 1 ? args[1] : "/tmp/export-benchmark.xlsx";
var start = new DateTime(2026, 1, 1, 8, 0, 0);
var rows = Enumerable.Range(1, count).Select(i => new Row($"WO-D001-{i:000000}", $"Customer {i % 5000} Sharma", $"MH12 AB {i % 10000:0000}",
    i % 7 == 0 ? "Completed" : "In progress", "Asha Verma", start.AddMinutes(i * 17), DateOnly.FromDateTime(start.AddDays(i % 400)),
    i % 9, 1000m + i % 997 * 13.37m, i % 3 == 0 ? "Warranty" : "Customer"));
IReadOnlyList<ExportColumn<Row>> columns =
[
    new("Number", r => r.Number), new("Customer", r => r.Customer), new("Plate", r => r.Plate), new("Status", r => r.Status),
    new("Advisor", r => r.Advisor), new("Opened", r => r.Opened, ExportFormat.DateTime), new("Promised", r => r.Promised, ExportFormat.Date),
    new("Lines", r => r.Lines, ExportFormat.Integer), new("Total", r => r.Total, ExportFormat.Money), new("Payer", r => r.Payer),
];
var heading = new ExportHeading("Benchmark", start, "Asia/Kolkata", "benchmark", [("Rows", count.ToString("N0"))]);

GC.Collect();
var idle = Process.GetCurrentProcess().WorkingSet64;
for (var run = 1; run <= 5; run++)
{
    var watch = Stopwatch.StartNew();
    await GridExport.WriteAsync(Stream.Null, heading, columns, rows.ToAsyncEnumerable());
    Console.WriteLine($"run {run}: {count:N0} rows in {watch.Elapsed.TotalMilliseconds:N0} ms");
}
var process = Process.GetCurrentProcess();
Console.WriteLine($"working set: idle {idle / 1048576} MB, peak {process.PeakWorkingSet64 / 1048576} MB ({(process.PeakWorkingSet64 - idle) / 1048576} MB above idle)");
await using (var output = File.Create(file)) await GridExport.WriteAsync(output, heading, columns, rows.ToAsyncEnumerable());
Console.WriteLine($"wrote {file}: {new FileInfo(file).Length / 1024:N0} KB");

record Row(string Number, string Customer, string Plate, string Status, string Advisor, DateTime Opened, DateOnly Promised, int Lines, decimal Total, string Payer);
