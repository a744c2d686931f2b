using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Anchors;

/// <summary>A place a link inside the edition leads to (<c>[]{#id}</c>, a Word bookmark); it shows nothing.</summary>
public sealed class AnchorInline(string id) : LeafInline
{
    public string Id { get; } = id;
}
