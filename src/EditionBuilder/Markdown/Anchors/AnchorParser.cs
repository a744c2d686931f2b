using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Anchors;

/// <summary>
/// Reads an anchor, <c>[]{#id}</c> (pandoc's empty span with an id): the id is 1 to 64 ASCII letters, digits, '_' or
/// '-', starting with a letter. Anything else is left to the link parser; written text never reads as an anchor, since
/// the writer escapes every '[' and ']' of the author's text.
/// </summary>
public sealed class AnchorParser : InlineParser
{
    private const string Opening = "[]{#";
    private const int MaxLength = 64;

    public AnchorParser() => OpeningCharacters = ['['];

    /// <summary>The Markdown of an anchor.</summary>
    public static string Write(string id) => Opening + id + "}";

    /// <summary>True when the id may stand in an anchor (and an HTML id): 1 to 64 ASCII letters, digits, '_' or '-', starting with a letter.</summary>
    public static bool IsId(string id) =>
        id.Length is > 0 and <= MaxLength && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (start + Opening.Length > slice.End || string.CompareOrdinal(text, start, Opening, 0, Opening.Length) != 0) return false;
        var end = start + Opening.Length;
        while (end <= slice.End && end - start - Opening.Length <= MaxLength && text[end] != '}') end++;
        if (end > slice.End || text[end] != '}') return false;
        var id = text.Substring(start + Opening.Length, end - start - Opening.Length);
        if (!IsId(id)) return false;

        processor.Inline = new AnchorInline(id)
        {
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(end)),
            Line = line,
            Column = column,
        };
        slice.Start = end + 1;
        return true;
    }
}
