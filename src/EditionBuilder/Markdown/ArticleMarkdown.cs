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

    /// <summary>The article's media (its images) as paths of the article folder ("ar/media/image1.png") and their bytes.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Media(Article article) =>
        article.Media.Select(m => ("ar/" + m.Path, m.Bytes)).ToList();

    /// <summary>Every file of the article folder's Markdown half, media included, as bytes (text in UTF-8).</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files(Article article, ArticleMetadata metadata) =>
        Write(article, metadata).Select(f => (f.Path, System.Text.Encoding.UTF8.GetBytes(f.Text))).Concat(Media(article)).ToList();

    /// <summary>An imported article's folder name: from its English (else French) title, else the source file's name.</summary>
    public static string SlugFor(Article article, string sourcePath)
    {
        var title = article.AbstractIn("en")?.Title ?? article.AbstractIn("fr")?.Title;
        return Slug.From(title ?? Path.GetFileNameWithoutExtension(sourcePath), 40);
    }

    /// <summary>The metadata an import can know: the abstracts' titles, and the title and authors the source gives before its first chapter.</summary>
    public static ArticleMetadata MetadataFrom(Article article)
    {
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = string.Empty;
        var front = article.Front;
        if (front.Title.Length > 0) metadata.Title[Import.LanguageGuesser.IsLatinDominant(front.Title) ? Import.LanguageGuesser.Guess(front.Title) ?? "en" : "ar"] = front.Title;
        foreach (var author in front.Authors) metadata.Authors.Add(author);
        foreach (var summary in article.Abstracts.OrderBy(a => a.Language, StringComparer.Ordinal))
        {
            metadata.Title[summary.Language] = summary.Title;
        }

        return metadata;
    }
}
