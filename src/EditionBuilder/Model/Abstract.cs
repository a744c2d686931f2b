namespace EditionBuilder.Model;

/// <summary>An abstract in one language (ISO 639-1 code): its title and paragraphs.</summary>
public sealed record Abstract(string Language, string Title, IReadOnlyList<string> Paragraphs, int SourceLine = 0)
{
    public bool Equals(Abstract? other) =>
        other is not null && Language == other.Language && Title == other.Title && Paragraphs.SequenceEqual(other.Paragraphs);

    public override int GetHashCode() => HashCode.Combine(Language, Title);

    private static readonly HashSet<string> GenericTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "abstract", "summary", "résumé", "resume", "ملخص", "الملخص", "ملخص البحث", "english abstract", "résumé en français",
    };

    /// <summary>True when the heading only says "Abstract" (Summary, Résumé, ملخص): it names the section, not the article, so it is no title of the article.</summary>
    public bool HasGenericTitle => IsGenericTitle(Title);

    /// <summary>True when a heading only names the section ("Abstract", "Résumé", "ملخص"), whatever file it comes from.</summary>
    public static bool IsGenericTitle(string title) => GenericTitles.Contains(title.Trim().TrimEnd(':', '.', ' '));
}
