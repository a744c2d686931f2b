using System.Text.Json;
using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Output;
using EditionBuilder.Themes;
using EditionBuilder.Writers;

namespace EditionBuilder.Pipeline;

/// <summary>The cache keys of one build: of a file (its bytes under the build's options and theme) and of an article (everything its files depend on), and of an article folder by the walk's stamps.</summary>
internal sealed class ArticleCacheKey(EditionContent content, Theme theme, BuildOptions options, IReadOnlyList<IArticleWriter> writers)
{
    // Every page's head links the feed unless --no-feed: a page cached with the link must not serve a build without it.
    private string OptionsKey => field ??= $"{options.Minify}\0{(options.Compression is { } level ? Precompressor.Rule(level) : "none")}\0{(options.Search is null ? "no search" : "search by " + options.Search.Name)}\0{(options.WritersLeftOut.Contains("feed") ? "no feed" : "feed")}";

    private string EditionJson => field ??= JsonSerializer.Serialize(content.Edition, CacheJson.Default.EditionMetadata);

    /// <summary>A processed file's key: its path and bytes, the options that change what processing makes of them, and the theme.</summary>
    public string Of(Site.SiteFile file) => BuildCache.Key($"{file.Path}\0{OptionsKey}\0{theme.Fingerprint}", file);

    /// <summary>The key of an article folder whose files are as the walk found them (its stamp), under which the cache keeps the article's key.</summary>
    public string OfFolder(ArticleContent article) => BuildCache.Key([.. ContextParts(article), "folder", article.FolderStamp]);

    /// <summary>Everything an article's files depend on: its context, its metadata and its files.</summary>
    public string Of(ArticleContent article)
    {
        var parts = ContextParts(article);
        parts.Add(JsonSerializer.Serialize(article.Metadata, CacheJson.Default.ArticleMetadata));
        parts.AddRange(article.Chapters.Concat(article.Abstracts).SelectMany(f => new[] { f.Path, f.Text }));
        if (article.References is { } references) parts.AddRange(["references", references.Path, references.Text]);
        parts.AddRange(article.Media.SelectMany(m => new[] { m.Path, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(m.Read())) }));
        return BuildCache.Key([.. parts]);
    }

    // Everything an article's files depend on besides its own files: the templates, the options, the edition's metadata, whether it is a journal,
    // and which writers run with what context of theirs (SOURCE_DATE_EPOCH dates only the EPUBs of articles without a date).
    private List<string> ContextParts(ArticleContent article) =>
    [
        theme.Fingerprint, OptionsKey, content.IsJournal.ToString(),
        EditionJson, article.Slug,
        .. writers.Select(w => $"{w.Name}: {w.CacheContext(article.Metadata)}"),
    ];
}
