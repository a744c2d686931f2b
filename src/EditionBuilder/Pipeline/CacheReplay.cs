using EditionBuilder.Cache;
using EditionBuilder.Output;

namespace EditionBuilder.Pipeline;

/// <summary>Brings a cached article's files (or a search shard's) back into the site without making them again.</summary>
internal sealed class CacheReplay(ISiteSink sink, IBuildCache cache, SiteFileStep files)
{
    /// <summary>
    /// An unchanged file whose copies the last good site still holds is linked from it without being read; any other is taken
    /// from the cache. Nothing is counted until the whole entry is in, so a miss halfway makes the article again cleanly (its
    /// files are then written over the ones already linked). False on a miss.
    /// </summary>
    public bool Replay(BuildCache.ArticleEntry article)
    {
        var emitted = new List<Emitted>();
        foreach (var file in article.Files)
        {
            var isPage = file.Path.EndsWith(".html", StringComparison.Ordinal);
            if (isPage && file.Facts is null) return false;
            if (!file.Path.EndsWith(".css", StringComparison.Ordinal) && file.Outputs.Count > 0
                && file.Outputs.All(o => sink.TryLinkUnchanged(o.Path, o.Length, o.Sha256)))
            {
                cache.Keep(file.Key);
                emitted.Add(new Emitted(file.Path, file.Outputs, file.Facts, null, Reused: true, file.Key));
                continue;
            }

            if (cache.GetPage(file.Key) is not { } page || (isPage && page.Facts is null)) return false;
            emitted.Add(files.Write(file.Path, page, reused: true, file.Key));
        }

        foreach (var file in emitted) files.Record(file);
        return true;
    }
}
