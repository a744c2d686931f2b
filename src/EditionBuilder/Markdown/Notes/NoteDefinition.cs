using EditionBuilder.Model;
using Markdig.Parsers;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>A note defined as <c>[^7]: …</c>, <c>[^en:iv]: …</c> or with its displayed mark <c>[^1]{١}: …</c>; the id never changes.</summary>
public sealed class NoteDefinition : ContainerBlock
{
    public NoteDefinition(BlockParser parser) : base(parser)
    {
    }

    public NoteKey Key { get; init; }

    /// <summary>The mark the author's document shows for this note: its id unless the definition says otherwise.</summary>
    public string Mark { get; init; } = string.Empty;

    /// <summary>The id read as a number; 0 when the id is not a number.</summary>
    public int Number => int.TryParse(Key.Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The references to this note in the same document, in reading order.</summary>
    public List<NoteReferenceInline> References { get; } = new();
}
