using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Clearance;

/// <summary>
/// Runs a re-screening pass's computation on threads of their own at a lower CPU priority than the rest of the process,
/// so that the service's requests (an order's screening and commit) get a core as soon as they need one and the pass
/// takes what is left: with both cores screening at normal priority, orders waited their turn behind the pass
/// (bench/README.md, "A million parties"). On Linux, where the scheduler does not use a thread's
/// <see cref="Thread.Priority"/>, each thread raises its own nice value (<c>setpriority(2)</c> applies to the calling
/// thread there).
/// </summary>
/// <remarks>
/// A thread inherits the nice value of the thread that creates it, and a nice value cannot be lowered again without
/// privileges, so the background threads never hand anything to the thread pool (which may create a thread to run it):
/// what awaits their result is resumed by a completing thread at normal priority.
/// </remarks>
public sealed class BackgroundScheduler : TaskScheduler
{
    /// <summary>The nice value of the threads on Linux: a thread at 10 weighs about a tenth of one at 0 when both want
    /// the core, and has the core to itself when nothing else wants it.</summary>
    public const int Nice = 10;

    [ThreadStatic]
    static bool _onWorker;

    readonly BlockingCollection<Action> _work = [];
    readonly BlockingCollection<Action> _completions = [];

    BackgroundScheduler(int threads)
    {
        for (var i = 0; i < threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = "Clearance background screening", Priority = ThreadPriority.BelowNormal }.Start();
        }

        new Thread(() => Drain(_completions)) { IsBackground = true, Name = "Clearance background completions" }.Start();
    }

    /// <summary>One thread per core, shared by every pass of the process.</summary>
    public static BackgroundScheduler Shared { get; } = new(Environment.ProcessorCount);

    /// <summary>Whether the threads' nice value was raised (Linux only; false elsewhere or when refused).</summary>
    public static bool Niced { get; private set; }

    public override int MaximumConcurrencyLevel => Environment.ProcessorCount;

    /// <summary>Runs <paramref name="work"/> on a background thread (a <see cref="Parallel"/> loop in it keeps its work on
    /// the background threads when given <see cref="Options"/>); what awaits the result goes on at normal priority.</summary>
    public static Task<T> Run<T>(Func<T> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = new Task<T>(() =>
        {
            ct.ThrowIfCancellationRequested();
            return work();
        });
        // Runs on the background thread that finished the work, and hands the result to the completing thread.
        task.ContinueWith(t => Shared._completions.Add(() => Complete(done, t, ct), CancellationToken.None), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, Shared);
        task.Start(Shared);
        return done.Task;
    }

    static void Complete<T>(TaskCompletionSource<T> done, Task<T> task, CancellationToken ct)
    {
        if (task.IsCompletedSuccessfully)
        {
            done.SetResult(task.Result);
        }
        else if (task.Exception?.InnerException is OperationCanceledException && ct.IsCancellationRequested)
        {
            done.SetCanceled(ct);
        }
        else
        {
            done.SetException(task.Exception!.InnerExceptions);
        }
    }

    /// <summary>Options for a parallel loop whose work stays on the background threads.</summary>
    public static ParallelOptions Options(CancellationToken ct) => new() { CancellationToken = ct, TaskScheduler = Shared };

    void Work()
    {
        _onWorker = true;
        if (OperatingSystem.IsLinux())
        {
            // PRIO_PROCESS (0) with who 0: on Linux, the calling thread only.
            Niced = SetPriority(0, 0, Nice) == 0;
        }

        Drain(_work);
    }

    static void Drain(BlockingCollection<Action> queue)
    {
        foreach (var action in queue.GetConsumingEnumerable())
        {
            action();
        }
    }

    protected override void QueueTask(Task task) => _work.Add(() => TryExecuteTask(task));

    // Only the background threads run this scheduler's tasks inline: a caller at normal priority does not.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => _onWorker && TryExecuteTask(task);

    // The queue holds actions, not tasks: a debugger is shown none.
    protected override IEnumerable<Task> GetScheduledTasks() => [];

    // Blittable arguments only: nothing to marshal.
    [DllImport("libc", EntryPoint = "setpriority")]
    static extern int SetPriority(int which, int who, int priority);
}
