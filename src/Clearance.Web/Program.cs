using Clearance;
using Clearance.Web.Alerts;
using Clearance.Web.Audit;
using Clearance.Web.Hosting;
using Clearance.Web.Lists;
using Clearance.Web.Orders;
using Clearance.Web.Parties;
using Clearance.Web.Users;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClearance(builder.Configuration);
builder.Services.AddClearanceWeb();

var app = builder.Build();
await app.InitializeClearanceAsync();
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
app.Run();
