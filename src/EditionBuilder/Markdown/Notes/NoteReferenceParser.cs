using Markdig.Helpers;
using Markdig.Parsers;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Parses <c>[^7]</c> and <c>[^en:iv]</c> in running text into a <see cref="NoteReferenceInline"/>.</summary>
public sealed class NoteReferenceParser : InlineParser
{
    public NoteReferenceParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice.Start;
        if (!NoteLabel.TryRead(ref slice, out var key)) return false;

        processor.Inline = new NoteReferenceInline
        {
            Key = key,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(slice.Start - 1)),
            Line = line,
            Column = column,
        };
        return true;
    }
}
