using Clearance.Data;

namespace Clearance.Tests.Databases;

/// <summary>An empty, migrated database of one provider, made for one test and removed after it.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    DatabaseSettings Settings { get; }

    Task InitializeAsync();
}
