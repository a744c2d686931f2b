using System.Text.Json;
using EditionBuilder.Content;

namespace EditionBuilder.Citations;

/// <summary>The machine-readable description of an article page: Highwire Press citation_* tags, Dublin Core, Open Graph and JSON-LD, from article.yml only.</summary>
public static class ScholarlyMetadata
{
    private static readonly ScholarlyJson CompactJson = new(new JsonSerializerOptions(CitationFiles.Json) { WriteIndented = false });

    /// <summary>A meta tag: either name= (Highwire, Dublin Core) or property= (Open Graph).</summary>
    public sealed record MetaTag(string Name, string Property, string Content);

    /// <param name="references">The article's references as plain text, each a <c>citation_reference</c> tag (Google Scholar's way of reading a reference list); none by default.</param>
    /// <param name="pdfUrl">The article's PDF, when a writer made one (<c>citation_pdf_url</c>).</param>
    public static IReadOnlyList<MetaTag> Tags(ArticleMetadata metadata, EditionMetadata edition, string? articleUrl, IReadOnlyDictionary<string, string> abstractUrls, string? fullTextUrl, IReadOnlyList<string>? references = null, string? pdfUrl = null)
    {
        var tags = new List<MetaTag>();
        void Name(string name, string content) { if (content.Trim().Length > 0) tags.Add(new MetaTag(name, string.Empty, content.Trim())); }
        void Property(string property, string content) { if (content.Trim().Length > 0) tags.Add(new MetaTag(string.Empty, property, content.Trim())); }

        Name("citation_title", metadata.TitleIn("ar"));
        foreach (var author in metadata.NamedAuthors)
        {
            // Each author is followed by its institutions, the order Google Scholar reads them in.
            Name("citation_author", author.NameIn("ar"));
            foreach (var affiliation in author.Affiliations) Name("citation_author_institution", affiliation.In("ar"));
            if (author.Orcid.Length > 0) Name("citation_author_orcid", author.OrcidUrl);
        }

        Name("citation_journal_title", Citation.JournalTitle(metadata, edition));
        foreach (var issn in edition.Issns) Name("citation_issn", issn);
        Name("citation_volume", metadata.Volume);
        Name("citation_issue", metadata.Issue);
        Name("citation_firstpage", metadata.FirstPage);
        Name("citation_lastpage", metadata.LastPage);
        Name("citation_doi", metadata.Doi);
        var date = PublicationDate.Parse(metadata.Date);
        Name("citation_publication_date", date is { } d ? string.Join('/', d.Parts.Select(p => p.ToString(p > 31 ? "D4" : "D2", System.Globalization.CultureInfo.InvariantCulture))) : string.Empty);
        foreach (var keyword in Metadata.Languages.SelectMany(metadata.KeywordsIn).Distinct(StringComparer.Ordinal)) Name("citation_keywords", keyword);
        Name("citation_language", "ar");
        Name("citation_publisher", edition.Publisher);
        foreach (var (_, url) in abstractUrls.OrderBy(a => a.Key, StringComparer.Ordinal)) Name("citation_abstract_html_url", url);
        Name("citation_fulltext_html_url", fullTextUrl ?? string.Empty);
        Name("citation_pdf_url", pdfUrl ?? string.Empty);
        foreach (var reference in references ?? []) Name("citation_reference", reference);

        Name("DC.title", metadata.TitleIn("ar"));
        foreach (var lang in new[] { "en", "fr" })
        {
            if (metadata.Title.TryGetValue(lang, out var t)) Name("DC.title.alternative", t);
        }

        foreach (var author in metadata.NamedAuthors) Name("DC.creator", author.NameIn("ar"));
        Name("DC.language", "ar");
        Name("DC.date", date?.Iso ?? string.Empty);
        if (metadata.Doi.Length > 0) Name("DC.identifier", "doi:" + metadata.Doi);
        Name("DC.publisher", edition.Publisher);
        Name("DC.rights", Citation.LicenceOf(metadata, edition)?.Url ?? string.Empty);
        Name("DC.type", "Text");

        Property("og:type", "article");
        Property("og:title", metadata.TitleIn("ar"));
        Property("og:site_name", edition.NameIn("ar"));
        Property("og:locale", "ar");
        foreach (var lang in abstractUrls.Keys.Order(StringComparer.Ordinal)) Property("og:locale:alternate", lang);
        Property("og:url", articleUrl ?? string.Empty);
        return tags;
    }

