using System.Collections.Concurrent;
using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Output;
using EditionBuilder.Themes;

namespace EditionBuilder.Pipeline;

/// <summary>A build into a site folder, as <c>edition build</c> makes it: the files go to a staging folder beside the output and are swapped in only when the whole build succeeded, so a failed or killed build leaves the last good site as it was.</summary>
/// <remarks>With the cache, the staging folder is the spare copy of the site that the last build swapped out, brought up to date: files it holds unchanged stay, so a rebuild writes what changed. Without a spare, files the last good site holds are linked from it.</remarks>
public static class FolderBuild
{
    /// <summary>
    /// <c>edition build</c> from paths: checks the output may be written, cleans what a killed build left, opens the cache, reads the
    /// content and the theme, then builds into <see cref="FolderBuildRequest.Output"/>. Every path is taken as given (relative ones
    /// from the current folder); the output is untouched unless the report says it succeeded.
    /// </summary>
    /// <param name="progress">Each stage as it ends, "import" (the content read) first.</param>
    /// <param name="cleaned">Each leftover of a killed build or deploy repaired before the build, as it is repaired.</param>
    /// <exception cref="OutputRefusedException">The output is, holds or lies inside an input, or is a folder this tool did not write (without force).</exception>
    public static FolderBuildReport Run(FolderBuildRequest request, DiagnosticBag diagnostics, Action<StageReport>? progress = null, Action<string>? cleaned = null)
    {
        var (input, output) = (request.Input, request.Output);
        var isFolder = Directory.Exists(input);
        var themeLayers = ThemeFolder.Layers(isFolder ? input : null, request.Theme);
        OutputGuard.Ensure(OutputKind.Site, output,
            [
                new(input, isFolder ? "the content folder" : "the source file"),
                .. themeLayers.Select(layer => new ProtectedPath(layer, "the theme folder")),
                .. request.Cache is null ? Array.Empty<ProtectedPath>() : [new(request.Cache, "the build cache")],
            ],
            request.Force);
        var repaired = AtomicFolder.CleanLeftovers(output).ToList();
        foreach (var line in repaired) cleaned?.Invoke(line);
        PhaseClock.Mark("start and output checks");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cache = request.Cache is null ? null : new BuildCache(CacheFolder(request.Cache, output), diagnostics);
        PhaseClock.Mark("cache opened");
        var content = isFolder ? ContentFolder.Read(input, diagnostics, deferText: true, request.Encoding, cache) : ContentFolder.ReadSource(input, diagnostics, request.Encoding);
        if (content is null) return FolderBuildReport.Failed(repaired, clock.Elapsed);
        PhaseClock.Mark("content walk");
        progress?.Invoke(new StageReport("import", $"{input}: {content.Articles.Count} article(s), {content.Articles.Sum(a => a.Chapters.Count)} chapters", clock.Elapsed));

        var theme = Theme.Load(themeLayers, diagnostics, isFolder ? input : null);
        if (theme is null) return FolderBuildReport.Failed(repaired, clock.Elapsed);
        PhaseClock.Mark("theme");
        var search = request.FindSearch?.Invoke(diagnostics);
        if (diagnostics.HasErrors) return FolderBuildReport.Failed(repaired, clock.Elapsed);

        var built = Run(content, theme, request.Options with { Cache = cache, Search = search }, output, cache, diagnostics, progress);
        return built with { Cleaned = repaired, Elapsed = clock.Elapsed };
    }

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

/// <summary>What <c>edition build</c> asks for: the content folder or lone source, the site folder, an optional theme folder and cache root (none: a clean build), and how to build.</summary>
/// <param name="Force">Replace a non-empty output folder that edition build did not write.</param>
/// <param name="FindSearch">Finds the site's search once the content and theme are read (the Pagefind program's diagnostics join theirs); null builds without search.</param>
public sealed record FolderBuildRequest(string Input, string Output, BuildOptions Options, string? Theme = null, string? Cache = null, bool Force = false,
    System.Text.Encoding? Encoding = null, Func<DiagnosticBag, Search.SiteSearch?>? FindSearch = null);

/// <summary>What a build into a folder did: the build's own report, and how many files the site holds, of which how many were linked unchanged from the last site.</summary>
public sealed record FolderBuildReport(BuildReport Build, int Files, int Linked)
{
    public bool Succeeded => Build.Succeeded;

    /// <summary>Leftovers of a killed build or deploy repaired before this build (a spare or staging folder put back or removed).</summary>
    public IReadOnlyList<string> Cleaned { get; init; } = [];

    /// <summary>The wall time from opening the cache to the swap.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>A build that stopped before its stages (the content or theme could not be read): nothing was written.</summary>
    public static FolderBuildReport Failed(IReadOnlyList<string> cleaned, TimeSpan elapsed) =>
        new(new BuildReport(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, []), 0, 0) { Cleaned = cleaned, Elapsed = elapsed };
}
