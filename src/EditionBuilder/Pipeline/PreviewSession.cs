using System.Diagnostics;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Render;

namespace EditionBuilder.Pipeline;

/// <summary>The live preview's site: the one pipeline in memory (verified, neither minified nor compressed), built again after each change with unchanged articles replayed from memory. A failed rebuild, whatever its cause, keeps the last good site.</summary>
/// <param name="contentFolder">The content folder to build.</param>
/// <param name="loadTheme">Loads the theme in use (reported errors go to the bag; null when it has errors).</param>
public sealed class PreviewSession(string contentFolder, Func<DiagnosticBag, Theme?> loadTheme)
{
    private readonly MemoryBuildCache _cache = new();
    private readonly object _gate = new();
    private IReadOnlyDictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
    private TaskCompletionSource _rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What one rebuild did.</summary>
    public sealed record Report(bool Succeeded, BuildReport? Build, TimeSpan Elapsed);

    /// <summary>The last good site by path; empty before the first good build.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Completes at the next good rebuild (the open pages then reload).</summary>
    public Task NextRebuild
    {
        get { lock (_gate) return _rebuilt.Task; }
    }

    /// <summary>Builds the site again; on failure the diagnostics say why and <see cref="Files"/> stays the last good site.</summary>
    public Report Rebuild(DiagnosticBag diagnostics)
    {
        lock (_gate)
        {
            var clock = Stopwatch.StartNew();
            BuildReport? report = null;
            try
            {
                var content = ContentFolder.Read(contentFolder, diagnostics, deferText: true);
                var theme = content is null ? null : loadTheme(diagnostics);
                if (content is not null && theme is not null)
                {
                    var sink = new MemorySink();
                    report = new SiteBuild(theme, new BuildOptions { Minify = false, Compression = null, Cache = _cache }).Run(content, sink, diagnostics);
                    if (report.Succeeded) _files = sink.Files.ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An editor's half-written file or a fault of ours: the preview says so and keeps serving the last good site.
                diagnostics.Error(DiagnosticCodes.InternalFailure, contentFolder, 0, 0, $"the rebuild failed unexpectedly ({e.Message.Split('\n')[0]}); still serving the last good build");
            }

            var succeeded = report is { Succeeded: true } && !diagnostics.HasErrors;
            if (succeeded)
            {
                var previous = _rebuilt;
                _rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                previous.TrySetResult();
            }

            return new Report(succeeded, report, clock.Elapsed);
        }
    }
}
