using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using EditionBuilder.Citations;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markup;
using EditionBuilder.Parse;

namespace EditionBuilder.Exports;

/// <summary><c>edition export crossref</c>: a Crossref deposit (schema 5.3.1) registering every article's DOI: <c>head</c> from edition.yml's crossref block, one <c>journal</c> per issue with the journal's titles and ISSNs, a <c>journal_article</c> per article with its titles, contributors (names split, ORCID, affiliations), abstracts, date, pages, licence, <c>doi_data</c> pointing at its page under base_url, and its reference list as <c>citation_list</c>. What Crossref requires is checked first, each missing field an error where it belongs.</summary>
public static class CrossrefDeposit
{
    public const string SchemaVersion = "5.3.1";

    private static readonly XNamespace Cr = "http://www.crossref.org/schema/5.3.1";
    private static readonly XNamespace Jats = "http://www.ncbi.nlm.nih.gov/JATS1";
    private static readonly XNamespace Ai = "http://www.crossref.org/AccessIndicators.xsd";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The deposit's text; null when a required field is missing (each reported).</summary>
    /// <param name="batchId">The batch id to use instead of the one derived from the deposit's content.</param>
    /// <param name="timestamp">The timestamp to use instead of the one derived from the articles' dates (Crossref takes a deposit only when its timestamp is above the last one's).</param>
    public static string? Write(ExportInput input, DiagnosticBag diagnostics, string? batchId = null, long? timestamp = null)
    {
        if (!Check(input, diagnostics)) return null;
        var edition = input.Edition;
        var body = new XElement(Cr + "body",
            input.Articles
                .GroupBy(a => (a.Metadata.Volume.Trim(), a.Metadata.Issue.Trim()))
                .Select(issue => Journal(input, issue.OrderBy(a => FirstPage(a)).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList())));
        var bodyText = body.ToString(SaveOptions.DisableFormatting);
        // The same articles give the same batch id and timestamp, so a rebuild gives the same bytes.
        var id = batchId ?? "edition-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bodyText)))[..20];
        var stamp = timestamp ?? DerivedTimestamp(input);
        var batch = new XElement(Cr + "doi_batch",
            new XAttribute("version", SchemaVersion),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(XNamespace.Xmlns + "jats", Jats),
            new XAttribute(XNamespace.Xmlns + "ai", Ai),
            new XAttribute(Xsi + "schemaLocation", $"http://www.crossref.org/schema/{SchemaVersion} https://www.crossref.org/schemas/crossref{SchemaVersion}.xsd"),
            new XElement(Cr + "head",
                new XElement(Cr + "doi_batch_id", id),
                new XElement(Cr + "timestamp", stamp.ToString(CultureInfo.InvariantCulture)),
                new XElement(Cr + "depositor",
                    new XElement(Cr + "depositor_name", FeedXml.Text(edition.Crossref.Depositor)),
                    new XElement(Cr + "email_address", edition.Crossref.Email)),
                new XElement(Cr + "registrant", FeedXml.Text(edition.Crossref.Registrant))),
            body);
        return FeedXml.Write(new XDocument(batch));
    }

    /// <summary>The newest article date as YYYYMMDD000000: the same on every export of the same articles; pass --timestamp to deposit a correction.</summary>
    public static long DerivedTimestamp(ExportInput input)
    {
        var newest = input.Articles.Select(a => PublicationDate.Parse(a.Metadata.Date)).OfType<PublicationDate>().Max(d => FeedXml.Day(d))!;
        return long.Parse(newest.Replace("-", string.Empty, StringComparison.Ordinal) + "000000", CultureInfo.InvariantCulture);
    }

