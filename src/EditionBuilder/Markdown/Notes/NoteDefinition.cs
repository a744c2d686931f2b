using Markdig.Parsers;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>A note defined as <c>[^N]: …</c>; N is the original note number and never changes.</summary>
public sealed class NoteDefinition : ContainerBlock
{
    public NoteDefinition(BlockParser parser) : base(parser)
    {
    }

    public int Number { get; init; }

    /// <summary>The references to this note in the same document, in reading order.</summary>
    public List<NoteReferenceInline> References { get; } = new();
}
