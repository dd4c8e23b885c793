using Clearance.Audit;
using Clearance.Data;
using Clearance.Orders;
using Clearance.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clearance;

public static class ClearanceServiceCollectionExtensions
{
    /// <summary>The database chosen by <c>Database:Provider</c> (see <see cref="DatabaseSettings"/>) and the workflows over it.</summary>
    public static IServiceCollection AddClearance(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.From(configuration);
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<ClearanceDbContext, SqliteClearanceDbContext>(database.Configure),
            DatabaseProvider.Postgres => services.AddDbContext<ClearanceDbContext, PostgresClearanceDbContext>(database.Configure),
        };
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditExporter>();
        services.AddScoped<UserWorkflow>();
        // Loading the lists and building the screening index takes seconds: once per process, on first use.
        services.TryAddSingleton(_ => OrderPipeline.LoadShipped(ClearanceData.DefaultDirectory));
        services.AddSingleton<OrderCommitter>();
        services.AddScoped<OrderWorkflow>();
        return services;
    }
}
