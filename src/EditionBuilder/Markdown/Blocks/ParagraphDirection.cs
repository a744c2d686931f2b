using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>A paragraph written in another direction than its chapter starts with <c>{dir=ltr} </c> (or <c>{dir=rtl} </c>); the marker becomes the paragraph's <c>dir</c> attribute.</summary>
public static class ParagraphDirection
{
    public const string LeftToRight = "{dir=ltr} ";
    public const string RightToLeft = "{dir=rtl} ";

    private static readonly object DirectionKey = new();

    /// <summary>"ltr" or "rtl" when the paragraph said so, else null.</summary>
    public static string? Of(ParagraphBlock paragraph) => paragraph.GetData(DirectionKey) as string;

    public static void Apply(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline?.FirstChild is not LiteralInline { IsFirstCharacterEscaped: false } literal) continue;
            var content = literal.Content;
            var text = content.AsSpan();
            var direction = text.StartsWith(LeftToRight, StringComparison.Ordinal) ? "ltr"
                : text.StartsWith(RightToLeft, StringComparison.Ordinal) ? "rtl" : null;
            if (direction is null) continue;
            content.Start += LeftToRight.Length;
            if (content.Length <= 0) literal.Remove();
            else literal.Content = content;
            paragraph.SetData(DirectionKey, direction);
            paragraph.GetAttributes().AddPropertyIfNotExist("dir", direction);
        }
    }
}
