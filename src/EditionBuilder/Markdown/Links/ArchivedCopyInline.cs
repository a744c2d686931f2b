using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Links;

/// <summary>A link to the archived copy of a web address a note cites, placed after the address; its text is the theme's (e.g. "نسخة مؤرشفة").</summary>
public sealed class ArchivedCopyInline(string url) : LeafInline
{
    /// <summary>The address of the copy in the Internet Archive.</summary>
    public string Url { get; } = url;
}
