namespace EditionBuilder.Model;

/// <summary>What a manuscript's opening says of the article (title, subtitle, authors, the Arabic abstract) and the keywords of each language, as an importer recognized them; empty when the source has none.</summary>
public sealed record ArticleOpening(
    string Title,
    string Subtitle,
    IReadOnlyList<ManuscriptAuthor> Authors,
    Abstract? Abstract,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords)
{
    public static ArticleOpening Empty { get; } = new(string.Empty, string.Empty, [], null, new Dictionary<string, IReadOnlyList<string>>());

    public bool IsEmpty => Title.Length == 0 && Subtitle.Length == 0 && Authors.Count == 0 && Abstract is null && Keywords.Count == 0;

    public bool Equals(ArticleOpening? other) =>
        other is not null && Title == other.Title && Subtitle == other.Subtitle && Authors.SequenceEqual(other.Authors)
        && Equals(Abstract, other.Abstract)
        && Keywords.Count == other.Keywords.Count
        && Keywords.All(k => other.Keywords.TryGetValue(k.Key, out var words) && words.SequenceEqual(k.Value));

    public override int GetHashCode() => HashCode.Combine(Title, Authors.Count);
}

/// <summary>An author as a manuscript's opening names them: name, affiliations, ORCID iD and e-mail as written.</summary>
public sealed record ManuscriptAuthor(string Name, IReadOnlyList<string> Affiliations, string Orcid, string Email)
{
    public bool Equals(ManuscriptAuthor? other) =>
        other is not null && Name == other.Name && Affiliations.SequenceEqual(other.Affiliations) && Orcid == other.Orcid && Email == other.Email;

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