    // Everything Crossref refuses a deposit without, each at the line that should give it.
    private static bool Check(ExportInput input, DiagnosticBag diagnostics)
    {
        var edition = input.Edition;
        var places = YamlPlaces.Of(input.EditionPath);
        var ok = true;
        void Missing(YamlPlaces at, string[] keys, string message)
        {
            var (line, column) = at.Of(keys);
            diagnostics.Error(DiagnosticCodes.CrossrefFieldMissing, at.Path, line, column, message);
            ok = false;
        }

        if (edition.BaseUrl.Length == 0) Missing(places, ["base_url"], "Crossref needs base_url: each DOI resolves to the article's page under it (base_url: https://example.org/journal/)");
        if (edition.Crossref.Depositor.Length == 0) Missing(places, ["crossref", "depositor"], "Crossref needs the depositor's name: add crossref: { depositor: … } to edition.yml");
        if (edition.Crossref.Email.Length == 0) Missing(places, ["crossref", "email"], "Crossref needs the depositor's e-mail, where it reports the deposit's outcome: add crossref: { email: … }");
        if (edition.Crossref.Registrant.Length == 0) Missing(places, ["crossref", "registrant"], "Crossref needs the registrant, the member that owns the DOIs: add crossref: { registrant: … }");
        if (input.Articles.Any(a => JournalTitle(a.Metadata, edition).Length == 0)) Missing(places, ["name"], "Crossref needs the journal's title: give edition.yml a name");
        if (input.Articles.Count == 0) Missing(places, [], "the edition has no article to deposit");
        foreach (var article in input.Articles)
        {
            var at = YamlPlaces.Of(article.Content.MetadataPath);
            if (article.Metadata.Doi.Length == 0) Missing(at, ["doi"], "Crossref registers a DOI: give this article doi: 10.…/…");
            if (PublicationDate.Parse(article.Metadata.Date) is null) Missing(at, ["date"], "Crossref needs the article's publication date: add date: YYYY-MM-DD");
            if (article.Metadata.TitleIn("ar").Length == 0) Missing(at, ["title"], "Crossref needs the article's title");
        }

        return ok;
    }

    private static string JournalTitle(ArticleMetadata metadata, EditionMetadata edition) => Citation.JournalTitle(metadata, edition, "ar").Trim();

