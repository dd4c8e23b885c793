using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Clearance.Orders;
using Clearance.Tests.Databases;
using Clearance.Users;

namespace Clearance.Web.Tests;

/// <summary>The service reads its reference data from <c>Data:Directory</c>: the country spellings too, for the lists.</summary>
public sealed class DataDirectoryTests
{
    [Fact]
    public async Task The_configured_data_folder_s_country_spellings_are_the_ones_its_lists_are_read_with()
    {
        using var data = new DataFolder();
        data.Edit(CountryCodes.AliasesFile, "\"aliases\": [", "\"aliases\": [ { \"name\": \"OCEANIA\", \"alpha2\": \"NZ\" },");
        data.WriteSmallLists(("OCEANIA TRADING LIMITED", "Oceania"));
        using var lists = new TempFolder();
        await using var app = await ClearanceApp.CreateAsync<SqliteDatabase>();
        app.Settings["Data:Directory"] = data.Path;
        app.Settings["Lists:Directory"] = lists.Path;
        var sales = await app.ClientForAsync(Role.Sales);

        var created = await Responses.JsonAsync(
            await sales.PostAsJsonAsync("/api/parties", new { name = "Oceania Trading Limited", country = "NZ" }), HttpStatusCode.Created);

        // The shipped spellings have no "Oceania": the entry would carry no country, and the explanation would not name one.
        var alert = Assert.Single(created.GetProperty("raised").EnumerateArray());
        Assert.Contains("country NZ listed", alert.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_service_refuses_to_start_on_a_bad_or_missing_country_file_naming_it_without_a_stack_trace(bool missing)
    {
        using var data = new DataFolder();
        using var work = new TempFolder();
        string expected;
        if (missing)
        {
            expected = Path.Combine(data.Path, CountryCodes.AliasesFile);
            File.Delete(expected);
        }
        else
        {
            var file = data.Edit(CountryCodes.AliasesFile, "\"alpha2\": \"BS\"", "\"alpha2\": \"ZZ\"");
            expected = $"{file}: $.aliases[0].alpha2: 'ZZ' is not an ISO 3166-1 alpha-2 code";
        }

        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Clearance.Web.dll"),
            "--urls", "http://127.0.0.1:0",
            "--Database:Provider", "sqlite",
            "--ConnectionStrings:Clearance", $"Data Source={Path.Combine(work.Path, "clearance.db")}",
            "--Data:Directory", data.Path,
            "--Lists:Directory", work.Path,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Only a bound on a server that wrongly started: a refusal ends in a few seconds.
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        var text = await output + await error;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Refusing to start: the reference data cannot be loaded", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
