using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>A paragraph that holds images and nothing else (white space aside): a figure's content, as the JATS and PDF writers read it.</summary>
public static class ImageParagraph
{
    /// <summary>The images of such a paragraph, else null.</summary>
    public static List<LinkInline>? ImagesOnly(Block block)
    {
        if (block is not ParagraphBlock { Inline: { } inlines }) return null;
        var images = new List<LinkInline>();
        foreach (var inline in inlines)
        {
            if (inline is LinkInline { IsImage: true } image) images.Add(image);
            else if (inline is not LineBreakInline && !(inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())) return null;
        }

        return images.Count > 0 ? images : null;
    }
}
