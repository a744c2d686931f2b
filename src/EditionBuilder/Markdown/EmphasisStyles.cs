using EditionBuilder.Model;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown;

/// <summary>What an emphasis of the chapter format means, for every reader and writer alike: <c>*x*</c> emphasis, <c>**x**</c> strong, <c>^x^</c> raised, <c>~x~</c> lowered, <c>~~x~~</c> struck through, <c>++x++</c> underlined, <c>%%x%%</c> small capitals.</summary>
public static class EmphasisStyles
{
    /// <summary>The style of an emphasis; null for a delimiter run the format gives no meaning.</summary>
    public static TextStyle? Of(EmphasisInline emphasis) => (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
    {
        ('*' or '_', 1) => TextStyle.Emphasis,
        ('*' or '_', 2) => TextStyle.Strong,
        ('^', 1) => TextStyle.Superscript,
        ('~', 1) => TextStyle.Subscript,
        ('~', 2) => TextStyle.Strikethrough,
        ('+', 2) => TextStyle.Underline,
        ('%', 2) => TextStyle.SmallCaps,
        _ => null,
    };
}
