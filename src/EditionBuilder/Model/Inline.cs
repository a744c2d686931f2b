namespace EditionBuilder.Model;

/// <summary>A piece of a paragraph: running text or a reference to a note.</summary>
public abstract record Inline;

/// <summary>The author's characters, exactly as written.</summary>
public sealed record TextRun(string Text) : Inline;

/// <summary>A reference to the note with the given original number.</summary>
public sealed record NoteReference(int Number) : Inline;
