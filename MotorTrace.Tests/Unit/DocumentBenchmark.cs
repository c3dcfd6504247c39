using System.Diagnostics;
using MotorTrace.Web.Services.Documents;
using Xunit.Abstractions;

namespace MotorTrace.Tests.Unit;

/// <summary>
/// How long an invoice PDF takes to render, warm: the median of 100 renders of a one-page invoice and of a 200-line one.
/// A measurement, not a test: it runs only with MOTORTRACE_BENCHMARK=1 (scripts/measure-pdf.sh), in Release.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class DocumentBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Invoice_pdf_render_time_warm()
    {
        foreach (var (name, invoice) in new[] { ("one-page invoice (3 lines)", DocumentRenderingTests.Invoice()), ("200-line invoice", DocumentRenderingTests.Invoice(lines: 200)) })
        {
            for (var i = 0; i < 10; i++) InvoiceDocument.Render(invoice); // warm-up: JIT, fonts, glyph tables
            var times = new List<double>();
            var cpu = new List<double>();
            var size = 0;
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < 100; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                size = InvoiceDocument.Render(invoice).Length;
                times.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
            times.Sort();
            cpu.Sort();
            // CPU time next to wall time: on a shared, loaded machine the wall clock also counts waiting for a core.
            output.WriteLine($"{name}: median {times[50]:0.0} ms, p90 {times[90]:0.0} ms, min {times[0]:0.0} ms wall; median {cpu[50]:0.0} ms CPU; "
                + $"over 100 renders; {size / 1024.0:0} KB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
    }
}

/// <summary>A fact that runs only when MOTORTRACE_BENCHMARK=1.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MOTORTRACE_BENCHMARK") != "1") Skip = "A measurement: run scripts/measure-pdf.sh (MOTORTRACE_BENCHMARK=1).";
    }
}
