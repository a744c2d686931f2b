using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Parses <c>[^7]: …</c>, <c>[^en:iv]: …</c> and <c>[^1]{١}: …</c> at the start of a line (continued by indented lines) into a <see cref="NoteDefinition"/>, and links references to definitions.</summary>
public sealed class NoteDefinitionParser : BlockParser
{
    internal static readonly object GroupKey = typeof(NoteGroup);

    public NoteDefinitionParser()
    {
        OpeningCharacters = ['['];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent || processor.GetCurrentContainerOpened() is not (MarkdownDocument or NoteGroup)) return BlockState.None;

        var line = processor.Line;
        var startColumn = processor.Column;
        if (!NoteLabel.TryRead(ref line, out var key)) return BlockState.None;
        var mark = key.Id;
        if (line.CurrentChar == '{' && !NoteLabel.TryReadMark(ref line, out mark)) return BlockState.None;
        if (line.CurrentChar != ':') return BlockState.None;
        line.SkipChar();

        var consumed = line.Start - processor.Line.Start;
        processor.GoToColumn(startColumn + consumed);

        var definition = new NoteDefinition(this)
        {
            Key = key,
            Mark = mark,
            Line = processor.LineIndex,
            Column = startColumn,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        };

        if (processor.Document.GetData(GroupKey) is not NoteGroup group)
        {
            group = new NoteGroup(this);
            processor.Document.Add(group);
            processor.Document.SetData(GroupKey, group);
        }

        group.Add(definition);
        processor.NewBlocks.Push(definition);
        return BlockState.Continue;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var definition = (NoteDefinition)block;
        if (processor.CurrentBlock is null || processor.CurrentBlock.IsBreakable)
        {
            if (processor.IsBlankLine) return BlockState.ContinueDiscard;

            if (processor.Column == 0)
            {
                // A line at the margin ends the note: it is either the next note or ordinary text.
                processor.Close(definition);
                return TryOpen(processor);
            }
        }

        if (processor.IsCodeIndent) processor.GoToCodeIndent();
        return BlockState.Continue;
    }
}
