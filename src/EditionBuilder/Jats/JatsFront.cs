using System.Globalization;
using EditionBuilder.Content;
using EditionBuilder.Parse;

namespace EditionBuilder.Jats;

/// <summary>Writes <c>front</c>: <c>journal-meta</c> from edition.yml and <c>article-meta</c> from article.yml and the abstracts, each child in the order the JATS 1.1 tag sets demand; a field not given is left out, never invented.</summary>
/// <param name="xml">Where the markup goes.</param>
/// <param name="edition">The edition's metadata (journal titles, ISSNs, publisher, licence).</param>
public sealed class JatsFront(JatsXml xml, EditionMetadata edition)
{
    /// <summary>The languages besides Arabic that titles, abstracts and keywords may have.</summary>
    private static readonly string[] OtherLanguages = ["en", "fr"];

    /// <summary>True when the file can follow JATS Journal Publishing: its <c>journal-meta</c> needs a <c>journal-id</c> and an <c>issn</c>, and the ISSN is the one identifier of the journal the edition knows. Otherwise the file follows Archiving, which asks for neither.</summary>
    public static bool FollowsPublishing(EditionMetadata edition) => edition.Issns.Any();

    /// <summary>Writes the article's <c>front</c>; its abstracts' paragraphs through <paramref name="body"/>.</summary>
    public void Write(ParsedArticle article, JatsBody body)
    {
        xml.Open("front").Line();
        JournalMeta(article.Metadata);
        ArticleMeta(article, body);
        xml.Close("front").Line();
    }

    // journal-meta: journal-id*, journal-title-group*, issn*, publisher? (Publishing: journal-id+ and issn+). Only for an article of a journal.
    private void JournalMeta(ArticleMetadata metadata)
    {
        var ownTitle = metadata.Journal.Trim();
        var issns = new[] { ("electronic", edition.IssnOnline), ("print", edition.IssnPrint) }.Where(i => i.Item2.Length > 0).ToList();
        if (ownTitle.Length == 0 && issns.Count == 0) return;

        xml.Open("journal-meta").Line();
        // The ISSN is the one identifier of the journal the edition knows; Publishing requires a journal-id.
        if (issns.Count > 0) xml.Element("journal-id", issns[0].Item2, ("journal-id-type", "issn")).Line();
        var titles = ownTitle.Length > 0 ? new List<(string Lang, string Title)> { (string.Empty, ownTitle) }
            : Metadata.Languages.Select(l => (Lang: l, Title: edition.Name.GetValueOrDefault(l, string.Empty).Trim())).Where(t => t.Title.Length > 0).ToList();
        // journal-title-group needs a journal-title: without any title there is no group.
        if (titles.Count > 0)
        {
            xml.Open("journal-title-group").Line();
            xml.Element("journal-title", titles[0].Title, ("xml:lang", titles[0].Lang)).Line();
            foreach (var (lang, title) in titles.Skip(1))
            {
                xml.Open("trans-title-group", ("xml:lang", lang)).Element("trans-title", title).Close("trans-title-group").Line();
            }

            xml.Close("journal-title-group").Line();
        }

        foreach (var (format, issn) in issns) xml.Element("issn", issn, ("publication-format", format)).Line();
        if (edition.Publisher.Trim().Length > 0)
        {
            xml.Open("publisher").Element("publisher-name", edition.Publisher.Trim()).Close("publisher").Line();
        }

        xml.Close("journal-meta").Line();
    }

    // article-meta: article-id*, title-group, contrib-group*, pub-date*, volume?, issue?, fpage?, lpage?, permissions?, abstract*, trans-abstract*, kwd-group*.
    private void ArticleMeta(ParsedArticle article, JatsBody body)
    {
        var metadata = article.Metadata;
        xml.Open("article-meta").Line();
        if (metadata.Doi.Length > 0) xml.Element("article-id", metadata.Doi, ("pub-id-type", "doi")).Line();
        TitleGroup(article);
        Contributors(metadata);
        if (PublicationDate.Parse(metadata.Date) is { } date) PubDate(date);
        if (metadata.Volume.Trim().Length > 0) xml.Element("volume", metadata.Volume.Trim()).Line();
        if (metadata.Issue.Trim().Length > 0) xml.Element("issue", metadata.Issue.Trim()).Line();
        Pages(metadata);
        Permissions(metadata);
        Abstracts(article, body);
        Keywords(metadata);
        xml.Close("article-meta").Line();
    }

