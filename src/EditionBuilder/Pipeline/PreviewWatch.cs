namespace EditionBuilder.Pipeline;

/// <summary>What <c>edition serve</c> watches and when it rebuilds: the content folder and every theme folder outside it, each followed through removal and return (<see cref="FolderWatch"/>); a burst of changes is one rebuild after a short pause, and nothing is rebuilt while a watched folder is gone.</summary>
/// <remarks>The rebuild runs on a timer thread, where an exception would end the process: a failure of any kind is handed to <c>failed</c>, and the preview goes on serving the last good build.</remarks>
public sealed class PreviewWatch : IDisposable
{
    /// <summary>The pause after the last change before the rebuild: editors write a file in several steps.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(25);

    private readonly List<FolderWatch> _watches = [];
    private readonly Timer _debounce;
    private readonly Action _rebuild;
    private readonly Action<Exception> _failed;

    /// <summary>Starts watching <paramref name="content"/> and the theme layers outside it (the first layer, the default theme, ships with the tool and is not watched).</summary>
    /// <param name="told">Each change of a watched folder, from any thread, before any rebuild it causes (vanished: none until it returns).</param>
    /// <param name="rebuild">The rebuild, run on a timer thread once the changes pause.</param>
    /// <param name="failed">A rebuild that threw.</param>
    public PreviewWatch(string content, IReadOnlyList<string> themeLayers, Action<string, FolderChange> told, Action rebuild, Action<Exception> failed)
    {
        _rebuild = rebuild;
        _failed = failed;
        _debounce = new Timer(_ => RebuildOnChange(), null, Timeout.Infinite, Timeout.Infinite);
        Watched = FoldersFor(content, themeLayers);
        foreach (var folder in Watched)
        {
            _watches.Add(new FolderWatch(folder, change =>
            {
                told(folder, change);
                if (change != FolderChange.Vanished) _debounce.Change(Pause, Timeout.InfiniteTimeSpan);
            }));
        }
    }

    /// <summary>The folders watched, as given: the content folder first.</summary>
    public IReadOnlyList<string> Watched { get; }

    /// <summary>The content folder, then each theme layer after the default one that is not inside it (the content's own theme/ is watched with it; a theme given with --theme is watched too).</summary>
    public static IReadOnlyList<string> FoldersFor(string content, IReadOnlyList<string> themeLayers) =>
        themeLayers.Skip(1).Where(l => !Files.FolderPaths.IsInside(l, content)).Prepend(content).ToList();

    // While a watched folder is gone there is nothing to build (that was told once); no failure may end the preview.
    private void RebuildOnChange()
    {
        if (_watches.Any(w => !w.Present)) return;
        try
        {
            _rebuild();
        }
        catch (Exception e)
        {
            _failed(e);
        }
    }

    public void Dispose()
    {
        foreach (var watch in _watches) watch.Dispose();
        _debounce.Dispose();
    }
}
