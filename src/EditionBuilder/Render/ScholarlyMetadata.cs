using System.Text.Json;
using EditionBuilder.Content;

namespace EditionBuilder.Render;

/// <summary>The machine-readable description of an article page: Highwire Press citation_* tags, Dublin Core, Open Graph and JSON-LD, from article.yml only.</summary>
public static class ScholarlyMetadata
{
    private static readonly ScholarlyJson CompactJson = new(new JsonSerializerOptions(CitationFiles.Json) { WriteIndented = false });

    /// <summary>A meta tag: either name= (Highwire, Dublin Core) or property= (Open Graph).</summary>
    public sealed record MetaTag(string Name, string Property, string Content);

    public static IReadOnlyList<MetaTag> Tags(ArticleMetadata metadata, EditionMetadata edition, string? articleUrl, IReadOnlyDictionary<string, string> abstractUrls, string? fullTextUrl)
    {
        var tags = new List<MetaTag>();
        void Name(string name, string content) { if (content.Trim().Length > 0) tags.Add(new MetaTag(name, string.Empty, content.Trim())); }
        void Property(string property, string content) { if (content.Trim().Length > 0) tags.Add(new MetaTag(string.Empty, property, content.Trim())); }

        Name("citation_title", metadata.TitleIn("ar"));
        foreach (var author in metadata.Authors) Name("citation_author", author);
        Name("citation_journal_title", metadata.Journal);
        Name("citation_volume", metadata.Volume);
        Name("citation_issue", metadata.Issue);
        Name("citation_publication_date", metadata.Date.Replace('-', '/'));
        Name("citation_language", "ar");
        Name("citation_publisher", edition.Publisher);
        foreach (var (_, url) in abstractUrls.OrderBy(a => a.Key, StringComparer.Ordinal)) Name("citation_abstract_html_url", url);
        Name("citation_fulltext_html_url", fullTextUrl ?? string.Empty);

        Name("DC.title", metadata.TitleIn("ar"));
        foreach (var lang in new[] { "en", "fr" })
        {
            if (metadata.Title.TryGetValue(lang, out var t)) Name("DC.title.alternative", t);
        }

        foreach (var author in metadata.Authors) Name("DC.creator", author);
        Name("DC.language", "ar");
        Name("DC.date", metadata.Date);
        Name("DC.publisher", edition.Publisher);
        Name("DC.rights", metadata.Licence.Length > 0 ? metadata.Licence : edition.Licence);
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

        if (metadata.Authors.Count > 0) article["author"] = metadata.Authors.Select(a => new Dictionary<string, string> { ["@type"] = "Person", ["name"] = a.Trim() }).ToList();
        if (metadata.Date.Length > 0) article["datePublished"] = metadata.Date.Trim();
        if (metadata.Journal.Length > 0)
        {
            var journal = new Dictionary<string, object> { ["@type"] = "Periodical", ["name"] = metadata.Journal.Trim() };
            object partOf = journal;
            if (metadata.Volume.Length > 0) partOf = new Dictionary<string, object> { ["@type"] = "PublicationVolume", ["volumeNumber"] = metadata.Volume.Trim(), ["isPartOf"] = partOf };
            if (metadata.Issue.Length > 0) partOf = new Dictionary<string, object> { ["@type"] = "PublicationIssue", ["issueNumber"] = metadata.Issue.Trim(), ["isPartOf"] = partOf };
            article["isPartOf"] = partOf;
        }

        if (edition.Publisher.Length > 0) article["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = edition.Publisher };
        var licence = metadata.Licence.Length > 0 ? metadata.Licence : edition.Licence;
        if (licence.Length > 0) article["license"] = licence;
        if (articleUrl is not null) article["url"] = articleUrl;
        return JsonSerializer.Serialize(article, CompactJson.DictionaryStringObject);
    }
}
