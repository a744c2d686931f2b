using System.Xml.Linq;
using EditionBuilder.Citations;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markup;
using EditionBuilder.Parse;

namespace EditionBuilder.Exports;

/// <summary><c>edition export doaj</c>: DOAJ's article XML (doajArticles.xsd), a <c>record</c> per article: language as ISO 639-2/B, ISSN and eISSN, date, volume, issue, pages, DOI, titles, authors with affiliations and ORCID, abstracts and keywords per language, and the full text's address under base_url. What DOAJ requires (base_url for the full text, a date, a title) is checked first.</summary>
public static class DoajArticles
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The edition's languages as ISO 639-2/B codes, DOAJ's.</summary>
    public static readonly IReadOnlyDictionary<string, string> LanguageCodes = new Dictionary<string, string>(StringComparer.Ordinal) { ["ar"] = "ara", ["en"] = "eng", ["fr"] = "fre" };

    /// <summary>The file's text; null when a required field is missing (each reported).</summary>
    public static string? Write(ExportInput input, DiagnosticBag diagnostics)
    {
        if (!Check(input, diagnostics)) return null;
        var records = new XElement("records",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "noNamespaceSchemaLocation", "https://doaj.org/static/doaj/doajArticles.xsd"),
            input.Articles.Select(a => Record(input, a)));
        return FeedXml.Write(new XDocument(records));
    }

    private static bool Check(ExportInput input, DiagnosticBag diagnostics)
    {
        var ok = true;
        void Missing(YamlPlaces at, string[] keys, string message)
        {
            var (line, column) = at.Of(keys);
            diagnostics.Error(DiagnosticCodes.DoajFieldMissing, at.Path, line, column, message);
            ok = false;
        }

        var places = YamlPlaces.Of(input.EditionPath);
        if (input.Edition.BaseUrl.Length == 0) Missing(places, ["base_url"], "DOAJ needs each article's full-text address: set base_url (base_url: https://example.org/journal/)");
        if (input.Articles.Any(a => Citation.JournalTitle(a.Metadata, input.Edition, "ar").Trim().Length == 0)) Missing(places, ["name"], "DOAJ needs the journal's title: give edition.yml a name");
        if (input.Articles.Count == 0) Missing(places, [], "the edition has no article to export");
        foreach (var article in input.Articles)
        {
            var at = YamlPlaces.Of(article.Content.MetadataPath);
            if (PublicationDate.Parse(article.Metadata.Date) is null) Missing(at, ["date"], "DOAJ needs the article's publication date: add date: YYYY-MM-DD");
            if (article.Metadata.TitleIn("ar").Length == 0) Missing(at, ["title"], "DOAJ needs the article's title");
        }

        return ok;
    }

    // The elements in doajArticles.xsd's order.
    private static XElement Record(ExportInput input, ParsedArticle article)
    {
        var edition = input.Edition;
        var metadata = article.Metadata;
        XElement? Optional(string name, string value) => value.Trim().Length > 0 ? new XElement(name, FeedXml.Text(value)) : null;
        var record = new XElement("record",
            new XElement("language", "ara"),
            Optional("publisher", edition.Publisher),
            new XElement("journalTitle", FeedXml.Text(Citation.JournalTitle(metadata, edition, "ar"))),
            Optional("issn", edition.IssnPrint),
            Optional("eissn", edition.IssnOnline),
            new XElement("publicationDate", PublicationDate.Parse(metadata.Date)!.Value.Iso),
            Optional("volume", metadata.Volume),
            Optional("issue", metadata.Issue),
            Optional("startPage", metadata.FirstPage),
            Optional("endPage", metadata.LastPage),
            Optional("doi", metadata.Doi),
            new XElement("publisherRecordId", article.Slug),
            new XElement("documentType", "article"));
        foreach (var language in Metadata.Languages)
        {
            var title = metadata.Title.GetValueOrDefault(language, string.Empty);
            if (title.Trim().Length > 0) record.Add(new XElement("title", new XAttribute("language", LanguageCodes[language]), FeedXml.Text(title)));
        }

        var authors = metadata.NamedAuthors.ToList();
        var affiliations = authors.SelectMany(a => a.Affiliations.Where(f => !f.IsEmpty)).Select(f => f.In("en")).Distinct(StringComparer.Ordinal).ToList();
        if (authors.Count > 0)
        {
            record.Add(new XElement("authors", authors.Select(author => new XElement("author",
                new XElement("name", FeedXml.Text(author.NameIn("en"))),
                Optional("email", author.Email),
                author.Affiliations.Where(f => !f.IsEmpty).Select(f => new XElement("affiliationId", affiliations.IndexOf(f.In("en")) + 1)),
                author.Orcid.Length > 0 ? new XElement("orcid_id", author.OrcidUrl) : null))));
        }

        if (affiliations.Count > 0)
        {
            record.Add(new XElement("affiliationsList", affiliations.Select((name, i) => new XElement("affiliationName", new XAttribute("affiliationId", i + 1), FeedXml.Text(name)))));
        }

        foreach (var language in Metadata.Languages)
        {
            var paragraphs = ExportInput.AbstractIn(article, language);
            if (paragraphs.Count > 0) record.Add(new XElement("abstract", new XAttribute("language", LanguageCodes[language]), FeedXml.Text(string.Join("\n\n", paragraphs))));
        }

        record.Add(new XElement("fullTextUrl", new XAttribute("format", "html"), input.ArticleUrl(article)));
        foreach (var language in Metadata.Languages)
        {
            var words = metadata.KeywordsIn(language);
            if (words.Count > 0) record.Add(new XElement("keywords", new XAttribute("language", LanguageCodes[language]), words.Select(w => new XElement("keyword", FeedXml.Text(w)))));
        }

        return record;
    }
}
