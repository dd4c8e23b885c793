using Clearance.Peers;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return await PeersRun.RunAsync(PeersOptions.Parse(args), cancellation.Token);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"usage: Clearance.Peers --repo DIR --postgres CONNSTRING --cli Clearance.Cli.dll --out results.md [--negatives N] [--tuning-negatives N] [--workers N] [--latency-every N] [--top K]: {e.Message}");
    return 2;
}
