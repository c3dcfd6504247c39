using Xunit.Abstractions;
using Xunit.Sdk;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>
/// A fact of a test class that runs on one database (its <see cref="IClassFixture{TFixture}"/> is a
/// <see cref="SqliteFactory"/> or <see cref="PostgresFactory"/>). The same test method, inherited by the
/// SQLite and the PostgreSQL class, is skipped in the PostgreSQL one when
/// <c>MOTORTRACE_TEST_POSTGRES</c> is not set. (An attribute alone cannot tell the two classes apart: the
/// discoverer looks at the class.)
/// </summary>
[XunitTestCaseDiscoverer("MotorTrace.Tests.Integration.Infrastructure.DatabaseFactDiscoverer", "MotorTrace.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="DatabaseFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("MotorTrace.Tests.Integration.Infrastructure.DatabaseTheoryDiscoverer", "MotorTrace.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public class DatabaseTheoryAttribute : TheoryAttribute;

public static class TestDatabases
{
    public static bool PostgresConfigured =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MotorTraceFactory.PostgresVariable));

    /// <summary>Why the tests of this class cannot run here, or null when they can.</summary>
    public static string? SkipReason(ITypeInfo testClass)
    {
        var usesPostgres = testClass.ToRuntimeType().GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)
            && typeof(PostgresFactory).IsAssignableFrom(i.GetGenericArguments()[0]));
        return usesPostgres && !PostgresConfigured ? $"{MotorTraceFactory.PostgresVariable} is not set" : null;
    }

    /// <summary>One skipped test case for the whole method (a theory's rows are not enumerated).</summary>
    internal static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason, null);
}

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        TestDatabases.SkipReason(testMethod.TestClass.Class) is { } reason
            ? [TestDatabases.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        TestDatabases.SkipReason(testMethod.TestClass.Class) is { } reason
            ? [TestDatabases.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        RowSkipReason(dataRow) is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);

    /// <summary>Why one data row cannot run in this build, or null when it can.</summary>
    protected virtual string? RowSkipReason(object[] dataRow) => null;
}
