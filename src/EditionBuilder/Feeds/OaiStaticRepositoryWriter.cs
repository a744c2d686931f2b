using System.Xml.Linq;
using EditionBuilder.Citations;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markup;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Writers;

namespace EditionBuilder.Feeds;

/// <summary>The journal as an OAI-PMH static repository (<c>oai.xml</c>, in the format of the OAI static repository specification): Identify, the oai_dc metadata format and an oai_dc record per dated article. A static repository gateway answers harvesters from it; it exists when edition.yml sets base_url and <c>oai: { gateway, email }</c>.</summary>
public sealed class OaiStaticRepositoryWriter : IEditionWriter, IExplainsAbsence
{
    public const string RepositoryPath = "oai.xml";

    private static readonly XNamespace Static = "http://www.openarchives.org/OAI/2.0/static-repository";
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public string Name => "oai";

    /// <summary>True when the edition gets a static repository: it has a base URL and the OAI settings.</summary>
    public static bool Writes(EditionMetadata edition) => edition.BaseUrl.Length > 0 && edition.Oai.Gateway.Length > 0 && edition.Oai.Email.Length > 0;

    /// <summary>The baseURL harvesters use: the gateway's address followed by the repository's address without its scheme (the specification's rule).</summary>
    public static string BaseUrl(EditionMetadata edition)
    {
        var repository = edition.BaseUrl.TrimEnd('/') + "/" + RepositoryPath;
        var withoutScheme = repository[(repository.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return edition.Oai.Gateway.TrimEnd('/') + "/" + withoutScheme;
    }

    /// <summary>A record's identifier in the oai-identifier scheme: oai:host:path/slug.</summary>
    public static string IdentifierOf(EditionMetadata edition, string slug)
    {
        var uri = new Uri(edition.BaseUrl);
        return $"oai:{uri.Host}:{uri.AbsolutePath.Trim('/')}{(uri.AbsolutePath.Trim('/').Length > 0 ? "/" : string.Empty)}{slug}";
    }

    public string? WhyNothing(EditionContent content) =>
        !content.IsJournal || Writes(content.Edition) ? null
            : content.Edition.BaseUrl.Length == 0 ? "edition.yml sets no base_url" : "edition.yml sets no oai: { gateway, email } (docs/journal.md)";

    public IReadOnlyList<SiteFile>? Write(EditionWriterInput input, DiagnosticBag diagnostics)
    {
        var edition = input.Site.Edition;
        if (!Writes(edition)) return [];
        var entries = JournalEntry.Of(input);
        UndatedArticles.Warn(entries, RepositoryPath, diagnostics);
        var dated = JournalEntry.NewestFirst(entries).Reverse().ToList();
        var name = edition.NameIn("ar");
        var repository = new XElement(Static + "Repository",
            new XAttribute(XNamespace.Xmlns + "oai", Oai),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation", "http://www.openarchives.org/OAI/2.0/static-repository http://www.openarchives.org/OAI/2.0/static-repository.xsd"),
            new XElement(Static + "Identify",
                new XElement(Oai + "repositoryName", FeedXml.Text(name.Length > 0 ? name : edition.BaseUrl)),
                new XElement(Oai + "baseURL", BaseUrl(edition)),
                new XElement(Oai + "protocolVersion", "2.0"),
                new XElement(Oai + "adminEmail", edition.Oai.Email),
                new XElement(Oai + "earliestDatestamp", dated.Count > 0 ? FeedXml.Day(dated[0].Date!.Value) : "1970-01-01"),
                new XElement(Oai + "deletedRecord", "no"),
                new XElement(Oai + "granularity", "YYYY-MM-DD")),
            new XElement(Static + "ListMetadataFormats",
                new XElement(Oai + "metadataFormat",
                    new XElement(Oai + "metadataPrefix", "oai_dc"),
                    new XElement(Oai + "schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
                    new XElement(Oai + "metadataNamespace", OaiDc.NamespaceName))),
            new XElement(Static + "ListRecords", new XAttribute("metadataPrefix", "oai_dc"),
                dated.Select(e => Record(e, input.Site))));
        return [SiteFile.Text(RepositoryPath, FeedXml.Write(new XDocument(repository)))];
    }

    private static XElement Record(JournalEntry entry, SiteContext site)
    {
        var edition = site.Edition;
        var metadata = entry.Metadata;
        var dc = new XElement(OaiDc + "dc",
            new XAttribute(XNamespace.Xmlns + "oai_dc", OaiDc),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(Xsi + "schemaLocation", "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"));
        foreach (var language in Metadata.Languages)
        {
            var title = metadata.Title.GetValueOrDefault(language, string.Empty);
            if (title.Trim().Length > 0) dc.Add(new XElement(Dc + "title", new XAttribute(XNamespace.Xml + "lang", language), FeedXml.Text(title)));
        }

        foreach (var author in metadata.NamedAuthors) dc.Add(new XElement(Dc + "creator", FeedXml.Text(author.NameIn("ar"))));
        foreach (var language in Metadata.Languages)
        {
            foreach (var word in metadata.KeywordsIn(language)) dc.Add(new XElement(Dc + "subject", new XAttribute(XNamespace.Xml + "lang", language), FeedXml.Text(word)));
        }

        if (edition.Publisher.Trim().Length > 0) dc.Add(new XElement(Dc + "publisher", FeedXml.Text(edition.Publisher)));
        dc.Add(new XElement(Dc + "date", entry.Date!.Value.Iso));
        dc.Add(new XElement(Dc + "type", "Text"));
        dc.Add(new XElement(Dc + "format", "text/html"));
        dc.Add(new XElement(Dc + "identifier", site.Absolute(entry.Summary.Href)));
        if (metadata.Doi.Length > 0) dc.Add(new XElement(Dc + "identifier", "https://doi.org/" + metadata.Doi));
        dc.Add(new XElement(Dc + "source", FeedXml.Text(Source(metadata, edition))));
        dc.Add(new XElement(Dc + "language", "ar"));
        if (Citation.LicenceOf(metadata, edition) is { } licence) dc.Add(new XElement(Dc + "rights", licence.Url));

        return new XElement(Oai + "record",
            new XElement(Oai + "header",
                new XElement(Oai + "identifier", IdentifierOf(edition, entry.Slug)),
                new XElement(Oai + "datestamp", FeedXml.Day(entry.Date!.Value))),
            new XElement(Oai + "metadata", dc));
    }

    // "Journal, 12(3), 45–67, ISSN 0317-8471": where the article was published, as Dublin Core's source.
    private static string Source(ArticleMetadata metadata, EditionMetadata edition)
    {
        var parts = new List<string>();
        var journal = Citation.JournalTitle(metadata, edition, "ar");
        if (journal.Trim().Length > 0) parts.Add(journal.Trim());
        var volume = metadata.Volume.Trim() + (metadata.Issue.Trim().Length > 0 ? $"({metadata.Issue.Trim()})" : string.Empty);
        if (volume.Length > 0) parts.Add(volume);
        if (metadata.Pages.Length > 0) parts.Add(metadata.Pages);
        parts.AddRange(edition.Issns.Select(i => "ISSN " + i));
        return string.Join(", ", parts);
    }
}
