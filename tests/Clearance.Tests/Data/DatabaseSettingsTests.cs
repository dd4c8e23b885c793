using Clearance.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Clearance.Tests.Data;

public sealed class DatabaseSettingsTests
{
    static NpgsqlConnectionStringBuilder Configured(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresClearanceDbContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, connectionString).Configure(options);
        return new NpgsqlConnectionStringBuilder(options.Options.Extensions.OfType<RelationalOptionsExtension>().Single().ConnectionString);
    }

    [Fact]
    public void PostgreSQL_connections_prepare_their_frequent_statements_unless_told_otherwise()
    {
        Assert.Equal(32, Configured("Host=db;Database=clearance;Username=clearance").MaxAutoPrepare);
        Assert.Equal(0, Configured("Host=db;Database=clearance;Username=clearance;Max Auto Prepare=0").MaxAutoPrepare);
        Assert.Equal(5, Configured("Host=db;Database=clearance;Username=clearance;maxautoprepare=5").MaxAutoPrepare);
    }
}
