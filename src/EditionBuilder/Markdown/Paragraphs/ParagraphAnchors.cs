using System.Globalization;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Paragraphs;

/// <summary>Stable ids <c>p-&lt;chapter&gt;-&lt;paragraph&gt;</c> for a chapter's body paragraphs and their visible numbers, so a scholar can cite and link "paragraph 3.7".</summary>
public static class ParagraphAnchors
{
    public static void Add(int chapter, MarkdownDocument document)
    {
        var order = chapter.ToString(CultureInfo.InvariantCulture);
        var paragraphs = document.OfType<ParagraphBlock>().ToList();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            var id = $"p-{order}-{position}";
            paragraphs[i].GetAttributes().Id = id;
            paragraphs[i].Inline?.FirstChild?.InsertBefore(new ParagraphNumberInline($"{order}.{position}", id));
        }
    }
}
