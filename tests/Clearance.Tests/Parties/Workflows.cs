using Clearance.Licenses;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Tests.Orders;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clearance.Tests.Parties;

/// <summary>The workflows over one context, as one request's scope builds them in the service.</summary>
sealed class Workflows(ClearanceDbContext db, TimeProvider clock, ScreeningLists? lists = null)
{
    readonly ScreeningLists _lists = lists ?? SampleOrders.Lists;

    OrderPipeline Pipeline => ReferenceEquals(_lists, SampleOrders.Lists) ? SampleOrders.Pipeline : SampleOrders.PipelineOver(_lists);

    public AlertWorkflow Alerts => new(db, new AuditLog(db, clock), _lists, Pipeline, clock);

    public PartyWorkflow Parties => new(db, new AuditLog(db, clock), Alerts, Pipeline, clock);

    public OrderWorkflow Orders => new(db, new AuditLog(db, clock), Pipeline, Alerts, new LicenseWorkflow(db, new AuditLog(db, clock), Pipeline, clock), clock);

    public ScreeningPasses Passes => new(db, new AuditLog(db, clock), Alerts, _lists, clock, NullLogger<ScreeningPasses>.Instance);

    public ListVersions Lists => new(db, new AuditLog(db, clock), _lists, Alerts, Passes, Pipeline.Data, clock);
}
