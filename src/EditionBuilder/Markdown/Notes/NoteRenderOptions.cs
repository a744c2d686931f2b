namespace EditionBuilder.Markdown.Notes;

/// <summary>What the note renderers write, so themes change markup without code.</summary>
public sealed class NoteRenderOptions
{
    public string ReferenceClass { get; set; } = "noteref";

    public string NotesClass { get; set; } = "notes";

    /// <summary>The heading above a page's notes; empty for none.</summary>
    public string NotesHeading { get; set; } = "الهوامش";

    /// <summary>The text of a back-link.</summary>
    public string BackLinkText { get; set; } = "↩";

    /// <summary>The accessible name of a back-link; {0} is the note number.</summary>
    public string BackLinkLabel { get; set; } = "العودة إلى موضع الإحالة {0}";

    /// <summary>The text of the link to a cited address's archived copy.</summary>
    public string ArchivedCopyLabel { get; set; } = "نسخة مؤرشفة";

    /// <summary>The direction of the notes list (DESIGN.md: notes render right-to-left, as printed).</summary>
    public string NotesDirection { get; set; } = "rtl";
}
