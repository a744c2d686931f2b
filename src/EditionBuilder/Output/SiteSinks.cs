using EditionBuilder.Cache;
using EditionBuilder.Output;
using EditionBuilder.Render;
using EditionBuilder.Site;

namespace EditionBuilder.Output;

/// <summary>Where a build puts its files as it makes them, so a large site need not be held in memory.</summary>
public interface ISiteSink
{
    /// <summary>Writes a file; <paramref name="sha256"/> is its hash when the caller already has it.</summary>
    void Write(SiteFile file, string? sha256 = null);

    /// <summary>Puts a file known only by length and SHA-256 in place without its bytes, when the sink can (the last good site holds it); false otherwise.</summary>
    bool TryLinkUnchanged(string path, long length, string sha256) => false;
}

/// <summary>Keeps the files in memory (tests, benchmarks, the preview server).</summary>
public sealed class MemorySink : ISiteSink
{
    private readonly List<SiteFile> _files = new();

    public void Write(SiteFile file, string? sha256 = null)
    {
        lock (_files) _files.Add(file);
    }

    public IReadOnlyList<SiteFile> Files
    {
        get { lock (_files) return _files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(); }
    }
}

/// <summary>Writes each file at once under a folder (a staging folder, swapped in when the whole build succeeded); files the last good site already holds byte for byte are linked from it, or, staging into the spare copy of the site, left in place.</summary>
public sealed class FolderSink(string root, string? previous = null, IReadOnlyDictionary<string, FileStamp>? previousStamps = null, bool recordStamps = false,
    System.Collections.Concurrent.ConcurrentDictionary<string, FileStamp>? held = null) : ISiteSink
{
    private readonly SiteFolderWriter _writer = new(root, previous, previousStamps, recordStamps, held);

    public string Root => _writer.Root;

    public int Count => _writer.Written + _writer.Linked;

    /// <summary>Files that were unchanged and linked from the last good site.</summary>
    public int Linked => _writer.Linked;

    /// <summary>Each file's stamp as written, when recording (see <see cref="SiteFolderWriter.Stamps"/>).</summary>
    public IReadOnlyDictionary<string, FileStamp> Stamps => _writer.Stamps;

    public void Write(SiteFile file, string? sha256 = null) => _writer.Write(file.Path, file.Bytes, sha256);

    /// <summary>Removes what a spare held that this build did not make (<see cref="SiteFolderWriter.Finish"/>).</summary>
    public void Finish() => _writer.Finish();

    public bool TryLinkUnchanged(string path, long length, string sha256) => _writer.TryLinkUnchanged(path, length, sha256);
}
