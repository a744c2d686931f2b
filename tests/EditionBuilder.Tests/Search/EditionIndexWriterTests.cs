using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EditionBuilder.Search;
using EditionBuilder.Site;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The edition's own index format (docs/search.md, "The index format"): the exact bytes of a small index, chunks of at most 16 KiB that cover the terms in order, weights after BM25, records in path order.</summary>
public class EditionIndexWriterTests
{
    private static SearchRecord Page(string path, string html) => SearchRecord.Of(path, html);

    private static readonly SearchRecord Arabic = Page("a/1.html",
        "<!DOCTYPE html><html lang=\"ar\"><head><title>One</title></head><body><p>not indexed</p><main data-pagefind-body><h1 id=\"h\">المفاعلات</h1>"
        + "<p id=\"p-1\"><a class=\"para\" href=\"#p-1\">1.1</a> ايران  والمفاعلات<a role=\"doc-noteref\" href=\"#fn-1\">1</a></p></main></body></html>");

    private static readonly SearchRecord English = Page("b/2.html",
        "<!DOCTYPE html><html lang=\"en\"><head><title>Two</title></head><body><article data-pagefind-body><p>Iran &amp; sanctions</p></article></body></html>");

    private static string Text(IReadOnlyList<SiteFile> files, string path) => Encoding.UTF8.GetString(files.Single(f => f.Path == path).Bytes);

    [Fact]
    public void Given_two_small_pages_When_written_Then_the_index_is_byte_for_byte_the_formats()
    {
        var files = EditionIndexWriter.Write([Arabic, English]);

        Assert.Equal(["search/c/0.js", "search/f/0.js", "search/f/1.js", "search/index.js"], files.Select(f => f.Path));
        // avg = (3 + 2) / 2 tokens; مفاعل twice in 3 tokens: 151; once in 3: 107; once in 2: 126.
        Assert.Equal("EditionSearch.data(\"c/0\",{\"iran\":[1,126],\"sanctions\":[1,126],\"اير\":[0,107],\"مفاعل\":[0,151]});\n", Text(files, "search/c/0.js"));
        Assert.Equal("EditionSearch.data(\"f/0\",{\"u\":\"a/1.html\",\"l\":\"ar\",\"t\":\"المفاعلات\",\"a\":\"\",\"b\":[[\"h\",\"المفاعلات\"],[\"p-1\",\"ايران والمفاعلات\"]]});\n", Text(files, "search/f/0.js"));
        Assert.Equal("EditionSearch.data(\"f/1\",{\"u\":\"b/2.html\",\"l\":\"en\",\"t\":\"Two\",\"a\":\"\",\"b\":[[\"\",\"Iran & sanctions\"]]});\n", Text(files, "search/f/1.js"));
        var others = files.Where(f => f.Path != "search/index.js").SelectMany(f => f.Bytes).ToArray();
        var key = Convert.ToHexStringLower(SHA256.HashData(others))[..12];
        Assert.Equal($"EditionSearch.data(\"index\",{{\"v\":1,\"k\":\"{key}\",\"n\":2,\"c\":[\"iran\"]}});\n", Text(files, "search/index.js"));
    }

    [Theory]
    [InlineData(2, 3, 2.5, 151)]
    [InlineData(1, 3, 2.5, 107)]
    [InlineData(1, 2, 2.5, 126)]
    [InlineData(1, 100_000, 1, 1)] // clamped up to 1
    [InlineData(1_000_000, 10, 10, 255)] // at most 255
    public void Given_a_terms_count_and_the_pages_length_When_weighed_Then_it_is_BM25s_saturation_in_1_to_255(int count, int length, double average, int weight)
    {
        Assert.Equal(weight, EditionIndexWriter.Weight(count, length, average));
    }

    [Fact]
    public void Given_many_terms_When_written_Then_each_chunk_stays_within_16_KiB_and_holds_exactly_the_terms_of_its_range_in_order()
    {
        var words = Enumerable.Range(0, 3000).Select(i => $"w{i:D5}").ToList();
        var pages = Enumerable.Range(0, 5).Select(p => Page($"p/{p}.html",
            $"<html lang=\"en\"><body><main data-pagefind-body><p>{string.Join(' ', words.Where((_, i) => i % (p + 1) == 0))}</p></main></body></html>")).ToList();
        // One term that alone passes 16 KiB: a chunk of its own.
        var big = Enumerable.Range(0, 4000).Select(p => new SearchRecord($"q/{p:D4}.html", "en", "", "", [], [new TermCount("zzz", 1)], 1)).ToList();

        var files = EditionIndexWriter.Write([.. pages, .. big]);

        var manifest = Json(files.Single(f => f.Path == "search/index.js"));
        var firsts = manifest.GetProperty("c").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.True(firsts.Count > 3);
        var seen = new List<string>();
        for (var i = 0; i < firsts.Count; i++)
        {
            var file = files.Single(f => f.Path == $"search/c/{i}.js");
            var json = JsonBytes(file);
            var terms = Json(file).EnumerateObject().Select(t => t.Name).ToList();
            Assert.Equal(firsts[i], terms[0]);
            Assert.All(terms, t => Assert.True(i + 1 == firsts.Count || string.CompareOrdinal(t, firsts[i + 1]) < 0));
            Assert.True(json.Length <= EditionIndexWriter.ChunkBytes || terms.Count == 1, $"chunk {i}: {json.Length} bytes, {terms.Count} terms");
            seen.AddRange(terms);
        }

        Assert.Equal(words.Append("zzz").Order(StringComparer.Ordinal), seen);
        Assert.Equal(["zzz"], Json(files.Single(f => f.Path == $"search/c/{firsts.Count - 1}.js")).EnumerateObject().Select(t => t.Name));
        Assert.Equal(5 + 4000, manifest.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Given_postings_When_written_Then_pages_after_the_first_are_deltas()
    {
        var records = Enumerable.Range(0, 4).Select(p => new SearchRecord($"p/{p}.html", "en", "", "", [], p == 2 ? [] : [new TermCount("x", 1)], 1)).ToList();

        var chunk = Json(EditionIndexWriter.Write(records).Single(f => f.Path == "search/c/0.js"));

        // Pages 0, 1 and 3 hold x once in one token (the mean): weight round(255 / 2.2) = 116; pages 1 and 3 as deltas 1 and 2.
        Assert.Equal([0, 116, 1, 116, 2, 116], chunk.GetProperty("x").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Given_records_out_of_path_order_When_written_Then_it_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EditionIndexWriter.Write([English, Arabic]));
    }

    [Fact]
    public void Given_no_pages_When_written_Then_the_index_is_an_empty_manifest()
    {
        var files = EditionIndexWriter.Write([]);

        var file = Assert.Single(files);
        Assert.StartsWith("EditionSearch.data(\"index\",{\"v\":1,\"k\":\"e3b0c44298fc\",\"n\":0,\"c\":[]});", Encoding.UTF8.GetString(file.Bytes), StringComparison.Ordinal);
    }

    private static byte[] JsonBytes(SiteFile file)
    {
        var text = file.Bytes.AsSpan();
        var start = text.IndexOf((byte)',') + 1;
        Assert.EndsWith(");\n", Encoding.UTF8.GetString(file.Bytes), StringComparison.Ordinal);
        return text[start..^3].ToArray();
    }

    private static JsonElement Json(SiteFile file) => JsonDocument.Parse(JsonBytes(file)).RootElement.Clone();
}
