using EditionBuilder.Content;
using EditionBuilder.Model;

namespace EditionBuilder.Markdown;

/// <summary>The Markdown half of an article folder (docs/design.md, "The content folder") as relative paths and their text.</summary>
public static class ArticleMarkdown
{
    public const string MetadataHeader = "Written by `edition import`. Fill in what the source does not say: empty fields are left out of the pages.";

    /// <summary>The files of an imported article: article.yml (<paramref name="metadataText"/> when given: the publisher's own, merged by <see cref="MetadataMerge"/>), the chapters and the abstracts (ar/abstract.md for the manuscript's ملخص).</summary>
    public static IReadOnlyList<(string Path, string Text)> Write(Article article, ArticleMetadata metadata, string? metadataText = null)
    {
        var files = new List<(string, string)> { ("article.yml", metadataText ?? MetadataYaml.Write(metadata, MetadataHeader)) };
        foreach (var chapter in article.Chapters)
        {
            files.Add(($"ar/{chapter.Slug}.md", ChapterWriter.Write(chapter)));
        }

        foreach (var summary in Abstracts(article))
        {
            files.Add(($"{summary.Language}/abstract.md", ChapterWriter.Write(summary)));
        }

        if (article.References is { } references) files.Add((ReferenceListWriter.Path, ReferenceListWriter.Write(references)));
        return files;
    }

    /// <summary>The article's media (its images) as paths of the article folder ("ar/media/image1.png") and their bytes.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Media(Article article) =>
        article.Media.Select(m => ("ar/" + m.Path, m.Bytes)).ToList();

    /// <summary>Every file of the article folder's Markdown half, media included, as bytes (text in UTF-8); <paramref name="metadataText"/> as in <see cref="Write"/>.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files(Article article, ArticleMetadata metadata, string? metadataText = null) =>
        Write(article, metadata, metadataText).Select(f => (f.Path, System.Text.Encoding.UTF8.GetBytes(f.Text))).Concat(Media(article)).ToList();

    /// <summary>Every abstract of the article by language: the opening's Arabic one (ملخص) and the source's English and French ones.</summary>
    public static IEnumerable<Abstract> Abstracts(Article article) =>
        (article.Opening.Abstract is { } arabic ? article.Abstracts.Prepend(arabic) : article.Abstracts)
            .GroupBy(a => a.Language, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(a => a.Language, StringComparer.Ordinal);

    /// <summary>An imported article's folder name: from its English (else French) title, else the source file's name.</summary>
    public static string SlugFor(Article article, string sourcePath)
    {
        var title = new[] { article.AbstractIn("en"), article.AbstractIn("fr") }.FirstOrDefault(a => a is { HasGenericTitle: false })?.Title;
        return Slug.From(title ?? Path.GetFileNameWithoutExtension(sourcePath), 40);
    }

    /// <summary>The metadata an import can know: the titles (Arabic from the manuscript's opening, English and French from the abstracts), subtitle, authors and keywords.</summary>
    public static ArticleMetadata MetadataFrom(Article article)
    {
        var front = article.Opening;
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = front.Title;
        foreach (var summary in article.Abstracts.OrderBy(a => a.Language, StringComparer.Ordinal))
        {
            metadata.Title[summary.Language] = summary.HasGenericTitle ? string.Empty : summary.Title;
        }

        if (front.Subtitle.Length > 0) metadata.Subtitle["ar"] = front.Subtitle;
        metadata.Authors = front.Authors.Select(a => new Author
        {
            Name = a.Name,
            Affiliations = a.Affiliations.Select(x => (LocalizedText)x).ToList(),
            Orcid = Identifiers.Orcid(a.Orcid, out _) ?? string.Empty,
            Email = Identifiers.IsEmail(a.Email) ? a.Email : string.Empty,
        }).ToList();
        foreach (var (language, words) in front.Keywords) metadata.Keywords[language] = words.ToList();
        return metadata;
    }
}
