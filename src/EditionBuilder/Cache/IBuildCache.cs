using EditionBuilder.Output;

namespace EditionBuilder.Cache;

/// <summary>What an incremental build remembers between runs: processed pages by content key, each article's files by its key, the article key of unchanged files by their sizes and times, and the last site's stamps. <see cref="BuildCache"/> keeps them on disk for <c>edition build</c>; <see cref="MemoryBuildCache"/> in memory for <c>edition serve</c>.</summary>
public interface IBuildCache : Content.IMetadataMemo
{
    BuildCache.Page? GetPage(string key);

    void PutPage(string key, BuildCache.Page page);

    BuildCache.Article? GetArticle(string key);

    void PutArticle(string key, BuildCache.Article article);

    /// <summary>Keeps a page entry through <see cref="Finish"/> without reading it (its page was linked from the last good site).</summary>
    void Keep(string key);

    /// <summary>The article key last computed for the article files with these sizes and times; null when unknown.</summary>
    string? ArticleKeyFor(string stampKey);

    void RememberArticleKey(string stampKey, string articleKey);

    /// <summary>The last good site's files as the previous build left them; empty when unknown.</summary>
    IReadOnlyDictionary<string, FileStamp> LastOutput();

    /// <summary>Remembers the site just swapped in, for the next build's quick check.</summary>
    void RememberOutput(IReadOnlyDictionary<string, FileStamp> files);

    /// <summary>The build succeeded: keeps what it made and used, and forgets the entries it did not use, so the cache holds about one build's worth.</summary>
    void Finish();
}
