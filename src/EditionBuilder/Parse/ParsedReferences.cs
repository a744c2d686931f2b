using EditionBuilder.Markdown.References;

namespace EditionBuilder.Parse;

/// <summary>An article's reference list parsed once (ar/references.md): the file as every writer renders it (its list items carry their ids, <c>lang</c> and <c>dir</c>) and its entries in order.</summary>
public sealed record ParsedReferences(ParsedChapter File, IReadOnlyList<Reference> Items)
{
    /// <summary>The slug the file's front matter gives, and so its page's name.</summary>
    public const string Slug = "references";

    /// <summary>The reference list's page in the article's folder.</summary>
    public const string PageName = Slug + ".html";

    /// <summary>The list's heading, as the file's front matter gives it ("المراجع").</summary>
    public string Title => File.FrontMatter.Title;

    public string Lang => File.FrontMatter.Lang;

    public string Dir => File.FrontMatter.Dir;
}
