using EditionBuilder.Files;

namespace EditionBuilder.Pipeline;

/// <summary>What happened to a watched folder: something inside it changed, the folder went away (removed or renamed), or a folder stands at its path again (made anew, or renamed into place).</summary>
public enum FolderChange
{
    Changed,
    Vanished,
    Returned,
}

/// <summary>Watches a folder and everything in it, and its parent for the folder itself: when the folder is removed or renamed away, and when one comes back at its path (<c>rm -rf c; cp -r keep c</c>, <c>mv c c.old; mv c.new c</c>), the watch moves to the folder now at the path and says so.</summary>
/// <remarks>A watch on a folder follows the folder, not its name (inotify watches an inode): without the parent's watch, a folder replaced by another would never be heard of again. Events come on the watchers' threads.</remarks>
public sealed class FolderWatch : IDisposable
{
    private readonly string _folder;
    private readonly Action<FolderChange> _changed;
    private readonly FileSystemWatcher? _parent;
    private readonly object _gate = new();
    private FileSystemWatcher? _inside;
    private ulong _inode;
    private bool _disposed;

    /// <summary>Starts watching; <paramref name="changed"/> is told of every change, from any thread.</summary>
    public FolderWatch(string folder, Action<FolderChange> changed)
    {
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _changed = changed;
        var parent = Path.GetDirectoryName(_folder);
        if (parent is not null && Directory.Exists(parent))
        {
            _parent = new FileSystemWatcher(parent) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName };
            _parent.Created += OnParent;
            _parent.Deleted += OnParent;
            _parent.Renamed += OnParent;
            _parent.Error += (_, _) => Check();
            _parent.EnableRaisingEvents = true;
        }

        lock (_gate) Arm();
    }

    /// <summary>The folder watched, as a full path.</summary>
    public string Folder => _folder;

    /// <summary>Whether a folder stands at the path now (and is watched).</summary>
    public bool Present
    {
        get { lock (_gate) return _inside is not null; }
    }

    /// <summary>Looks at the path again: says <see cref="FolderChange.Vanished"/> or <see cref="FolderChange.Returned"/> when what stands there is not what was watched. Called on every event of the parent; callers may call it too.</summary>
    public void Check()
    {
        FolderChange? said = null;
        lock (_gate)
        {
            if (_disposed) return;
            var now = NativeFiles.Stat(_folder);
            if (now.Kind != FileType.Directory)
            {
                if (_inside is not null)
                {
                    Disarm();
                    said = FolderChange.Vanished;
                }
            }
            else if (_inside is null || (now.Inode != 0 && now.Inode != _inode))
            {
                // Another folder at the path (renamed into place while the old one was watched, or made again): watch it instead.
                if (_inside is not null) Disarm();
                if (Arm()) said = FolderChange.Returned;
            }
        }

        if (said is { } change) _changed(change);
    }

    private void OnParent(object sender, FileSystemEventArgs e)
    {
        var name = Path.GetFileName(_folder);
        if (e.Name == name || e is RenamedEventArgs { OldName: var old } && old == name) Check();
    }

    // Watches the folder at the path, when there is one; true when it does.
    private bool Arm()
    {
        var now = NativeFiles.Stat(_folder);
        if (now.Kind != FileType.Directory) return false;
        try
        {
            var inside = new FileSystemWatcher(_folder) { IncludeSubdirectories = true };
            inside.Changed += OnInside;
            inside.Created += OnInside;
            inside.Deleted += OnInside;
            inside.Renamed += OnInside;
            inside.Error += (_, _) =>
            {
                Check();
                _changed(FolderChange.Changed);
            };
            inside.EnableRaisingEvents = true;
            _inside = inside;
            _inode = now.Inode;
            return true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false; // gone again as it was being watched: the parent's next event says so
        }
    }

    private void Disarm()
    {
        _inside?.Dispose();
        _inside = null;
        _inode = 0;
    }

    private void OnInside(object sender, FileSystemEventArgs e)
    {
        // Only events of the folder watched now: a watcher just replaced may still deliver a few.
        lock (_gate)
        {
            if (!ReferenceEquals(sender, _inside)) return;
        }

        _changed(FolderChange.Changed);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Disarm();
        }

        _parent?.Dispose();
    }
}
