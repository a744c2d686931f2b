using EditionBuilder.Content;
using EditionBuilder.Model;

namespace EditionBuilder.Markdown;

/// <summary>The Markdown half of an article folder (DESIGN.md, "The content folder") as relative paths and their text.</summary>
public static class ArticleMarkdown
{
    public static IReadOnlyList<(string Path, string Text)> Write(Article article, ArticleMetadata metadata)
    {
        var files = new List<(string, string)>
        {
            ("article.yml", MetadataYaml.Write(metadata,
                "Written by `edition import`. Fill in what the source does not say: empty fields are left out of the pages.")),
        };
        foreach (var chapter in article.Chapters)
        {
            files.Add(($"ar/{chapter.Slug}.md", ChapterWriter.Write(chapter)));
        }

        foreach (var summary in article.Abstracts.OrderBy(a => a.Language, StringComparer.Ordinal))
        {
            files.Add(($"{summary.Language}/abstract.md", ChapterWriter.Write(summary)));
        }

        return files;
    }

    /// <summary>An imported article's folder name: from its English (else French) title, else the source file's name.</summary>
    public static string SlugFor(Article article, string sourcePath)
    {
        var title = article.AbstractIn("en")?.Title ?? article.AbstractIn("fr")?.Title;
        return Slug.From(title ?? Path.GetFileNameWithoutExtension(sourcePath), 40);
    }

    /// <summary>The metadata an import can know: the abstracts' titles.</summary>
    public static ArticleMetadata MetadataFrom(Article article)
    {
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = string.Empty;
        foreach (var summary in article.Abstracts.OrderBy(a => a.Language, StringComparer.Ordinal))
        {
            metadata.Title[summary.Language] = summary.Title;
        }

        return metadata;
    }
}