    /// <summary>A schema.org ScholarlyArticle; its JSON escapes &lt; and &gt;, so it cannot close its script element.</summary>
    public static string JsonLd(ArticleMetadata metadata, EditionMetadata edition, IReadOnlyList<(string Lang, string Title, string Text)> abstracts, string? articleUrl)
    {
        var article = new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ScholarlyArticle",
            ["headline"] = metadata.TitleIn("ar"),
            ["name"] = metadata.TitleIn("ar"),
            ["inLanguage"] = "ar",
        };
        var alternates = new[] { "en", "fr" }
            .Where(l => metadata.Title.TryGetValue(l, out var t) && t.Trim().Length > 0)
            .Select(l => new Dictionary<string, string> { ["@value"] = metadata.Title[l].Trim(), ["@language"] = l })
            .ToList();
        if (alternates.Count > 0) article["alternativeHeadline"] = alternates;
        if (abstracts.Count > 0)
        {
            article["abstract"] = abstracts.Select(a => new Dictionary<string, string> { ["@value"] = a.Text, ["@language"] = a.Lang }).ToList();
        }

        var authors = metadata.NamedAuthors.Select(Person).ToList();
        if (authors.Count > 0) article["author"] = authors;
        if (PublicationDate.Parse(metadata.Date) is { } date) article["datePublished"] = date.Iso;
        var keywords = Metadata.Languages.SelectMany(metadata.KeywordsIn).Distinct(StringComparer.Ordinal).ToList();
        if (keywords.Count > 0) article["keywords"] = keywords;
        if (metadata.FirstPage.Length > 0) article["pageStart"] = metadata.FirstPage;
        if (metadata.LastPage.Length > 0) article["pageEnd"] = metadata.LastPage;
        if (metadata.Doi.Length > 0)
        {
            article["identifier"] = new Dictionary<string, object> { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = metadata.Doi };
            article["sameAs"] = Citation.DoiUrl(metadata.Doi);
        }

        var journalTitle = Citation.JournalTitle(metadata, edition);
        if (journalTitle.Length > 0)
        {
            var journal = new Dictionary<string, object> { ["@type"] = "Periodical", ["name"] = journalTitle };
            var issns = edition.Issns.ToList();
            if (issns.Count > 0) journal["issn"] = issns;
            object partOf = journal;
            if (metadata.Volume.Length > 0) partOf = new Dictionary<string, object> { ["@type"] = "PublicationVolume", ["volumeNumber"] = metadata.Volume.Trim(), ["isPartOf"] = partOf };
            if (metadata.Issue.Length > 0) partOf = new Dictionary<string, object> { ["@type"] = "PublicationIssue", ["issueNumber"] = metadata.Issue.Trim(), ["isPartOf"] = partOf };
            article["isPartOf"] = partOf;
        }

        if (edition.Publisher.Length > 0) article["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = edition.Publisher };
        if (Citation.LicenceOf(metadata, edition) is { } licence) article["license"] = licence.Url;
        if (articleUrl is not null) article["url"] = articleUrl;
        return JsonSerializer.Serialize(article, CompactJson.DictionaryStringObject);
    }

    // A schema.org Person: the name (Arabic where given), each affiliation an Organization, the ORCID iD as sameAs.
    private static Dictionary<string, object> Person(Author author)
    {
        var person = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = author.NameIn("ar").Trim() };
        var affiliations = author.Affiliations.Select(a => a.In("ar").Trim()).Where(a => a.Length > 0)
            .Select(a => new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = a }).ToList();
        if (affiliations.Count > 0) person["affiliation"] = affiliations;
        if (author.Orcid.Length > 0) person["sameAs"] = author.OrcidUrl;
        return person;
    }
}
