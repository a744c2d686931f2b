using System.Text.Json;
using EditionBuilder.Diagnostics;
using EditionBuilder.Site;

namespace EditionBuilder.Search;

/// <summary>The search stage: the site's searchable pages (those whose theme marks their text with <c>data-pagefind-body</c>) through Pagefind into the files of <c>pagefind/</c>, one index per page language.</summary>
/// <param name="tool">The Pagefind program.</param>
public sealed class SearchIndex(PagefindTool tool)
{
    /// <summary>Where the index lives in the site.</summary>
    public const string Folder = "pagefind/";

    /// <summary>The attribute with which a theme marks a page's searchable text.</summary>
    public const string BodyAttribute = "data-pagefind-body";

    /// <summary>Markup that is apparatus, not text, inside a page's searchable text: paragraph numbers, note reference numbers, back-links, archived-copy links and the notes' heading (docs/design.md, "The HTML contract"). The theme's own <c>data-pagefind-ignore</c> marks come on top.</summary>
    public static readonly IReadOnlyList<string> Apparatus =
    [
        "a.para", "[role=doc-noteref]", "[role=doc-backlink]", "a.archived", "[role=doc-endnotes] > h2",
    ];

    /// <summary>What the cache key of an index holds besides its pages: the tool, the documents' format, the settings.</summary>
    public string Fingerprint => $"{tool.Version}\0{SearchDocument.Format}\0{string.Join('\u0001', Apparatus)}\0shards by age";

    /// <summary>Whether a finished page offers text to search.</summary>
    public static bool IsSearchable(string html) => html.Contains(BodyAttribute, StringComparison.Ordinal);

