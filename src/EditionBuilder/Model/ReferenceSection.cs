namespace EditionBuilder.Model;

/// <summary>The article's reference list as the source gives it: the heading the author wrote, its language, and one entry per reference in the source's order.</summary>
public sealed record ReferenceSection(string Title, string Language, IReadOnlyList<ReferenceEntry> Entries)
{
    /// <summary>How many note references of the source's list the import made text of its entries (a list holds no notes): the conservation check counts them as kept, their words still checked.</summary>
    public int NoteReferencesMadeText { get; init; }

    /// <summary>How many of the source's notes, cited only in the list, the import made text of its entries, and so wrote as no note.</summary>
    public int NotesMadeText { get; init; }

    public bool Equals(ReferenceSection? other) =>
        other is not null && Title == other.Title && Language == other.Language && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => HashCode.Combine(Title, Entries.Count);
}

/// <summary>One reference: its text with its formatting (emphasis, links) and its language ("ar", "en", "fr"…).</summary>
public sealed record ReferenceEntry(IReadOnlyList<Inline> Inlines, string Language)
{
    public bool Equals(ReferenceEntry? other) => other is not null && Language == other.Language && Inlines.SequenceEqual(other.Inlines);

    public override int GetHashCode() => HashCode.Combine(Language, Inlines.Count);
}
