using Markdig.Parsers;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>The notes of one document, gathered at its end in the order they are defined.</summary>
public sealed class NoteGroup : ContainerBlock
{
    public NoteGroup(BlockParser parser) : base(parser)
    {
    }
}
