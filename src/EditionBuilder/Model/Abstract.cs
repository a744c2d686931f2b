namespace EditionBuilder.Model;

/// <summary>An abstract in one language (ISO 639-1 code): its title and paragraphs.</summary>
public sealed record Abstract(string Language, string Title, IReadOnlyList<string> Paragraphs, int SourceLine = 0)
{
    public bool Equals(Abstract? other) =>
        other is not null && Language == other.Language && Title == other.Title && Paragraphs.SequenceEqual(other.Paragraphs);

    public override int GetHashCode() => HashCode.Combine(Language, Title);
}
