using System.Text.Json;
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
    public string Fingerprint => $"{tool.Version}\0{SearchDocument.Format}\0{string.Join('\u0001', Apparatus)}";

    /// <summary>Whether a finished page offers text to search.</summary>
    public static bool IsSearchable(string html) => html.Contains(BodyAttribute, StringComparison.Ordinal);

    /// <summary>Indexes the pages, given by site path in a fixed order (Pagefind's output depends on the order pages arrive in); returns the files of the search bundle under <see cref="Folder"/>, sorted by path.</summary>
    /// <exception cref="PagefindException">Pagefind refused a page or failed.</exception>
    public IReadOnlyList<SiteFile> Build(IEnumerable<SearchablePage> pages)
    {
        using var service = new PagefindService(tool);
        var index = service.NewIndex(Apparatus);
        foreach (var page in pages) service.AddPage(index, "/" + page.Path, SearchDocument.For(page.Html));
        var files = service.Files(index);
        var wasm = WasmInUse(files);
        return files.Where(f => IsNeeded(f.Path, wasm))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new SiteFile(Folder + f.Path, f.Bytes))
            .ToList();
    }

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
    private static HashSet<string> WasmInUse(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var entry = files.FirstOrDefault(f => f.Path == "pagefind-entry.json");
        if (entry.Bytes is null) throw new PagefindException("wrote no pagefind-entry.json");
        using var json = JsonDocument.Parse(entry.Bytes);
        return json.RootElement.GetProperty("languages").EnumerateObject()
            .Select(l => $"wasm.{l.Value.GetProperty("wasm").GetString()}.pagefind")
            .ToHashSet(StringComparer.Ordinal);
    }
}
