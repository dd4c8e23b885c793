using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clearance.Tests;

/// <summary>A local HTTP server on 127.0.0.1 standing in for trade.gov (nothing here reaches the internet): by default it
/// serves one Consolidated Screening List CSV at every path; given routes, each path answers as its handler says and any
/// other path with 503.</summary>
public sealed class ListServer : IAsyncDisposable
{
    /// <summary>The CSL's CSV header as trade.gov writes it.</summary>
    public const string CslHeader = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    readonly HttpListener _listener;
    readonly Func<string, HttpListenerResponse, Task> _answer;
    readonly Task _serving;

    /// <summary>Serves a CSL of <paramref name="rows"/> Entity List entries.</summary>
    public ListServer(int rows)
        : this(Csl([], rows))
    {
    }

    /// <summary>Serves <paramref name="body"/> as the CSL.</summary>
    public ListServer(byte[] body)
        : this((_, response) => SendAsync(response, body))
    {
    }

    /// <summary>Serves each path of <paramref name="routes"/> (such as <c>/good.csv</c>) with its handler, others with 503.</summary>
    public ListServer(IReadOnlyDictionary<string, Func<HttpListenerResponse, Task>> routes)
        : this((path, response) => routes.TryGetValue(path, out var handler) ? handler(response) : Unavailable(response))
    {
    }

    ListServer(Func<string, HttpListenerResponse, Task> answer)
    {
        _answer = answer;
        (_listener, Prefix) = Listen();
        Url = Prefix + "consolidated.csv";
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, ending in '/'.</summary>
    public string Prefix { get; }

    /// <summary>The CSL's address on the default server.</summary>
    public string Url { get; }

    /// <summary>A CSL CSV carrying <paramref name="entries"/> (list, name, aliases) and then <paramref name="extra"/> new Entity List entries.</summary>
    public static byte[] Csl(IEnumerable<Screening.ListEntry> entries, int extra)
    {
        static string Cell(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var text = new StringBuilder(CslHeader).Append('\n');
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

    /// <summary>Sends <paramref name="body"/> whole, announcing its length.</summary>
    public static async Task SendAsync(HttpListenerResponse response, ReadOnlyMemory<byte> body)
    {
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    static Task Unavailable(HttpListenerResponse response)
    {
        response.StatusCode = 503;
        response.Close();
        return Task.CompletedTask;
    }

    /// <summary>HttpListener cannot bind port 0, so a free port is asked of the system and taken; should another process
    /// take it first, the next one is tried.</summary>
    static (HttpListener Listener, string Prefix) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            var port = ((IPEndPoint)socket.LocalEndpoint).Port;
            socket.Stop();
            var prefix = FormattableString.Invariant($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, prefix);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
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

            await _answer(context.Request.Url!.AbsolutePath, context.Response);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
