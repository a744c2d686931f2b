namespace EditionBuilder.Model;

/// <summary>One section of the article: its heading, paragraphs, and the notes it is the first to cite.</summary>
public sealed record Chapter(int Order, string Title, string Slug, IReadOnlyList<Paragraph> Paragraphs, IReadOnlyList<Note> Notes)
{
    public bool Equals(Chapter? other) =>
        other is not null && Order == other.Order && Title == other.Title && Slug == other.Slug
        && Paragraphs.SequenceEqual(other.Paragraphs) && Notes.SequenceEqual(other.Notes);

    public override int GetHashCode() => HashCode.Combine(Order, Title);
}
