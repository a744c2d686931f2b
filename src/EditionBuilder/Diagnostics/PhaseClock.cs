using System.Diagnostics;

namespace EditionBuilder.Diagnostics;

/// <summary>
/// Where a build's wall time goes, for measuring (docs/performance.md): with <c>EDITION_TIMES=1</c> in the environment each
/// <see cref="Mark"/> writes the time since the last one to standard error (<c>time    content walk 212 ms</c>); otherwise it does nothing.
/// </summary>
public static class PhaseClock
{
    private static readonly bool On = Environment.GetEnvironmentVariable("EDITION_TIMES") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    // The first mark counts from the process's start: the runtime's own start-up is a phase too.
    private static long _last = On ? -(long)((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds * Stopwatch.Frequency) : 0;

    /// <summary>Ends a phase: writes its name and the milliseconds since the last mark (or since the process began the build).</summary>
    public static void Mark(string phase)
    {
        if (!On) return;
        var now = Clock.ElapsedTicks;
        var ms = (now - Interlocked.Exchange(ref _last, now)) * 1000.0 / Stopwatch.Frequency;
        Console.Error.WriteLine($"time    {phase} {ms:F1} ms");
    }
}