    /// <summary>Indexes the pages, given by site path in a fixed order, in <paramref name="most"/> shards at most by the articles' age (<see cref="SearchShards"/>), two shards at a time; returns the files of the search bundle under <see cref="Folder"/>, sorted by path, with the manifest.</summary>
    /// <exception cref="PagefindException">Pagefind refused a page or failed.</exception>
    public IReadOnlyList<SiteFile> Build(IReadOnlyList<SearchablePage> pages, int most = SearchShards.Published, IReadOnlyList<string>? oldestFirst = null)
    {
        var byPath = pages.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var shards = SearchShards.Split(byPath.Keys, most, oldestFirst);
        var built = BuildShards(shards, shard => shard.Paths.Select(path => byPath[path]));
        return built.SelectMany(s => s.Files).Append(Manifest(built)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Indexes these shards, up to <see cref="Workers"/> at a time, each with a Pagefind of its own; the results come in the shards' order.</summary>
    /// <exception cref="PagefindException">Pagefind refused a page or failed.</exception>
    public IReadOnlyList<ShardIndex> BuildShards(IReadOnlyList<SearchShards.Shard> shards, Func<SearchShards.Shard, IEnumerable<SearchablePage>> pagesOf)
    {
        var built = new ShardIndex[shards.Count];
        var threads = ThreadsEach(shards.Count);
        try
        {
            Parallel.For(0, shards.Count, new ParallelOptions { MaxDegreeOfParallelism = Workers }, i => built[i] = BuildShard(shards[i].Folder, pagesOf(shards[i]), threads));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is PagefindException) is { } first)
        {
            throw first;
        }

        return built;
    }

    /// <summary>Pagefinds run at once: two, one per core of a small machine; more only add memory.</summary>
    public static int Workers => Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>The worker threads each Pagefind may start when <paramref name="shards"/> shards are indexed: the cores shared among the Pagefinds running at once, so they never hold more busy threads than there are cores (one shard alone keeps every core).</summary>
    public static int ThreadsEach(int shards) => Math.Max(1, Environment.ProcessorCount / Math.Clamp(shards, 1, Workers));

    /// <summary>Indexes one shard's pages, given in a fixed order (Pagefind's output depends on the order pages arrive in), into its folder of the search bundle; the root shard (folder "") also holds Pagefind's script and the WebAssembly of its languages. <paramref name="threads"/> caps Pagefind's worker threads (its output is the same whatever the number).</summary>
    /// <exception cref="PagefindException">Pagefind refused a page or failed.</exception>
    public ShardIndex BuildShard(string folder, IEnumerable<SearchablePage> pages, int? threads = null)
    {
        using var service = new PagefindService(tool, threads);
        var index = service.NewIndex(Apparatus);
        var prepare = new System.Diagnostics.Stopwatch();
        var count = 0;
        long words = 0, characters = 0;
        foreach (var page in pages)
        {
            prepare.Start();
            var document = SearchDocument.For(page.Html);
            prepare.Stop();
            words += service.AddPage(index, "/" + page.Path, document);
            characters += document.Length;
            count++;
        }

        // EDITION_TIMES=1: where Pagefind's time goes, adding pages against writing the index, and how much it was given:
        // its cost follows the words (docs/performance.md, "Where Pagefind's time goes").
        var added = PhaseClock.On ? service.ProcessorTime : TimeSpan.Zero;
        PhaseClock.Mark($"search: shard '{folder}' {count} pages added, {words} words, {characters / 1024} Ki characters (Pagefind CPU {added.TotalMilliseconds:F0} ms; ours preparing documents {prepare.Elapsed.TotalMilliseconds:F0} ms)");
        var files = service.Files(index);
        PhaseClock.Mark($"search: shard '{folder}' {files.Count} files written, {files.Sum(f => (long)f.Bytes.Length) / 1024} KiB (Pagefind CPU {(PhaseClock.On ? service.ProcessorTime - added : TimeSpan.Zero).TotalMilliseconds:F0} ms)");
        var entry = files.FirstOrDefault(f => f.Path == "pagefind-entry.json");
        if (entry.Bytes is null) throw new PagefindException("wrote no pagefind-entry.json");
        var languages = LanguagesOf(entry.Bytes);
        var wasm = folder.Length == 0 ? WasmInUse(entry.Bytes) : [];
        var kept = files.Where(f => IsNeeded(f.Path, wasm) && (folder.Length == 0 || !IsShared(f.Path)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new SiteFile(Folder + folder + f.Path, f.Bytes))
            .ToList();
        return new ShardIndex(folder, languages, kept);
    }

    /// <summary>The manifest the search page reads (<see cref="SearchShards.ManifestName"/>): each shard's folder, relative to the bundle, and its languages, in the shards' order.</summary>
    public static SiteFile Manifest(IEnumerable<ShardIndex> shards)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("shards");
            foreach (var shard in shards)
            {
                json.WriteStartObject();
                json.WriteString("path", shard.Folder);
                json.WriteStartArray("languages");
                foreach (var language in shard.Languages) json.WriteStringValue(language);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new SiteFile(Folder + SearchShards.ManifestName, buffer.WrittenSpan.ToArray());
    }

    /// <summary>The languages a shard's <c>pagefind-entry.json</c> names, sorted.</summary>
    /// <exception cref="PagefindException">The entry is not Pagefind's.</exception>
    public static IReadOnlyList<string> LanguagesOf(byte[] entry)
    {
        try
        {
            using var json = JsonDocument.Parse(entry);
            return json.RootElement.GetProperty("languages").EnumerateObject().Select(l => l.Name).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PagefindException($"wrote a pagefind-entry.json that cannot be read ({e.Message})");
        }
    }

    // Pagefind's script and WebAssembly: loaded from the first index only, so kept in the root shard alone.
    private static bool IsShared(string path) => path == "pagefind.js" || path.StartsWith("wasm.", StringComparison.Ordinal);

    // The search page imports pagefind.js without its worker or UI; it needs the entry, each language's metadata, index chunks,
    // fragments and the WebAssembly of the languages that have pages (not the UI bundles, the worker or the playground).
    private static bool IsNeeded(string path, IReadOnlySet<string> wasm) =>
        path is "pagefind.js" or "pagefind-entry.json"
        || path.StartsWith("index/", StringComparison.Ordinal)
        || path.StartsWith("fragment/", StringComparison.Ordinal)
        || path.StartsWith("filter/", StringComparison.Ordinal)
        || (path.StartsWith("pagefind.", StringComparison.Ordinal) && path.EndsWith(".pf_meta", StringComparison.Ordinal))
        || wasm.Contains(path);

    // pagefind-entry.json names the WebAssembly each language loads ("wasm": "ar" -> wasm.ar.pagefind).
    private static HashSet<string> WasmInUse(byte[] entry)
    {
        using var json = JsonDocument.Parse(entry);
        return json.RootElement.GetProperty("languages").EnumerateObject()
            .Select(l => $"wasm.{l.Value.GetProperty("wasm").GetString()}.pagefind")
            .ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>One shard's index: its folder in the search bundle, the languages it holds and its files.</summary>
public sealed record ShardIndex(string Folder, IReadOnlyList<string> Languages, IReadOnlyList<SiteFile> Files);