    // title-group: article-title, subtitle*, trans-title-group* (trans-title, trans-subtitle*).
    private void TitleGroup(ParsedArticle article)
    {
        var metadata = article.Metadata;
        var titleLang = metadata.TitleLanguage("ar");
        xml.Open("title-group").Line();
        xml.Element("article-title", metadata.TitleIn("ar"), ("xml:lang", titleLang == "ar" ? string.Empty : titleLang)).Line();
        if (metadata.Subtitle.TryGetValue("ar", out var subtitle) && subtitle.Trim().Length > 0) xml.Element("subtitle", subtitle.Trim()).Line();
        foreach (var lang in OtherLanguages.Where(l => l != titleLang))
        {
            var title = metadata.Title.GetValueOrDefault(lang, string.Empty).Trim();
            // An abstract's own title stands in for a title article.yml does not give in its language, unless it only names the
            // section ("Abstract"): that is no title of the article, and without one the language has no trans-title-group.
            if (title.Length == 0) title = article.Abstracts.FirstOrDefault(a => a.FrontMatter.Lang == lang)?.FrontMatter.Title.Trim() ?? string.Empty;
            if (title.Length == 0 || Model.Abstract.IsGenericTitle(title)) continue;
            xml.Open("trans-title-group", ("xml:lang", lang)).Element("trans-title", title);
            if (metadata.Subtitle.TryGetValue(lang, out var transSubtitle) && transSubtitle.Trim().Length > 0) xml.Element("trans-subtitle", transSubtitle.Trim());
            xml.Close("trans-title-group").Line();
        }

        xml.Close("title-group").Line();
    }

    // contrib-group: contrib+; contrib: contrib-id*, names, then aff and email.
    private void Contributors(ArticleMetadata metadata)
    {
        var authors = metadata.NamedAuthors.ToList();
        if (authors.Count == 0) return;
        xml.Open("contrib-group").Line();
        foreach (var author in authors)
        {
            xml.Open("contrib", ("contrib-type", "author")).Line();
            if (author.Orcid.Length > 0) xml.Element("contrib-id", author.OrcidUrl, ("contrib-id-type", "orcid")).Line();
            Names(author);
            foreach (var affiliation in author.Affiliations.Where(a => !a.IsEmpty)) Alternatives("aff-alternatives", "aff", affiliation);
            if (author.Email.Length > 0) xml.Element("email", author.Email).Line();
            xml.Close("contrib").Line();
        }

        xml.Close("contrib-group").Line();
    }

    // Journal Publishing allows no string-name directly in contrib: a name split into surname and given names is a <name>; one not
    // split is a <string-name> inside <name-alternatives>, as are all versions when there are several (one per script).
    private void Names(Author author)
    {
        var languages = new[] { string.Empty }.Concat(Metadata.Languages)
            .Where(l => Version(author.Name, l).Length > 0 || Version(author.Surname, l).Length > 0)
            .ToList();
        var versions = languages.Select(l => (Lang: l, Surname: Version(author.Surname, l), Given: Version(author.GivenNames, l), Full: Version(author.Name, l))).ToList();
        if (versions.Count == 1 && versions[0].Surname.Length > 0)
        {
            Name(versions[0]);
            return;
        }

        xml.Open("name-alternatives").Line();
        foreach (var version in versions)
        {
            if (version.Surname.Length > 0) Name(version);
            else xml.Element("string-name", version.Full, ("xml:lang", version.Lang)).Line();
        }

        xml.Close("name-alternatives").Line();
    }

    // name: surname, given-names? — the names of one script.
    private void Name((string Lang, string Surname, string Given, string Full) version)
    {
        xml.Open("name", ("xml:lang", version.Lang)).Element("surname", version.Surname);
        if (version.Given.Length > 0) xml.Element("given-names", version.Given);
        xml.Close("name").Line();
    }

