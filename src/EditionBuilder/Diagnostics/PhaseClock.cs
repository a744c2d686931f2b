using System.Diagnostics;

namespace EditionBuilder.Diagnostics;

/// <summary>
/// Where a build's wall time goes, for measuring (docs/performance.md): with <c>EDITION_TIMES=1</c> in the environment each
/// <see cref="Mark"/> writes the time since the last one to standard error (<c>time    content walk 212 ms</c>); otherwise it does nothing.
/// </summary>
public static class PhaseClock
{
    /// <summary>Whether phases are timed (EDITION_TIMES=1).</summary>
    public static readonly bool On = Environment.GetEnvironmentVariable("EDITION_TIMES") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    // The first mark counts from the process's start: the runtime's own start-up is a phase too.
    private static long _allocated;
    private static long _last = On ? -(long)((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds * Stopwatch.Frequency) : 0;

    /// <summary>Ends a phase: writes its name and the milliseconds since the last mark (or since the process began the build).</summary>
    public static void Mark(string phase)
    {
        if (!On) return;
        var now = Clock.ElapsedTicks;
        var ms = (now - Interlocked.Exchange(ref _last, now)) * 1000.0 / Stopwatch.Frequency;
        var allocated = GC.GetTotalAllocatedBytes();
        var mib = (allocated - Interlocked.Exchange(ref _allocated, allocated)) / (1024.0 * 1024);
        Console.Error.WriteLine($"time    {phase} {ms:F1} ms, {mib:F1} MiB allocated");
    }

    /// <summary>Ends the last phase and writes what the garbage collector did over the whole run: collections per generation, time paused, bytes allocated.</summary>
    public static void Finish(string phase)
    {
        if (!On) return;
        Mark(phase);
        Console.Error.WriteLine($"time    gc: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen0/1/2), "
            + $"{GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated");
    }
}
