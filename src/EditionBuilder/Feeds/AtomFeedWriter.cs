using System.Xml.Linq;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markup;
using EditionBuilder.Site;
using EditionBuilder.Writers;

namespace EditionBuilder.Feeds;

/// <summary>The journal's Atom feed (RFC 4287), <c>feed.xml</c>: one entry per dated article, newest first, with its DOI (or address) as id, its Arabic title, date, authors and absolute links to its page in each language. Feed readers need absolute links, so the feed exists only when edition.yml sets base_url.</summary>
public sealed class AtomFeedWriter : IEditionWriter, IExplainsAbsence
{
    public const string FeedPath = "feed.xml";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public string Name => "feed";

    /// <summary>True when the edition gets a feed (it has a base URL), so every page's head can link it.</summary>
    public static bool Writes(EditionMetadata edition) => edition.BaseUrl.Length > 0;

    public string? WhyNothing(EditionContent content) => Writes(content.Edition) ? null : "edition.yml sets no base_url, and a feed needs absolute links";

    public IReadOnlyList<SiteFile>? Write(EditionWriterInput input, DiagnosticBag diagnostics)
    {
        var site = input.Site;
        if (!Writes(site.Edition)) return [];
        var entries = JournalEntry.Of(input);
        UndatedArticles.Warn(entries, FeedPath, diagnostics);
        var dated = JournalEntry.NewestFirst(entries);
        var name = site.Edition.NameIn("ar");
        var feed = new XElement(Atom + "feed", new XAttribute(XNamespace.Xml + "lang", "ar"),
            new XElement(Atom + "id", site.Absolute(FeedPath)),
            new XElement(Atom + "title", FeedXml.Text(name.Length > 0 ? name : site.Edition.BaseUrl)),
            // A feed without dated articles has nothing to date it by but the Unix epoch: the same bytes on every build.
            new XElement(Atom + "updated", dated.Count > 0 ? FeedXml.DateTime(dated[0].Date!.Value) : "1970-01-01T00:00:00Z"),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", site.Absolute(FeedPath)!)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("hreflang", "ar"), new XAttribute("href", site.Absolute("index.html")!)),
            // Atom asks for an author of the feed unless every entry has one: the publisher, else the journal.
            new XElement(Atom + "author", new XElement(Atom + "name", FeedXml.Text(site.Edition.Publisher.Length > 0 ? site.Edition.Publisher : name.Length > 0 ? name : site.Edition.BaseUrl))),
            dated.Select(e => Entry(e, site)));
        return [SiteFile.Text(FeedPath, FeedXml.Write(new XDocument(feed)))];
    }

    private static XElement Entry(JournalEntry entry, Themes.SiteContext site)
    {
        var metadata = entry.Metadata;
        var date = FeedXml.DateTime(entry.Date!.Value);
        var titleLanguage = metadata.TitleLanguage("ar");
        var element = new XElement(Atom + "entry",
            new XElement(Atom + "id", metadata.Doi.Length > 0 ? "https://doi.org/" + metadata.Doi : site.Absolute(entry.Summary.Href)),
            new XElement(Atom + "title", new XAttribute(XNamespace.Xml + "lang", titleLanguage.Length > 0 ? titleLanguage : "ar"), FeedXml.Text(metadata.TitleIn("ar"))),
            new XElement(Atom + "updated", date),
            new XElement(Atom + "published", date),
            metadata.NamedAuthors.Select(a => new XElement(Atom + "author", new XElement(Atom + "name", FeedXml.Text(a.NameIn("ar"))))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("hreflang", "ar"), new XAttribute("href", site.Absolute(entry.Summary.Href)!)));
        // The English and French titles, on the links to the pages in those languages (an entry has one title; a link may have its own).
        foreach (var language in entry.AbstractLanguages)
        {
            var title = metadata.Title.GetValueOrDefault(language, string.Empty);
            element.Add(new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("hreflang", language),
                new XAttribute("href", site.Absolute(entry.PageIn(language))!), title.Trim().Length > 0 ? new XAttribute("title", FeedXml.Text(title)) : null));
        }

        foreach (var language in Metadata.Languages)
        {
            foreach (var word in metadata.KeywordsIn(language)) element.Add(new XElement(Atom + "category", new XAttribute("term", FeedXml.Text(word))));
        }

        return element;
    }
}
