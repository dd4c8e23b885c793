using Clearance.Alerts;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Users;

namespace Clearance.Tests;

/// <summary>The application's own enums, named by <see cref="WireNames"/> (tested with the rules' enums in
/// Clearance.Rules.Tests), give exactly the strings of the contracts (DESIGN.md) and of stored rows.</summary>
public sealed class StatusNamesTests
{
    [Fact]
    public void Order_and_alert_statuses_and_roles_have_their_contract_names()
    {
        Assert.Equal(["cleared", "exception", "license-required", "held", "released", "licensed"], WireNames.All<OrderStatus>());
        Assert.Equal(["open", "true-match", "false-positive", "superseded"], WireNames.All<AlertStatus>());
        Assert.Equal(
            [RoleNames.Viewer, RoleNames.Sales, RoleNames.ComplianceOfficer, RoleNames.Auditor, RoleNames.Admin],
            WireNames.All<Role>());
    }
}
