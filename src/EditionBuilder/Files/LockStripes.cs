namespace EditionBuilder.Files;

/// <summary>How many locks a concurrent dictionary that every build thread writes to is given.</summary>
/// <remarks>
/// A ConcurrentDictionary made with a concurrency level of the processor count has that many locks: on two cores every second write
/// waited for the other thread (60 ms of a one-chapter rebuild of the 1,000-article journal, in the site's stamps). Locks are cheap;
/// with many, two writers rarely meet.
/// </remarks>
public static class LockStripes
{
    public static int ForWriters => Math.Max(64, Environment.ProcessorCount * 8);
}
