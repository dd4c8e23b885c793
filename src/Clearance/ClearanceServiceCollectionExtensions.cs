using Clearance.Catalog;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Licenses;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Screening;
using Clearance.Shipments;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clearance;

public static class ClearanceServiceCollectionExtensions
{
    /// <summary>The database chosen by <c>Database:Provider</c> (see <see cref="DatabaseSettings"/>) and the workflows over it.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <remarks>The contexts are configured from the <see cref="DatabaseSettings"/> registered when the provider is built, so
    /// a host that checkpoints SQLite itself replaces them with <see cref="DatabaseSettings.CheckpointInBackground"/> set.</remarks>
    public static IServiceCollection AddClearance(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.From(configuration);
        // Pooled: a request reuses a reset context instead of building one (and its services) per request.
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContextPool<ClearanceDbContext, SqliteClearanceDbContext>(ConfigureFromSettings),
            DatabaseProvider.Postgres => services.AddDbContextPool<ClearanceDbContext, PostgresClearanceDbContext>(ConfigureFromSettings),
        };
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        // Where the shipped data and the downloaded lists are (Data:Directory, Lists:Directory).
        services.TryAddSingleton(_ => ClearanceDataOptions.From(configuration));
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditExporter>();
        services.AddScoped<AuditReader>();
        services.AddScoped<UserWorkflow>();
        // Loading the lists and building the screening index takes seconds: once per process, on first use.
        // The indexed lists are cached between runs (ListCache); what the loader says (a cache that was unusable) is logged.
        services.TryAddSingleton(p => new ScreeningLists(() =>
        {
            var log = new StringWriter();
            var data = p.GetRequiredService<ClearanceData>();
            var snapshot = ListVersions.LoadShipped(data, data.Options.Lists.CacheDirectory, log);
            var logger = p.GetService<ILoggerFactory>()?.CreateLogger<ScreeningLists>() ?? NullLogger<ScreeningLists>.Instance;
            foreach (var line in log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Log.ListLoading(logger, line);
            }

            return snapshot;
        }));
        // The regulation and catalog, loaded once; the host resolves it at start-up so a malformed rules file stops it.
        services.TryAddSingleton(p => ClearanceData.Load(p.GetRequiredService<ClearanceDataOptions>()));
        var maxListAge = configuration["Lists:MaxAgeDays"] is not { } days ? ListFreshness.DefaultMaxAgeDays
            : int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new InvalidOperationException($"configuration Lists:MaxAgeDays: '{days}' is not a whole number of days");
        services.TryAddSingleton(p => new OrderPipeline(
            p.GetRequiredService<ClearanceData>(),
            new CurrentListScreener(p.GetRequiredService<ScreeningLists>(), ScreeningDefaults.Threshold),
            maxListAge));
        services.AddSingleton<OrderCommitter>();
        services.AddSingleton<ShipmentCommitter>();
        services.AddSingleton<CatalogMap>();
        services.AddScoped<OrderWorkflow>();
        services.AddScoped<LicenseWorkflow>();
        services.AddScoped<LicenseApplicationWorkflow>();
        services.AddScoped<ShipmentWorkflow>();
        services.AddScoped<ChinaApprovalWorkflow>();
        services.AddScoped<ObligationWorkflow>();
        services.AddScoped<AlertWorkflow>();
        services.AddScoped<PartyWorkflow>();
        services.AddScoped<ScreeningPasses>();
        services.AddScoped<ListVersions>();
        // Where list updates download from (Lists:UpdateSources); read on first use, so a bad URL fails the update, not the start.
        services.TryAddSingleton(_ => ListUpdateOptions.From(configuration));
        services.AddScoped<ListUpdateWorkflow>();
        return services;
    }

    static void ConfigureFromSettings(IServiceProvider services, DbContextOptionsBuilder options) =>
        services.GetRequiredService<DatabaseSettings>().Configure(options);
}
