using EditionBuilder.Content;
using EditionBuilder.Parse;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Exports;

/// <summary>What a registry export reads: the edition's metadata (and where edition.yml is, for positions) and every article parsed, for its abstracts.</summary>
public sealed record ExportInput(EditionMetadata Edition, string EditionPath, IReadOnlyList<ParsedArticle> Articles)
{
    /// <summary>The absolute address of an article's landing page; null without base_url.</summary>
    public string? ArticleUrl(ParsedArticle article) =>
        Edition.BaseUrl.Length > 0 ? Edition.BaseUrl.TrimEnd('/') + "/" + article.Slug + "/index.html" : null;

    /// <summary>An article's abstract in a language as plain paragraphs (empty without one).</summary>
    public static IReadOnlyList<string> AbstractIn(ParsedArticle article, string language) =>
        article.Abstracts.Where(a => a.FrontMatter.Lang == language)
            .SelectMany(a => a.Document.Descendants<ParagraphBlock>())
            .Select(PlainText).Where(p => p.Length > 0).ToList();

    private static string PlainText(ParagraphBlock paragraph) =>
        string.Concat(paragraph.Inline?.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            LineBreakInline => " ",
            CodeInline code => code.Content,
            _ => string.Empty,
        }) ?? []).Trim();
}
