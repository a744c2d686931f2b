using EditionBuilder.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Safety;

/// <summary>Shows control and bidi-override characters as visible marks (<c>&lt;code&gt;U+202E&lt;/code&gt;</c>), so they can neither hide nor reorder the text around them.</summary>
public static class ControlCharacterMarker
{
    // The character a mark stands for, so writers that keep characters (JATS) can write it back.
    private static readonly object CharacterKey = new();

    /// <summary>The character a visible mark replaced, or null when the inline is no such mark.</summary>
    public static char? CharacterOf(Markdig.Syntax.Inlines.Inline inline) => inline.GetData(CharacterKey) as char?;

    public static void Mark(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            if (!ControlCharacters.Contains(literal.Content.AsSpan())) continue;
            var text = literal.Content.ToString();

            var pieces = new List<Markdig.Syntax.Inlines.Inline>();
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && !ControlCharacters.IsSuspicious(text[i])) continue;
                if (i > start) pieces.Add(new LiteralInline(text[start..i]));
                if (i < text.Length)
                {
                    var mark = new HtmlInline(ControlCharacters.VisibleHtml(text[i]));
                    mark.SetData(CharacterKey, text[i]);
                    pieces.Add(mark);
                }

                start = i + 1;
            }

            InlineEdits.ReplaceWith(literal, pieces);
        }
    }
}
