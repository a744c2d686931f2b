using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Paragraphs;

/// <summary>The visible number of a body paragraph ("3.7"), first in the paragraph; its id is the paragraph's stable anchor (<c>p-3-7</c>).</summary>
public sealed class ParagraphNumberInline(string number, string id) : LeafInline
{
    public string Number { get; } = number;

    public string Id { get; } = id;
}
