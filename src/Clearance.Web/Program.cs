using Clearance;
using Clearance.Web.Alerts;
using Clearance.Web.Audit;
using Clearance.Web.Hosting;
using Clearance.Web.Licenses;
using Clearance.Web.Lists;
using Clearance.Web.Orders;
using Clearance.Web.Parties;
using Clearance.Web.Shipments;
using Clearance.Web.Users;
using Clearance.Web.WhatIf;
using Scalar.AspNetCore;

// Started from another folder (a service manager, a script) without --contentRoot, the working directory holds no
// appsettings.json and the host would run without its log levels: the settings shipped next to the binary apply then.
var given = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddEnvironmentVariables("DOTNET_").AddCommandLine(args).Build();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = given[HostDefaults.ContentRootKey] is null && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
        ? AppContext.BaseDirectory
        : null,
});
builder.Services.AddClearance(builder.Configuration);
builder.Services.AddSqliteCheckpointer();
builder.Services.AddClearanceWeb(builder.Configuration);

var app = builder.Build();
if (!await app.InitializeClearanceAsync())
{
    // The console logger writes from a queue of its own: disposing the host flushes it, so the refusal is printed
    // before the process ends (returning at once could end it with the message still queued).
    await app.DisposeAsync();
    return 2;
}

app.UseClearanceWeb();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapSession();
app.MapUsers();
app.MapAudit();
app.MapOrders();
app.MapParties();
app.MapAlerts();
app.MapLists();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapWhatIf();
app.MapLicenses();
app.MapLicenseApplications();
app.MapShipments();
app.Run();
return 0;
