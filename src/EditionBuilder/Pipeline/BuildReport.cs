namespace EditionBuilder.Pipeline;

/// <summary>A stage's name, what it counted and how long it took, for the progress output.</summary>
/// <param name="AcrossThreads">Whether <paramref name="Elapsed"/> adds up the time of every thread that did the stage's work (files are processed side by side), so it can exceed the build's wall time.</param>
public sealed record StageReport(string Stage, string Counts, TimeSpan Elapsed, bool AcrossThreads = false);

/// <summary>What a build did, for the command's summary and for tests (which assert on it, not on progress text).</summary>
/// <param name="Succeeded">False when any stage reported an error.</param>
/// <param name="Articles">Articles in the edition.</param>
/// <param name="Chapters">Chapter files in the edition.</param>
/// <param name="ArticlesRendered">Articles rendered in this build (the others came unchanged from the cache).</param>
/// <param name="Pages">HTML pages in the site.</param>
/// <param name="Files">Files in the site, compressed copies included.</param>
/// <param name="Minified">Files minified in this build.</param>
/// <param name="Reused">Files reused from the cache.</param>
/// <param name="Compressed">Files given .gz and .br copies.</param>
/// <param name="Links">Links checked.</param>
/// <param name="NoteReferences">Note references checked.</param>
/// <param name="Stages">Each stage's report, in order.</param>
/// <param name="SearchPages">With <see cref="BuildOptions.IndexLater"/>: the pages to index; otherwise null.</param>
/// <param name="Written">Each writer's files written in this build (the others came unchanged from the cache), by the writer's name.</param>
public sealed record BuildReport(
    bool Succeeded,
    int Articles,
    int Chapters,
    int ArticlesRendered,
    int Pages,
    int Files,
    int Minified,
    int Reused,
    int Compressed,
    int Links,
    int NoteReferences,
    IReadOnlyList<StageReport> Stages,
    SearchInput? SearchPages = null,
    IReadOnlyDictionary<string, int>? Written = null)
{
    /// <summary>Files the minifier takes (HTML, CSS, JS) that came from the cache already minified: with <see cref="Minified"/>, every file it would take.</summary>
    public int ReusedMinified { get; init; }

    /// <summary>Files of <see cref="Compressed"/> compressed in this build (the others' copies came from the cache).</summary>
    public int CompressedNow { get; init; }

    /// <summary>What the search index took and made; null when the site was not indexed in this build.</summary>
    public SearchReport? Indexed { get; init; }

    /// <summary>The files the named writer wrote in this build (0 when it did not run).</summary>
    public int WrittenBy(string writer) => Written is not null && Written.TryGetValue(writer, out var count) ? count : 0;
}

/// <summary>What the search stage did: the pages it indexed, the index files it made, whether they all came unchanged from the cache, and its parts with how many were made in this build: Pagefind's shards (<see cref="Search.SearchShards"/>), or, for the edition's own index, the article folders whose records were made (not taken from the cache).</summary>
public sealed record SearchReport(int Pages, int Files, bool Reused, int Shards = 1, int ShardsIndexed = 0);

/// <summary>The pages a later index is made of: a key that changes when any of them does (their paths and hashes; null when unknown: index again), each page's path and hash (null when unknown), and the pages themselves, decoded only when asked for.</summary>
/// <remarks>The live preview compares the key after each rebuild and, when it changed, decodes on its background indexer only the pages of the shards that changed.</remarks>
public sealed class SearchInput(string? key, IReadOnlyList<(string Path, string? Sha256)> listed, Func<string, Search.SearchablePage> read, IReadOnlyList<string>? oldestFirst = null)
{
    /// <summary>The articles' folders, oldest first, which the shards follow (<see cref="Search.SearchShards.OldestFirst"/>); null: folder order.</summary>
    public IReadOnlyList<string>? OldestFirst { get; } = oldestFirst;

    public string? Key { get; } = key;

    /// <summary>Every page's path, in path order, and its SHA-256 when known.</summary>
    public IReadOnlyList<(string Path, string? Sha256)> Listed { get; } = listed;

    /// <summary>Number of pages.</summary>
    public int Count => Listed.Count;

    /// <summary>One page, decoded now.</summary>
    public Search.SearchablePage Read(string path) => read(path);

    /// <summary>The pages, in path order, all decoded.</summary>
    public IReadOnlyList<Search.SearchablePage> Pages => Listed.Select(p => read(p.Path)).ToList();
}
