namespace EditionBuilder.Content;

/// <summary>An author of article.yml: a name (per script if given), its split into surname and given names when given, affiliations, ORCID iD and e-mail; written as a plain name or as <c>{ name, surname, given_names, affiliation, orcid, email }</c>.</summary>
public sealed class Author
{
    public LocalizedText Name { get; set; } = new();

    /// <summary>The family name (per script if given), for registries and JATS that want the name split; empty when not given.</summary>
    public LocalizedText Surname { get; set; } = new();

    /// <summary>The given names (per script if given), with <see cref="Surname"/>.</summary>
    public LocalizedText GivenNames { get; set; } = new();

    public List<LocalizedText> Affiliations { get; set; } = new();

    /// <summary>The bare ORCID iD (0000-0002-1825-0097), checked.</summary>
    public string Orcid { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string NameIn(string language) => Name.In(language);

    /// <summary>https://orcid.org/… or "" without an ORCID iD.</summary>
    public string OrcidUrl => Orcid.Length > 0 ? "https://orcid.org/" + Orcid : string.Empty;

    public static implicit operator Author(string name) => new() { Name = name };
}
