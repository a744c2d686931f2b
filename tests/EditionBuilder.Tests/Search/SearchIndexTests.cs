using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The search stage on the seed: one index per page language, only article text (notes included, apparatus left out), the same bytes every time, only the files the search page loads.</summary>
public class SearchIndexTests
{
    internal static IReadOnlyList<SiteFile> BuildSeed(PagefindTool tool)
    {
        var seed = SeedSite.Get();
        var diagnostics = new DiagnosticBag();
        var files = SiteBuild.InMemory(seed.Content, seed.Templates, BuildOptions.Uncompressed with { Search = tool }, diagnostics);
        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        return files!;
    }

    /// <summary>A fragment's JSON: Pagefind gzips it behind a 12-byte signature.</summary>
    private static JsonElement Fragment(SiteFile file)
    {
        using var gzip = new GZipStream(new MemoryStream(file.Bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        var bytes = plain.ToArray();
        Assert.Equal("pagefind_dcd", Encoding.ASCII.GetString(bytes, 0, 12));
        return JsonDocument.Parse(bytes.AsMemory(12)).RootElement.Clone();
    }

    // The author's words, without the normalized copies the index adds before some of them (the search page leaves them out too).
    private static string Authors(string text) => string.Join(' ', text.Split(' ').Where(w => !w.StartsWith(SearchDocument.CopyMark)));

    [SkippableFact]
    public void Given_the_seed_When_indexed_twice_Then_the_index_has_the_same_bytes_and_only_what_the_search_page_loads()
    {
        var tool = Tools.RequirePagefind();
        var first = BuildSeed(tool).Where(f => f.Path.StartsWith(SearchIndex.Folder, StringComparison.Ordinal)).ToList();
        var second = BuildSeed(tool).Where(f => f.Path.StartsWith(SearchIndex.Folder, StringComparison.Ordinal)).ToList();

        Assert.Equal(first.Select(f => (f.Path, FileStamp.Hash(f.Bytes))), second.Select(f => (f.Path, FileStamp.Hash(f.Bytes))));
        var names = first.Select(f => f.Path[SearchIndex.Folder.Length..]).ToList();
        Assert.Contains("pagefind.js", names);
        Assert.Contains("pagefind-entry.json", names);
        Assert.DoesNotContain(names, n => n.Contains("ui", StringComparison.Ordinal) || n.Contains("worker", StringComparison.Ordinal) || n.Contains("playground", StringComparison.Ordinal));
        Assert.Equal(["wasm.ar.pagefind", "wasm.en.pagefind", "wasm.fr.pagefind"], names.Where(n => n.StartsWith("wasm.", StringComparison.Ordinal)));
        var entry = JsonDocument.Parse(first.Single(f => f.Path.EndsWith("pagefind-entry.json", StringComparison.Ordinal)).Bytes).RootElement;
        Assert.Equal(PagefindTool.PinnedVersion, entry.GetProperty("version").GetString());
        Assert.Equal(10, entry.GetProperty("languages").GetProperty("ar").GetProperty("page_count").GetInt32());
        Assert.Equal(1, entry.GetProperty("languages").GetProperty("en").GetProperty("page_count").GetInt32());
        Assert.Equal(1, entry.GetProperty("languages").GetProperty("fr").GetProperty("page_count").GetInt32());
    }

    [SkippableFact]
    public void Given_a_chapter_When_indexed_Then_its_text_and_notes_are_searchable_without_paragraph_numbers_back_links_or_interface_text()
    {
        var tool = Tools.RequirePagefind();
        var fragments = BuildSeed(tool).Where(f => f.Path.Contains("/fragment/", StringComparison.Ordinal)).Select(Fragment).ToList();
        var chapter = fragments.Single(f => f.GetProperty("url").GetString() == "/russian-iranian-partnership/03-alml-la-bna-shraka-skrya.html");
        var content = Authors(chapter.GetProperty("content").GetString()!);

        Assert.StartsWith("العمل على بناء شراكة عسكرية. في الوقت الذي كانت فيه محادثات فيينا", content, StringComparison.Ordinal);
        Assert.Contains("\u2063علي", chapter.GetProperty("content").GetString()!, StringComparison.Ordinal);
        Assert.Contains("Jay Solomon", content, StringComparison.Ordinal); // note 11, indexed with its chapter
        foreach (var apparatus in new[] { "3.1", "↩", "نسخة مؤرشفة", "الهوامش", "انتقل إلى النص", "التالي" })
        {
            Assert.DoesNotContain(apparatus, content, StringComparison.Ordinal);
        }

        Assert.Equal("العمل على بناء شراكة عسكرية", Authors(chapter.GetProperty("meta").GetProperty("title").GetString()!));
        Assert.StartsWith("الشراكة الروسية", Authors(chapter.GetProperty("meta").GetProperty("article").GetString()!), StringComparison.Ordinal);
        var anchors = chapter.GetProperty("anchors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains("p-3-1", anchors);
        Assert.Contains("fn-11", anchors);

        var english = fragments.Single(f => f.GetProperty("url").GetString() == "/russian-iranian-partnership/en/index.html");
        Assert.Equal("en", english.GetProperty("meta").GetProperty("lang").GetString());
        Assert.DoesNotContain("Abstract ", english.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fragments, f => f.GetProperty("url").GetString()!.EndsWith("full.html", StringComparison.Ordinal));
    }
}
