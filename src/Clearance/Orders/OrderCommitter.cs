using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Licenses;
using Microsoft.Extensions.DependencyInjection;

namespace Clearance.Orders;

/// <summary>
/// Group commit for submitted orders (<see cref="GroupCommitter{TItem, TResult}"/>): the orders queued while the
/// previous transaction ran are stored, each with its audit event, in one transaction under the audit chain's lock
/// (<see cref="OrderWorkflow.StoreAsync"/>). A retry whose order is already stored finds it there.
/// </summary>
public sealed class OrderCommitter(IServiceScopeFactory scopes) : GroupCommitter<Func<NewOrder>, OrderSubmission>(scopes)
{
    protected override Task<IReadOnlyList<OrderSubmission>> StoreAsync(IServiceProvider services, IReadOnlyList<Func<NewOrder>> batch) =>
        OrderWorkflow.StoreAsync(services.GetRequiredService<ClearanceDbContext>(), services.GetRequiredService<AuditLog>(),
            services.GetRequiredService<AlertWorkflow>(), services.GetRequiredService<LicenseWorkflow>(), [.. batch.Select(create => create())],
            CancellationToken.None);
}