    private static long FirstPage(ParsedArticle article) =>
        long.TryParse(article.Metadata.FirstPage, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : long.MaxValue;

    // journal: journal_metadata, journal_issue (when the articles name a volume or issue), journal_article+.
    private static XElement Journal(ExportInput input, IReadOnlyList<ParsedArticle> articles)
    {
        var edition = input.Edition;
        var first = articles[0].Metadata;
        var metadata = new XElement(Cr + "journal_metadata", new XAttribute("language", "ar"),
            new XElement(Cr + "full_title", FeedXml.Text(JournalTitle(first, edition))));
        var english = edition.Name.GetValueOrDefault("en", string.Empty).Trim();
        if (first.Journal.Trim().Length == 0 && english.Length > 0) metadata.Add(new XElement(Cr + "full_title", FeedXml.Text(english)));
        if (edition.IssnPrint.Length > 0) metadata.Add(new XElement(Cr + "issn", new XAttribute("media_type", "print"), edition.IssnPrint));
        if (edition.IssnOnline.Length > 0) metadata.Add(new XElement(Cr + "issn", new XAttribute("media_type", "electronic"), edition.IssnOnline));
        var journal = new XElement(Cr + "journal", metadata);
        var (volume, issueNumber) = (first.Volume.Trim(), first.Issue.Trim());
        if (volume.Length > 0 || issueNumber.Length > 0)
        {
            // The issue's date is its newest article's.
            var date = articles.Select(a => PublicationDate.Parse(a.Metadata.Date)!.Value).MaxBy(d => FeedXml.Day(d));
            var issue = new XElement(Cr + "journal_issue", PublicationDateElement(date));
            if (volume.Length > 0) issue.Add(new XElement(Cr + "journal_volume", new XElement(Cr + "volume", FeedXml.Text(volume))));
            if (issueNumber.Length > 0) issue.Add(new XElement(Cr + "issue", FeedXml.Text(issueNumber)));
            journal.Add(issue);
        }

        journal.Add(articles.Select(a => Article(input, a)));
        return journal;
    }

    private static XElement Article(ExportInput input, ParsedArticle article)
    {
        var metadata = article.Metadata;
        var element = new XElement(Cr + "journal_article", new XAttribute("publication_type", "full_text"), new XAttribute("language", "ar"));
        var arabic = metadata.TitleIn("ar");
        element.Add(new XElement(Cr + "titles", new XElement(Cr + "title", FeedXml.Text(arabic)), Subtitle(metadata, "ar")));
        // Each translated title as a title of its own, the Arabic one as the original it translates.
        foreach (var language in new[] { "en", "fr" })
        {
            var title = metadata.Title.GetValueOrDefault(language, string.Empty).Trim();
            if (title.Length == 0 || title == arabic) continue;
            element.Add(new XElement(Cr + "titles", new XElement(Cr + "title", FeedXml.Text(title)), Subtitle(metadata, language),
                new XElement(Cr + "original_language_title", new XAttribute("language", "ar"), FeedXml.Text(arabic))));
        }

        var authors = metadata.NamedAuthors.ToList();
        if (authors.Count > 0) element.Add(new XElement(Cr + "contributors", authors.Select((a, i) => Person(a, i == 0))));
        foreach (var language in Metadata.Languages)
        {
            var paragraphs = ExportInput.AbstractIn(article, language);
            if (paragraphs.Count == 0) continue;
            element.Add(new XElement(Jats + "abstract", new XAttribute(XNamespace.Xml + "lang", language), paragraphs.Select(p => new XElement(Jats + "p", FeedXml.Text(p)))));
        }

        element.Add(PublicationDateElement(PublicationDate.Parse(metadata.Date)!.Value));
        if (metadata.FirstPage.Trim().Length > 0)
        {
            element.Add(new XElement(Cr + "pages", new XElement(Cr + "first_page", FeedXml.Text(metadata.FirstPage)),
                metadata.LastPage.Trim().Length > 0 ? new XElement(Cr + "last_page", FeedXml.Text(metadata.LastPage)) : null));
        }

        if (Citation.LicenceOf(metadata, input.Edition) is { } licence)
        {
            element.Add(new XElement(Ai + "program", new XAttribute("name", "AccessIndicators"),
                new XElement(Ai + "license_ref", new XAttribute("applies_to", "vor"), licence.Url)));
        }

        element.Add(new XElement(Cr + "doi_data", new XElement(Cr + "doi", metadata.Doi), new XElement(Cr + "resource", input.ArticleUrl(article))));
        // The reference list (ar/references.md) as each entry's text: Crossref matches unstructured citations to DOIs itself.
        if (article.References is { Items.Count: > 0 } references)
        {
            element.Add(new XElement(Cr + "citation_list", references.Items.Where(r => r.PlainText.Trim().Length > 0).Select(r =>
                new XElement(Cr + "citation", new XAttribute("key", r.Id), new XElement(Cr + "unstructured_citation", FeedXml.Text(r.PlainText))))));
        }

        return element;
    }

    private static XElement? Subtitle(ArticleMetadata metadata, string language)
    {
        var subtitle = metadata.Subtitle.GetValueOrDefault(language, string.Empty).Trim();
        return subtitle.Length > 0 ? new XElement(Cr + "subtitle", FeedXml.Text(subtitle)) : null;
    }

    // person_name: given_name?, surname, affiliations?, ORCID?; in Latin script when article.yml gives it (what Crossref's users search), the Arabic name as alt-name.
    private static XElement Person(Author author, bool first)
    {
        var language = new[] { "en", "fr", string.Empty, "ar" }.FirstOrDefault(l => Version(author.Surname, l).Length > 0 || Version(author.Name, l).Length > 0) ?? string.Empty;
        var surname = Version(author.Surname, language);
        var given = surname.Length > 0 ? Version(author.GivenNames, language) : string.Empty;
        // Without a split, the whole name is the surname, as Crossref asks for a name it cannot split.
        if (surname.Length == 0) surname = Version(author.Name, language);
        var person = new XElement(Cr + "person_name",
            new XAttribute("sequence", first ? "first" : "additional"),
            new XAttribute("contributor_role", "author"),
            language.Length > 0 ? new XAttribute("language", language) : null,
            given.Length > 0 ? new XElement(Cr + "given_name", FeedXml.Text(given)) : null,
            new XElement(Cr + "surname", FeedXml.Text(surname)));
        var affiliations = author.Affiliations.Where(a => !a.IsEmpty).ToList();
        if (affiliations.Count > 0)
        {
            person.Add(new XElement(Cr + "affiliations", affiliations.Select(a =>
                new XElement(Cr + "institution", new XElement(Cr + "institution_name", FeedXml.Text(a.In(language.Length > 0 ? language : "ar")))))));
        }

        if (author.Orcid.Length > 0) person.Add(new XElement(Cr + "ORCID", new XAttribute("authenticated", "false"), author.OrcidUrl));
        return person;
    }

    private static string Version(LocalizedText text, string language) =>
        (language.Length == 0 ? text.Text : text.ByLanguage.GetValueOrDefault(language, string.Empty)).Trim();

    private static XElement PublicationDateElement(PublicationDate date) =>
        new(Cr + "publication_date", new XAttribute("media_type", "online"),
            date.Month is { } month ? new XElement(Cr + "month", month.ToString("D2", CultureInfo.InvariantCulture)) : null,
            date.Day is { } day ? new XElement(Cr + "day", day.ToString("D2", CultureInfo.InvariantCulture)) : null,
            new XElement(Cr + "year", date.Year.ToString("D4", CultureInfo.InvariantCulture)));
}
