using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Clearance.Tests.Databases;

/// <summary>
/// xunit's own test framework, except where no PostgreSQL server can be had (<see cref="PostgresServer.Unavailable"/>):
/// then every test of a class whose database is <see cref="PostgresDatabase"/> is reported skipped with the reason, which
/// the run states once, instead of each of them failing on the same missing server. Test projects with PostgreSQL tests
/// name it in their <c>Xunit.TestFramework</c> assembly attribute.
/// </summary>
public sealed class PostgresLegTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    /// <summary>Whether the test runs on PostgreSQL: its class derives from a generic test class over <see cref="PostgresDatabase"/>.</summary>
    static bool OnPostgres(ITestCase test)
    {
        for (var type = test.TestMethod.TestClass.Class.ToRuntimeType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments().Contains(typeof(PostgresDatabase)))
            {
                return true;
            }
        }

        return false;
    }

    sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            if (PostgresServer.Unavailable is { } reason)
            {
                var cases = testCases.ToList();
                var skipped = cases.Count(OnPostgres);
                if (skipped > 0)
                {
                    testCases = [.. cases.Select(test => OnPostgres(test) ? new SkippedTestCase(test, reason) : test)];
                    DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"{skipped} PostgreSQL tests skipped. {reason}"));
                }
            }

            base.RunTestCases(testCases, executionMessageSink, executionOptions);
        }
    }

    /// <summary>A test case reported as skipped with <paramref name="reason"/>, known to the runner by the original's identity.</summary>
    sealed class SkippedTestCase(IXunitTestCase test, string reason) : IXunitTestCase
    {
        public string DisplayName => test.DisplayName;

        public string SkipReason => reason;

        public ISourceInformation SourceInformation { get => test.SourceInformation; set => test.SourceInformation = value; }

        public ITestMethod TestMethod => test.TestMethod;

        public object[] TestMethodArguments => test.TestMethodArguments;

        public Dictionary<string, List<string>> Traits => test.Traits;

        public string UniqueID => test.UniqueID;

        public Exception? InitializationException => test.InitializationException;

        public IMethodInfo Method => test.Method;

        public int Timeout => test.Timeout;

        public Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
            ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
            new XunitTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, TestMethodArguments, messageBus, aggregator,
                cancellationTokenSource).RunAsync();

        public void Deserialize(IXunitSerializationInfo info) => test.Deserialize(info);

        public void Serialize(IXunitSerializationInfo info) => test.Serialize(info);
    }
}
