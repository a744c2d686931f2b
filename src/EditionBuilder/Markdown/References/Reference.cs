using System.Globalization;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.References;

/// <summary>One entry of an article's reference list: its place in the list (from 1), its language and direction, the paragraph that holds it and its text without markup (for Google Scholar's <c>citation_reference</c>).</summary>
public sealed record Reference(int Number, string Lang, string Dir, ParagraphBlock Paragraph, string PlainText)
{
    /// <summary>The entry's id on every page and file that shows it (<c>ref-3</c>): JATS's <c>ref/@id</c> and the site's <c>li/@id</c>.</summary>
    public string Id => "ref-" + Number.ToString(CultureInfo.InvariantCulture);
}
