namespace EditionBuilder.Markdown.Notes;

/// <summary>What the note renderers write, so themes change markup without code; the site takes every string from the theme (<c>Theme.NoteOptions</c>).</summary>
public sealed class NoteRenderOptions
{
    public string ReferenceClass { get; set; } = "noteref";

    public string NotesClass { get; set; } = "notes";

    /// <summary>The heading above a page's notes; empty for none.</summary>
    public string NotesHeading { get; set; } = string.Empty;

    /// <summary>The heading above a page's endnotes; empty for none.</summary>
    public string EndnotesHeading { get; set; } = string.Empty;

    /// <summary>The class added to the endnotes' section.</summary>
    public string EndnotesClass { get; set; } = "endnotes";

    /// <summary>The class of a note whose mark is not a plain number (*, ١, iv), and of the mark written before it.</summary>
    public string MarkedNoteClass { get; set; } = "marked";

    public string MarkClass { get; set; } = "note-mark";

    /// <summary>The text of a back-link.</summary>
    public string BackLinkText { get; set; } = "↩";

    /// <summary>The accessible name of a back-link; {0} is the note's mark.</summary>
    public string BackLinkLabel { get; set; } = "{0}";

    /// <summary>The text of the link to a cited address's archived copy.</summary>
    public string ArchivedCopyLabel { get; set; } = "archive";

    /// <summary>The direction of the notes list (docs/design.md, "The source format": notes render right-to-left, as printed).</summary>
    public string NotesDirection { get; set; } = "rtl";
}