    // The text of one language exactly ("" is the text written without a language), with no fallback: each version is its own script.
    private static string Version(LocalizedText text, string language) =>
        (language.Length == 0 ? text.Text : text.ByLanguage.GetValueOrDefault(language, string.Empty)).Trim();

    // A text given once is one element; given per language, one element per language inside the alternatives wrapper.
    private void Alternatives(string wrapper, string element, LocalizedText text)
    {
        var versions = new List<(string Lang, string Text)>();
        if (text.Text.Trim().Length > 0) versions.Add((string.Empty, text.Text.Trim()));
        versions.AddRange(Metadata.Languages.Select(l => (l, text.ByLanguage.GetValueOrDefault(l, string.Empty).Trim())).Where(v => v.Item2.Length > 0));
        if (versions.Count == 1)
        {
            xml.Element(element, versions[0].Text, ("xml:lang", versions[0].Lang)).Line();
            return;
        }

        xml.Open(wrapper).Line();
        foreach (var (lang, value) in versions) xml.Element(element, value, ("xml:lang", lang)).Line();
        xml.Close(wrapper).Line();
    }

    // pub-date: day?, month?, year, with the ISO date as an attribute.
    private void PubDate(PublicationDate date)
    {
        xml.Open("pub-date", ("publication-format", "electronic"), ("date-type", "pub"), ("iso-8601-date", date.Iso)).Line();
        if (date.Day is { } day) xml.Element("day", day.ToString("D2", CultureInfo.InvariantCulture)).Line();
        if (date.Month is { } month) xml.Element("month", month.ToString("D2", CultureInfo.InvariantCulture)).Line();
        xml.Element("year", date.Year.ToString("D4", CultureInfo.InvariantCulture)).Line();
        xml.Close("pub-date").Line();
    }

    // fpage, lpage?: a last page alone has no place in JATS without its first, so it goes with it or not at all.
    private void Pages(ArticleMetadata metadata)
    {
        var first = metadata.FirstPage.Trim();
        var last = metadata.LastPage.Trim();
        if (first.Length == 0) return;
        xml.Element("fpage", first).Line();
        if (last.Length > 0) xml.Element("lpage", last).Line();
    }

    // permissions: license with its address and name (the article's licence, else the edition's).
    private void Permissions(ArticleMetadata metadata)
    {
        var id = metadata.Licence.Trim().Length > 0 ? metadata.Licence.Trim() : edition.Licence.Trim();
        if (Licences.Find(id) is not { } licence) return;
        xml.Open("permissions").Line();
        xml.Open("license", ("license-type", "open-access"), ("xlink:href", licence.Url)).Line();
        xml.Element("license-p", $"{licence.Name} ({licence.ShortName})").Line();
        xml.Close("license").Line();
        xml.Close("permissions").Line();
    }

    // abstract (the Arabic one, the article's language), then trans-abstract per other language.
    private void Abstracts(ParsedArticle article, JatsBody body)
    {
        foreach (var summary in article.Abstracts.Where(a => a.FrontMatter.Lang == "ar"))
        {
            xml.Open("abstract").Line();
            foreach (var block in summary.Document) body.Block(block);
            xml.Close("abstract").Line();
        }

        foreach (var lang in OtherLanguages)
        {
            foreach (var summary in article.Abstracts.Where(a => a.FrontMatter.Lang == lang))
            {
                xml.Open("trans-abstract", ("xml:lang", lang)).Line();
                foreach (var block in summary.Document) body.Block(block);
                xml.Close("trans-abstract").Line();
            }
        }
    }

    // kwd-group per language, Arabic first.
    private void Keywords(ArticleMetadata metadata)
    {
        foreach (var lang in Metadata.Languages)
        {
            var words = metadata.KeywordsIn(lang);
            if (words.Count == 0) continue;
            xml.Open("kwd-group", ("xml:lang", lang)).Line();
            foreach (var word in words) xml.Element("kwd", word).Line();
            xml.Close("kwd-group").Line();
        }
    }
}
