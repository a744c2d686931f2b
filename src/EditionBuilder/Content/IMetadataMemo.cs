using EditionBuilder.Files;

namespace EditionBuilder.Content;

/// <summary>
/// What the last builds read in article.yml files, by each file's path and stamp (size, times, inode): a file not written
/// since is not parsed again; and what they imported from article folders' sources, by the folder's stamp. Only a file that read without any diagnostic is remembered, so a warning is never lost.
/// The build cache keeps it (<c>Cache.BuildCache</c>, <c>Cache.MemoryBuildCache</c>).
/// </summary>
public interface IMetadataMemo
{
    /// <summary>The metadata read from the file at <paramref name="path"/> when it had this stamp, as a new object; null when unknown.</summary>
    ArticleMetadata? Recall(string path, PathStat stat);

    /// <summary>Remembers what the file at <paramref name="path"/> with this stamp said, read without any diagnostic.</summary>
    void Remember(string path, PathStat stat, ArticleMetadata metadata);

    /// <summary>What importing the source of the article folder at <paramref name="folder"/> gave when the folder had this stamp (<see cref="ArticleContent.FolderStamp"/>), as new objects; null when unknown.</summary>
    ImportMemo? RecallImport(string folder, string folderStamp);

    /// <summary>Remembers what importing an article folder's source gave, imported without any diagnostic.</summary>
    void RememberImport(string folder, string folderStamp, ImportMemo memo);
}
