using System.Text;
using System.Text.Json;
using EditionBuilder.Cache;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The edition's own index in the built site: the seed's pages read as the format says (blocks, anchors, apparatus left out), the search page without WebAssembly, the same bytes every time, and an incremental index that is always a clean build's, whatever the cache holds.</summary>
public class EditionSearchSiteTests
{
    private static IReadOnlyList<SiteFile> BuildSeed(IBuildCache? cache = null)
    {
        var seed = SeedSite.Get();
        var diagnostics = new DiagnosticBag();
        var files = SiteBuild.InMemory(seed.Content, seed.Templates, BuildOptions.Uncompressed with { Search = SiteSearch.Edition, Cache = cache }, diagnostics);
        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        return files!;
    }

    private static List<SiteFile> Index(IEnumerable<SiteFile> site) => site.Where(f => f.Path.StartsWith(EditionIndexWriter.Folder, StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    private static JsonElement Json(SiteFile file)
    {
        var text = Encoding.UTF8.GetString(file.Bytes);
        return JsonDocument.Parse(text[(text.IndexOf(',') + 1)..^3]).RootElement.Clone();
    }

    private static List<JsonElement> Fragments(IEnumerable<SiteFile> site) =>
        Index(site).Where(f => f.Path.StartsWith("search/f/", StringComparison.Ordinal)).Select(Json).ToList();

    [Fact]
    public void Given_the_seed_When_indexed_Then_a_chapters_blocks_hold_its_text_and_notes_at_their_anchors_without_the_apparatus()
    {
        var fragments = Fragments(BuildSeed());
        var chapter = fragments.Single(f => f.GetProperty("u").GetString() == "russian-iranian-partnership/03-alml-la-bna-shraka-skrya.html");
        var blocks = chapter.GetProperty("b").EnumerateArray().Select(b => (Anchor: b[0].GetString()!, Text: b[1].GetString()!)).ToList();

        Assert.Equal("ar", chapter.GetProperty("l").GetString());
        Assert.Equal("العمل على بناء شراكة عسكرية", chapter.GetProperty("t").GetString());
        Assert.StartsWith("الشراكة الروسية", chapter.GetProperty("a").GetString(), StringComparison.Ordinal);
        Assert.Equal(("chapter-3", "العمل على بناء شراكة عسكرية"), blocks[0]);
        Assert.Equal("p-3-1", blocks[1].Anchor);
        Assert.StartsWith("في الوقت الذي كانت فيه محادثات فيينا بين إيران", blocks[1].Text, StringComparison.Ordinal); // no "3.1"
        Assert.Contains("والاقتصادية. في الواقع", blocks[1].Text, StringComparison.Ordinal); // no note number 9
        Assert.Contains(blocks, b => b.Anchor == "fn-11" && b.Text.Contains("Jay Solomon", StringComparison.Ordinal));
        foreach (var apparatus in new[] { "↩", "نسخة مؤرشفة", "الهوامش", "انتقل إلى النص", "التالي" })
        {
            Assert.DoesNotContain(blocks, b => b.Text.Contains(apparatus, StringComparison.Ordinal));
        }

        Assert.All(blocks, b => Assert.Equal(b.Text.Trim(), b.Text));
        Assert.DoesNotContain(blocks, b => b.Text.Contains("  ", StringComparison.Ordinal) || b.Text.Length == 0);
    }

    [Fact]
    public void Given_the_seed_When_indexed_Then_its_chapters_and_abstracts_are_the_pages_in_path_order_with_their_languages()
    {
        var site = BuildSeed();
        var fragments = Fragments(site);
        var manifest = Json(site.Single(f => f.Path == "search/index.js"));

        var urls = fragments.Select(f => f.GetProperty("u").GetString()!).ToList();
        Assert.Equal(12, manifest.GetProperty("n").GetInt32());
        Assert.Equal(12, urls.Count);
        // f/<page>.js in page order: fragments were read in ordinal file order, so map them back by their number.
        var byNumber = Index(site).Where(f => f.Path.StartsWith("search/f/", StringComparison.Ordinal))
            .ToDictionary(f => int.Parse(f.Path["search/f/".Length..^3], System.Globalization.CultureInfo.InvariantCulture), f => Json(f).GetProperty("u").GetString()!);
        Assert.Equal(byNumber.OrderBy(p => p.Key).Select(p => p.Value), byNumber.Values.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(urls, u => u.EndsWith("full.html", StringComparison.Ordinal) || u == "index.html");
        var english = fragments.Single(f => f.GetProperty("u").GetString() == "russian-iranian-partnership/en/index.html");
        Assert.Equal("en", english.GetProperty("l").GetString());
        var text = string.Join(' ', english.GetProperty("b").EnumerateArray().Select(b => b[1].GetString()));
        Assert.DoesNotContain("Abstract ", text, StringComparison.Ordinal); // the kind line the theme marks data-pagefind-ignore
        Assert.DoesNotContain("كاتب", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_edition_engine_When_the_seed_is_built_Then_the_search_page_names_it_and_allows_no_WebAssembly_and_no_Pagefind_files_are_made()
    {
        var site = BuildSeed();

        var search = site.Single(f => f.Path == "search.html").AsText();
        Assert.DoesNotContain("wasm-unsafe-eval", search, StringComparison.Ordinal);
        Assert.DoesNotContain(site, f => f.Path.StartsWith(SearchIndex.Folder, StringComparison.Ordinal));
        Assert.Contains(site, f => f.Path == "search/index.js");
    }

    [Fact]
    public void Given_the_best_precompression_When_the_seed_is_built_Then_the_index_files_are_compressed_at_the_fast_level_and_the_pages_at_the_best()
    {
        var seed = SeedSite.Get();
        var diagnostics = new DiagnosticBag();
        var site = SiteBuild.InMemory(seed.Content, seed.Templates, BuildOptions.Published with { Compression = Precompressor.Level.Best, Search = SiteSearch.Edition }, diagnostics)!;
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        byte[] Bytes(string path) => site.Single(f => f.Path == path).Bytes;

        foreach (var path in new[] { "search/index.js", "search/c/0.js", "search/f/2.js" })
        {
            Assert.Equal(Precompressor.Brotli(Bytes(path), Precompressor.Level.Fast), Bytes(path + ".br"));
            Assert.Equal(Precompressor.Gzip(Bytes(path), Precompressor.Level.Fast), Bytes(path + ".gz"));
        }

        const string chapter = "russian-iranian-partnership/03-alml-la-bna-shraka-skrya.html";
        Assert.Equal(Precompressor.Brotli(Bytes(chapter), Precompressor.Level.Best), Bytes(chapter + ".br"));
    }

    [Fact]
    public void Given_the_seed_When_indexed_twice_Then_the_index_has_the_same_bytes()
    {
        var first = Index(BuildSeed());
        var second = Index(BuildSeed());

        Assert.Equal(first.Select(f => (f.Path, FileStamp.Hash(f.Bytes))), second.Select(f => (f.Path, FileStamp.Hash(f.Bytes))));
    }

    [Fact]
    public void Given_the_words_of_the_index_When_looked_up_Then_the_seeds_queries_find_their_chapters()
    {
        var site = BuildSeed();
        var terms = Index(site).Where(f => f.Path.StartsWith("search/c/", StringComparison.Ordinal))
            .SelectMany(f => Json(f).EnumerateObject()).ToDictionary(t => t.Name, t => t.Value.GetArrayLength() / 2, StringComparer.Ordinal);

        // ايران and إيران meet on one stem; المفاعلات and مفاعلات too; Latin words are kept whole.
        Assert.True(terms[SearchTokens.Terms("إيران")[0]] >= 10);
        Assert.Equal(SearchTokens.Terms("المفاعلات"), SearchTokens.Terms("مفاعلات"));
        Assert.Contains(SearchTokens.Terms("المفاعلات")[0], terms.Keys);
        Assert.Contains("s300", terms.Keys);
        Assert.Contains("jcpoa", terms.Keys);
    }

    [Fact]
    public void Given_a_damaged_or_foreign_records_entry_in_the_cache_When_built_again_Then_the_records_are_made_again_and_the_index_is_the_clean_one()
    {
        var clean = Index(BuildSeed());
        foreach (var damage in new Func<byte[], byte[]>[] { b => b[..(b.Length / 2)], b => [.. b[..^1], (byte)(b[^1] ^ 1)], b => [.. "ESR2"u8, 1, 0, 0, 0, 0, 0, 0, 0], b => SearchRecordCodec.Write([new SearchRecord("elsewhere.html", "ar", "", "", [], [], 0)]) })
        {
            var cache = new DamagingCache(damage);
            BuildSeed(cache);
            cache.Damaging = true;

            var again = BuildSeed(cache);

            Assert.True(cache.Damaged > 0);
            Assert.Equal(clean.Select(f => (f.Path, FileStamp.Hash(f.Bytes))), Index(again).Select(f => (f.Path, FileStamp.Hash(f.Bytes))));
        }
    }

    [Fact]
    public void Given_an_unchanged_site_When_built_again_with_the_cache_Then_the_index_is_replayed_without_reading_a_record()
    {
        var cache = new MemoryBuildCache();
        var seed = SeedSite.Get();
        var first = new SiteBuild(seed.Templates, BuildOptions.Uncompressed with { Search = SiteSearch.Edition, Cache = cache }).Run(seed.Content, new MemorySink(), new DiagnosticBag());
        var sink = new MemorySink();

        var again = new SiteBuild(seed.Templates, BuildOptions.Uncompressed with { Search = SiteSearch.Edition, Cache = cache }).Run(seed.Content, sink, new DiagnosticBag());

        Assert.Equal(new SearchReport(12, 17, Reused: false, 1, 1), first.Indexed);
        Assert.Equal(new SearchReport(12, 17, Reused: true, 1, 0), again.Indexed);
        Assert.Equal(Index(BuildSeed()).Select(f => (f.Path, FileStamp.Hash(f.Bytes))), Index(sink.Files).Select(f => (f.Path, FileStamp.Hash(f.Bytes))));
    }

    [Fact]
    public void Given_records_bytes_When_damaged_Then_they_read_as_no_records_never_wrong_ones()
    {
        var records = new[] { SearchRecord.Of("a/1.html", "<html lang=\"ar\"><body><main data-pagefind-body><p id=\"x\">نص البحث</p></main></body></html>") };
        var bytes = SearchRecordCodec.Write(records);

        Assert.Equal(records[0].Blocks, SearchRecordCodec.Read(bytes)![0].Blocks);
        Assert.Equal(records[0].Terms, SearchRecordCodec.Read(bytes)![0].Terms);
        for (var cut = 0; cut < bytes.Length; cut++) Assert.Null(SearchRecordCodec.Read(bytes[..cut]));
        Assert.Null(SearchRecordCodec.Read([.. bytes, 0]));
        Assert.Null(SearchRecordCodec.Read([.. "ESR2"u8, 255, 255, 255, 127]));
        for (var at = 0; at < bytes.Length; at += 7)
        {
            var flipped = bytes.ToArray();
            flipped[at] ^= 0x10;
            Assert.Null(SearchRecordCodec.Read(flipped));
        }
    }

    /// <summary>A preview cache that, once told, damages every search records entry it hands back, and forgets the last index (so the records are read).</summary>
    private sealed class DamagingCache(Func<byte[], byte[]> damage) : IBuildCache
    {
        private readonly MemoryBuildCache _inner = new();

        public bool Damaging { get; set; }

        public int Damaged;

        public BuildCache.Page? GetPage(string key)
        {
            var page = _inner.GetPage(key);
            if (!Damaging || page is null || !page.Bytes.AsSpan().StartsWith("ESR"u8)) return page;
            Interlocked.Increment(ref Damaged);
            return page with { Bytes = damage(page.Bytes) };
        }

        public void PutPage(string key, BuildCache.Page page) => _inner.PutPage(key, page);

        public BuildCache.ArticleEntry? GetArticle(string key) =>
            _inner.GetArticle(key) is { } entry && !(Damaging && entry.Summary.Slug == EditionIndexWriter.Folder) ? entry : null;

        public void PutArticle(string key, BuildCache.ArticleEntry article) => _inner.PutArticle(key, article);

        public void Keep(string key) => _inner.Keep(key);

        public string? ArticleKeyFor(string stampKey) => _inner.ArticleKeyFor(stampKey);

        public void RememberArticleKey(string stampKey, string articleKey) => _inner.RememberArticleKey(stampKey, articleKey);

        public IReadOnlyDictionary<string, FileStamp> LastOutput() => _inner.LastOutput();

        public void RememberOutput(IReadOnlyDictionary<string, FileStamp> files) => _inner.RememberOutput(files);

        public void Finish() => _inner.Finish();

        public EditionBuilder.Content.ArticleMetadata? Recall(string path, EditionBuilder.Files.PathStat stat) => _inner.Recall(path, stat);

        public void Remember(string path, EditionBuilder.Files.PathStat stat, EditionBuilder.Content.ArticleMetadata metadata) => _inner.Remember(path, stat, metadata);

        public EditionBuilder.Content.ImportMemo? RecallImport(string folder, string folderStamp) => _inner.RecallImport(folder, folderStamp);

        public void RememberImport(string folder, string folderStamp, EditionBuilder.Content.ImportMemo memo) => _inner.RememberImport(folder, folderStamp, memo);
    }
}
