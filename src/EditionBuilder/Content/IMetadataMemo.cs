using EditionBuilder.Files;

namespace EditionBuilder.Content;

/// <summary>
/// What the last builds read in article.yml files, by each file's path and stamp (size, times, inode): a file not written
/// since is not parsed again. Only a file that read without any diagnostic is remembered, so a warning is never lost.
/// The build cache keeps it (<c>Pipeline.BuildCache</c>, <c>Pipeline.MemoryBuildCache</c>).
/// </summary>
public interface IMetadataMemo
{
    /// <summary>The metadata read from the file at <paramref name="path"/> when it had this stamp, as a new object; null when unknown.</summary>
    ArticleMetadata? Recall(string path, PathStat stat);

    /// <summary>Remembers what the file at <paramref name="path"/> with this stamp said, read without any diagnostic.</summary>
    void Remember(string path, PathStat stat, ArticleMetadata metadata);
}
