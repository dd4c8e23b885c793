using Clearance.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Clearance.Shipments;

/// <summary>Group commit for shipments (<see cref="GroupCommitter{TItem, TResult}"/>): the shipments queued while the
/// previous transaction ran are stored one after the other in one transaction (<see cref="ShipmentWorkflow.StoreAsync"/>),
/// so concurrent shipments against one license line share a commit instead of each waiting for its own.</summary>
public sealed class ShipmentCommitter(IServiceScopeFactory scopes) : GroupCommitter<PreparedShipment, ShipmentOutcome>(scopes)
{
    protected override Task<IReadOnlyList<ShipmentOutcome>> StoreAsync(IServiceProvider services, IReadOnlyList<PreparedShipment> batch) =>
        services.GetRequiredService<ShipmentWorkflow>().StoreAsync(batch, CancellationToken.None);
}
