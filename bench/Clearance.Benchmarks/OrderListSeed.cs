using System.Globalization;
using Clearance.Data;
using Clearance.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clearance.Benchmarks.Screening.RescreenFigures;

namespace Clearance.Benchmarks;

/// <summary>
/// <c>seed-orders sqlite|postgres CONNECTION [COUNT]</c>: writes COUNT (default 10,000) orders straight into the orders
/// table of a migrated database, for timing the order list page (<c>bench/load/order-list.sh</c>): five statuses, eight
/// destinations, seven submitters, 400 order dates and references that are a permutation of the ids, so every sort
/// and filter of the page has work to do. The orders carry no decision trace: the list does not read it.
/// </summary>
static class OrderListSeed
{
    static readonly string[] Destinations = ["CN", "US", "AE", "DE", "SG", "MY", "JP", "IN"];

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("seed-orders sqlite|postgres CONNECTION [COUNT]");
            return 2;
        }

        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        return RunAsync(args[0], args[1], count).GetAwaiter().GetResult();
    }

    static async Task<int> RunAsync(string provider, string connection, int count)
    {
        var configuration = new SettingsOnly(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Clearance"] = connection,
        });
        await using var services = new ServiceCollection().AddLogging().AddClearance(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClearanceDbContext>();
        await ClearanceDatabase.MigrateAsync(db, CancellationToken.None);
        var at = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var status = (OrderStatus)(i % 5);
            db.Orders.Add(new Order
            {
                IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"seed-{i}"),
                SubmittedBy = string.Create(CultureInfo.InvariantCulture, $"sales-{i % 7}"),
                SubmittedAt = at.AddMinutes(i),
                Reference = string.Create(CultureInfo.InvariantCulture, $"SO-{(i * 7919) % count:D5}"),
                OrderDate = new DateOnly(2025, 1, 1).AddDays(i % 400),
                Destination = Destinations[i % Destinations.Length],
                OrderJson = "{}",
                DecisionJson = "{}",
                Verdict = status == OrderStatus.Held ? "hold" : "cleared",
                Status = status,
                VintageId = "2025-01-13",
                UpdatedAt = at.AddMinutes(i),
            });
        }

        await db.SaveChangesAsync();
        var total = await db.Orders.CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count} orders; the table holds {total}"));
        return 0;
    }
}
