using System.Collections.Concurrent;
using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Render;

namespace EditionBuilder.Pipeline;

/// <summary>A build into a site folder, as <c>edition build</c> makes it: the files go to a staging folder beside the output and are swapped in only when the whole build succeeded, so a failed or killed build leaves the last good site as it was.</summary>
/// <remarks>With the cache, the staging folder is the spare copy of the site that the last build swapped out, brought up to date: files it holds unchanged stay, so a rebuild writes what changed. Without a spare, files the last good site holds are linked from it.</remarks>
public static class FolderBuild
{
    /// <summary>Builds <paramref name="content"/> into <paramref name="output"/>; the output is untouched unless the report says it succeeded.</summary>
    public static FolderBuildReport Run(EditionContent content, Theme theme, BuildOptions options, string output, BuildCache? cache, DiagnosticBag diagnostics, Action<StageReport>? progress = null)
    {
        var previous = Directory.Exists(output) ? output : null;
        var stamps = cache?.LastOutput() ?? new Dictionary<string, FileStamp>();
        PhaseClock.Mark("site's stamps read");
        var staging = AtomicFolder.StagingFolder(output, "staging");
        ConcurrentDictionary<string, FileStamp>? held = null;
        if (stamps.Count == 0) AtomicFolder.TryDelete(SpareFolder.PathFor(output)); // a spare is only of use with the stamps that describe it
        else held = SpareFolder.Claim(output, stamps, staging);
        PhaseClock.Mark("spare claimed and walked");
        var sink = new FolderSink(staging, previous, previous is null ? null : stamps, recordStamps: cache is not null, held);
        try
        {
            var report = new SiteBuild(theme, options).Run(content, sink, diagnostics, progress);
            if (!report.Succeeded)
            {
                Discard(held, staging, output);
                return new FolderBuildReport(report, 0, 0);
            }

            sink.Finish();
            Directory.CreateDirectory(staging);
            // The marker goes last: a staging folder holding it is a whole site.
            AtomicFolder.WriteMarker(staging, OutputKind.Site);
            var old = AtomicFolder.Swap(staging, output, keepOld: cache is not null && stamps.Count > 0);
            PhaseClock.Mark("staging finished and swapped");
            cache?.RememberOutput(sink.Stamps);
            PhaseClock.Mark("site's stamps written");
            if (old is not null) SpareFolder.Keep(old, output, stamps, sink.Stamps);
            PhaseClock.Finish("spare synced");
            return new FolderBuildReport(report, sink.Count, sink.Linked);
        }
        catch
        {
            Discard(held, staging, output);
            throw;
        }
    }

    /// <summary>One cache per output folder under <paramref name="root"/>, so two sites built side by side do not evict each other's entries.</summary>
    public static string CacheFolder(string root, string output) =>
        Path.Combine(root, FileStamp.Hash(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(output)))[..12]);

    // A staging folder that was not swapped in: the spare goes back (the next build checks its files again), a fresh folder is deleted.
    private static void Discard(ConcurrentDictionary<string, FileStamp>? held, string staging, string output)
    {
        if (held is not null) SpareFolder.GiveBack(staging, output);
        else AtomicFolder.TryDelete(staging);
    }
}

/// <summary>What a build into a folder did: the build's own report, and how many files the site holds, of which how many were linked unchanged from the last site.</summary>
public sealed record FolderBuildReport(BuildReport Build, int Files, int Linked)
{
    public bool Succeeded => Build.Succeeded;
}
