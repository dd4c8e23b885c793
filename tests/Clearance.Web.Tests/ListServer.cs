using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clearance.Web.Tests;

/// <summary>A local HTTP server on 127.0.0.1 serving a Consolidated Screening List CSV of <c>rows</c> Entity List
/// entries, standing in for trade.gov (nothing here reaches the internet).</summary>
public sealed class ListServer : IAsyncDisposable
{
    const string Header = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    readonly HttpListener _listener = new();
    readonly byte[] _body;
    readonly Task _serving;

    public ListServer(int rows)
        : this(Csl([], rows))
    {
    }

    /// <summary>Serves <paramref name="body"/> as the CSL.</summary>
    public ListServer(byte[] body)
    {
        _body = body;
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        Url = FormattableString.Invariant($"http://127.0.0.1:{port}/consolidated.csv");
        _listener.Prefixes.Add(FormattableString.Invariant($"http://127.0.0.1:{port}/"));
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>A CSL CSV carrying <paramref name="entries"/> (list, name, aliases) and then <paramref name="extra"/> new Entity List entries.</summary>
    public static byte[] Csl(IEnumerable<Screening.ListEntry> entries, int extra)
    {
        static string Cell(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var text = new StringBuilder(Header).Append('\n');
        var id = 0;
        foreach (var entry in entries)
        {
            text.Append(FormattableString.Invariant($"e{id++},{Cell(entry.List)},,,,{Cell(entry.Name)},,,,,,,,,,,,,,,,,{Cell(string.Join("; ", entry.Aliases))},,,,,,\n"));
        }

        for (var i = 0; i < extra; i++)
        {
            text.Append(FormattableString.Invariant($"id{i},Entity List (EL) - Bureau of Industry and Security,,,,Company Number {i} Trading,,,,,,,,,,,,,,,,,,,,,,,\n"));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            context.Response.ContentLength64 = _body.Length;
            await context.Response.OutputStream.WriteAsync(_body);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
