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

/// <summary>Writes each file at once under a folder (a staging folder, swapped in when the whole build succeeded); files the last good site already holds byte for byte are linked from it.</summary>
public sealed class FolderSink(string root, string? previous = null) : ISiteSink
{
    private readonly SiteFolderWriter _writer = new(root, previous);

    public string Root => _writer.Root;

    public int Count => _writer.Written + _writer.Linked;

    /// <summary>Files that were unchanged and linked from the last good site.</summary>
    public int Linked => _writer.Linked;

    public void Write(SiteFile file) => _writer.Write(file.Path, file.Bytes);
}
