namespace EditionBuilder.Epub;

/// <summary>What the package document says of the book, from article.yml and edition.yml.</summary>
/// <param name="Identifier">The unique identifier (urn:doi:… or urn:uuid:…).</param>
/// <param name="Title">The Arabic title.</param>
/// <param name="OtherTitles">The title in other languages (en, fr), as (language, title).</param>
/// <param name="Creators">The authors, in order.</param>
/// <param name="Languages">The languages of the content: ar first, then those of the abstracts.</param>
/// <param name="Date">dc:date (W3CDTF), empty for none.</param>
/// <param name="Publisher">dc:publisher, empty for none.</param>
/// <param name="Rights">dc:rights (the licence), empty for none.</param>
/// <param name="Modified">dcterms:modified.</param>
public sealed record EpubMetadata(
    string Identifier,
    string Title,
    IReadOnlyList<(string Lang, string Title)> OtherTitles,
    IReadOnlyList<string> Creators,
    IReadOnlyList<string> Languages,
    string Date,
    string Publisher,
    string Rights,
    DateTimeOffset Modified);
