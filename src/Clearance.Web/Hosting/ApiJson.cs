using System.Text.Json;
using System.Text.Json.Serialization;
using Clearance.Rules;
using Clearance.Web.Alerts;
using Clearance.Web.Audit;
using Clearance.Web.Licenses;
using Clearance.Web.Lists;
using Clearance.Web.Orders;
using Clearance.Web.Parties;
using Clearance.Web.Shipments;
using Clearance.Web.Users;
using Clearance.Web.WhatIf;

namespace Clearance.Web.Hosting;

/// <summary>The API's request and response records, serialized by generated code with the web defaults (camelCase)
/// and one enum naming (<see cref="WireNames"/>). Types not listed fall back to reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(List<OrderView>))]
[JsonSerializable(typeof(OrdersApi.ReleaseRequest))]
[JsonSerializable(typeof(AlertView))]
[JsonSerializable(typeof(List<AlertView>))]
[JsonSerializable(typeof(AlertsApi.DispositionRequest))]
[JsonSerializable(typeof(PartiesApi.PartyRequest))]
[JsonSerializable(typeof(PartiesApi.PartyResponse))]
[JsonSerializable(typeof(List<PartiesApi.PartyResponse>))]
[JsonSerializable(typeof(ListVersionView))]
[JsonSerializable(typeof(List<ListVersionView>))]
[JsonSerializable(typeof(ListUnchangedView))]
[JsonSerializable(typeof(CurrentListsView))]
[JsonSerializable(typeof(LicensesApi.LicenseView))]
[JsonSerializable(typeof(IReadOnlyList<LicensesApi.LicenseView>))]
[JsonSerializable(typeof(LicensesApi.AmendRequest))]
[JsonSerializable(typeof(LicensesApi.RevokeRequest))]
[JsonSerializable(typeof(Clearance.Licenses.LicenseWatch))]
[JsonSerializable(typeof(LicenseApplicationsApi.ApplicationView))]
[JsonSerializable(typeof(IReadOnlyList<LicenseApplicationsApi.ApplicationView>))]
[JsonSerializable(typeof(LicenseApplicationsApi.WithdrawRequest))]
[JsonSerializable(typeof(ShipmentsApi.ShipmentView))]
[JsonSerializable(typeof(ShipmentsApi.ChinaApprovalView))]
[JsonSerializable(typeof(IReadOnlyList<ShipmentsApi.ChinaApprovalView>))]
[JsonSerializable(typeof(IReadOnlyList<ShipmentsApi.ObligationView>))]
[JsonSerializable(typeof(ShipmentsApi.StatementView))]
[JsonSerializable(typeof(ShipmentsApi.PaymentView))]
[JsonSerializable(typeof(AuditApi.AuditVerifyResponse))]
[JsonSerializable(typeof(AuditApi.AuditExportLine))]
[JsonSerializable(typeof(UsersApi.UserView))]
[JsonSerializable(typeof(UsersApi.ApiKeyView))]
[JsonSerializable(typeof(UsersApi.RevokedApiKeysView))]
[JsonSerializable(typeof(UsersApi.CreateUserRequest))]
[JsonSerializable(typeof(UsersApi.ChangeRoleRequest))]
[JsonSerializable(typeof(UsersApi.ResetPasswordRequest))]
[JsonSerializable(typeof(UsersApi.IssueApiKeyRequest))]
[JsonSerializable(typeof(SessionApi.SignInRequest))]
[JsonSerializable(typeof(SessionApi.SessionView))]
[JsonSerializable(typeof(SessionApi.ChangePasswordRequest))]
[JsonSerializable(typeof(WhatIfApi.WhatIfRequest))]
[JsonSerializable(typeof(WhatIfApi.WhatIfInput))]
[JsonSerializable(typeof(OrderBody))]
[JsonSerializable(typeof(Clearance.WhatIf.WhatIfReport))]
public sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>The service's JSON options with the generated contracts first and the one enum converter.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolverChain.Insert(0, Default);
        options.Converters.Add(WireNames.Converter);
    }
}
