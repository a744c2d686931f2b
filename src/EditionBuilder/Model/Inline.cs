namespace EditionBuilder.Model;

/// <summary>A piece of a paragraph: running text, formatting around other inlines, a link, a line break or a reference to a note.</summary>
public abstract record Inline;

/// <summary>The author's characters, exactly as written.</summary>
public sealed record TextRun(string Text) : Inline;

/// <summary>A forced line break inside a paragraph (Word's w:br, a note's source line end).</summary>
public sealed record LineBreak : Inline;

/// <summary>How <see cref="Styled"/> inlines look: emphasis (italic), strong (bold), superscript, subscript, struck through, underlined or in small capitals.</summary>
public enum TextStyle
{
    Emphasis,
    Strong,
    Superscript,
    Subscript,
    Strikethrough,
    Underline,
    SmallCaps,
}

/// <summary>Inlines shown in one style: italic, bold, raised or lowered.</summary>
public sealed record Styled(TextStyle Style, IReadOnlyList<Inline> Children) : Inline
{
    public bool Equals(Styled? other) => other is not null && Style == other.Style && Children.SequenceEqual(other.Children);

    public override int GetHashCode() => HashCode.Combine(Style, Children.Count);
}

/// <summary>A link to a web address (or a mail address) around its text.</summary>
public sealed record Link(string Url, IReadOnlyList<Inline> Children) : Inline
{
    public bool Equals(Link? other) => other is not null && Url == other.Url && Children.SequenceEqual(other.Children);

    public override int GetHashCode() => HashCode.Combine(Url, Children.Count);
}

/// <summary>A place in the text a link inside the edition can lead to (a Word bookmark): an id of ASCII letters, digits, '_' and '-', shown as nothing.</summary>
public sealed record Anchor(string Id) : Inline;

/// <summary>A reference to a footnote or an endnote by its ASCII id; the mark it shows belongs to the <see cref="Note"/>.</summary>
public sealed record NoteReference(NoteKind Kind, string Id) : Inline
{
    /// <summary>A reference to the footnote with the given original number (the text export's notes).</summary>
    public NoteReference(int number) : this(NoteKind.Footnote, number.ToString(System.Globalization.CultureInfo.InvariantCulture))
    {
    }

    public NoteKey Key => new(Kind, Id);
}
