using EditionBuilder.Output;
using EditionBuilder.Render;

namespace EditionBuilder.Build;

/// <summary>Where a build puts its files as it makes them, so a large site need not be held in memory.</summary>
public interface ISiteSink
{
    void Write(SiteFile file);
}

/// <summary>Keeps the files in memory (tests, benchmarks, the preview server).</summary>
public sealed class MemorySink : ISiteSink
{
    private readonly List<SiteFile> _files = new();

    public void Write(SiteFile file)
    {
        lock (_files) _files.Add(file);
    }

    public IReadOnlyList<SiteFile> Files
    {
        get { lock (_files) return _files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(); }
    }
}

/// <summary>Writes each file at once under a folder (a staging folder, swapped in when the whole build succeeded).</summary>
public sealed class FolderSink(string root) : ISiteSink
{
    private int _count;

    public string Root { get; } = root;

    public int Count => _count;

    public void Write(SiteFile file)
    {
        AtomicFolder.WriteFile(Root, file.Path, file.Bytes);
        Interlocked.Increment(ref _count);
    }
}
