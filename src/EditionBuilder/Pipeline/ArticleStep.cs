using System.Collections.Concurrent;
using System.Diagnostics;
using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Parse;
using EditionBuilder.Render;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Verify;
using EditionBuilder.Writers;

namespace EditionBuilder.Pipeline;

/// <summary>One article's way into the site: replayed from the cache when nothing it depends on changed; otherwise read, parsed, run through every article writer in the registry's order, and its files handed to <see cref="SiteFileStep"/>. Its cache entry is kept once the site's links are checked.</summary>
internal sealed class ArticleStep(BuildOptions options, ArticleParser parser, IReadOnlyList<IArticleWriter> writers, ArticleCacheKey keys, SiteFileStep files,
    CacheReplay? replay, BuildCounts counts, DiagnosticBag diagnostics)
{
    // Articles made in this build, cached only once the whole site's links are checked (see Remember).
    private readonly ConcurrentBag<(string Key, string Folder, BuildCache.ArticleEntry Entry)> _made = new();

    /// <summary>Where the links of the articles parsed in this build were written, for the link check's errors.</summary>
    public MarkdownLinkPlaces LinkPlaces { get; } = new();

    /// <summary>Resolves link addresses once per build, for the link check and for the articles' cache entries.</summary>
    public SiteVerifier.LinkResolver Resolutions { get; } = new();

    /// <summary>Puts the article's files in the site and returns its summary for the journal's index; null after an error (reported).</summary>
    public ArticleSummary? Run(ArticleContent article)
    {
        string? key = null;
        if (options.Cache is { } cache)
        {
            if (article.FolderStamp.Length > 0)
            {
                // An article folder whose files are as the last build found them (the walk's stamps) keeps its article key: its text is not
                // read again, nor its source imported.
                var stamp = keys.OfFolder(article);
                key = cache.ArticleKeyFor(stamp);
                if (key is null)
                {
                    if (ContentFolder.WithText(article, diagnostics) is not { } read) return null;
                    article = read;
                    key = keys.Of(article);
                    cache.RememberArticleKey(stamp, key);
                }
            }
            else
            {
                key = keys.Of(article);
            }

            if (cache.GetArticle(key) is { } cached && replay!.Replay(cached)) return cached.Summary;
        }

        // Read here, not at import: only the articles in flight hold their text.
        if (ContentFolder.WithText(article, diagnostics) is not { } withText) return null;
        article = withText;
        // What this article reports (also reported as usual): an article that warned is not cached, so its warnings come on every build.
        var own = new DiagnosticBag(diagnostics);
        var clock = Stopwatch.StartNew();
        var parsed = parser.Parse(article, own);
        counts.AddParse(clock.Elapsed);
        if (parsed is null) return null;
        LinkPlaces.Add(parsed);

        // The media first: a file the image rule refuses is the article's error, before any writer (the EPUB, the PDF) takes it in.
        var media = MediaFiles.Of(parsed.Content, own);
        if (own.ErrorCount > 0) return null;

        // The writers in their order, each given the downloads of those before it: the pages, last, offer them all with their sizes.
        var outputs = new List<ArticleOutput>(writers.Count);
        var downloads = new List<ArticleDownload>();
        foreach (var writer in writers)
        {
            if (counts.Tallies[writer.Name].Write(() => writer.Write(new ArticleWriterInput(parsed, media, downloads.ToList()), own)) is not { } output) return null;
            outputs.Add(output);
            downloads.AddRange(output.Downloads);
        }

        var summary = outputs.Select(o => o.Summary).LastOrDefault(s => s is not null)
            ?? throw new InvalidOperationException($"no writer made the summary of article {article.Slug}; the registry lacks the pages writer");
        counts.ArticleRendered();
        // An article's files go through minify, verify and compress side by side: an edit that remakes one article (a chapter, its full
        // text and its JATS file, each compressed with brotli 11) would otherwise leave the other cores idle. They are handed out one
        // at a time from the end, where the largest are (the downloads, the full text: the last writers' files come first), so those
        // two do not queue behind each other.
        var made = Enumerable.Reverse(outputs).SelectMany(o => o.Files).ToList();
        var cachedFiles = new BuildCache.CachedFile?[made.Count];
        Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, made.Count).Reverse(), EnumerablePartitionerOptions.NoBuffering), i => cachedFiles[i] = files.File(made[i]));
        if (key is not null && own.Items.Count == 0 && cachedFiles.All(f => f is not null)) _made.Add((key, article.Slug + "/", new BuildCache.ArticleEntry(summary, cachedFiles!)));
        return summary;
    }

    /// <summary>
    /// Caches the articles made in this build, now that the site's links are checked. Each page keeps only its relative links
    /// that leave its article: the others lead to the article's own files, which a replay brings back unchanged, or outside
    /// the site (judged by the address alone), so they were checked once and need not be again. That is what lets a
    /// one-chapter rebuild check the links that could have broken, not all.
    /// </summary>
    public void Remember()
    {
        if (options.Cache is not { } cache) return;
        Parallel.ForEach(_made, made =>
        {
            var (key, folder, entry) = made;
            var within = entry.Files.All(f => f.Path.StartsWith(folder, StringComparison.Ordinal));
            cache.PutArticle(key, within ? entry with { Files = entry.Files.Select(f => f with { Facts = LeavingLinksOnly(f.Path, f.Facts, folder) }).ToList() } : entry);
        });
    }

    private PageFacts? LeavingLinksOnly(string page, PageFacts? facts, string folder)
    {
        if (facts is null) return null;
        var leaving = facts.Links.Where(l => !SiteVerifier.StaysWithin(page, l, folder, Resolutions)).ToList();
        return facts with { Links = leaving, CheckedLinks = facts.CheckedLinks + facts.Links.Count - leaving.Count };
    }
}
