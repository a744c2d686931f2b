using System.Globalization;
using System.Text;
using System.Xml;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using XmlText = EditionBuilder.Markup.XmlText;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Parse;
using EditionBuilder.Site;
using Markdig.Syntax;

namespace EditionBuilder.Jats;

/// <summary>The JATS writer: one <c>&lt;article-slug&gt;/&lt;article-slug&gt;.xml</c> per article, in JATS 1.1 (Archiving and Interchange), from the same parsed chapters as the site: front matter from the YAML files, one <c>sec</c> per chapter, the reference list and the notes in <c>back</c>, the notes under their original marks.</summary>
/// <param name="edition">The edition's metadata.</param>
/// <param name="archivedCopyLabel">The text of the link to a cited address's archived copy (the theme's <c>archived_copy</c> in Arabic).</param>
public sealed class JatsWriter(EditionMetadata edition, string archivedCopyLabel) : Writers.IArticleWriter
{
    /// <summary>The DOCTYPE of the JATS 1.1 Archiving and Interchange tag set (no DTD is read: the name tells a reader which tag set the file follows).</summary>
    public const string DocType =
        "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.1 20151215//EN\" \"JATS-archivearticle1.dtd\">";

    /// <summary>The DOCTYPE of the JATS 1.1 Journal Publishing tag set, for an article of a journal with an ISSN (see <see cref="JatsFront.FollowsPublishing"/>).</summary>
    public const string PublishingDocType =
        "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN\" \"JATS-journalpublishing1.dtd\">";

    /// <inheritdoc/>
    public string Name => "jats";

    /// <summary>The file's media type, for the landing page's link.</summary>
    public string MediaType => "application/xml";

    /// <summary>The title of the <c>&lt;link rel="alternate"&gt;</c> to the file in the landing page's head.</summary>
    public string? AlternateTitle => "JATS";

    /// <summary>Nothing beyond the article's files and the edition's metadata (part of every article's key).</summary>
    public string CacheContext(ArticleMetadata metadata) => string.Empty;

    /// <summary>Where an article's XML goes in the site.</summary>
    public static string PathOf(string slug) => $"{slug}/{slug}.xml";

    /// <summary>The article's JATS file, offered on its landing page; null when it could not be written (an error was reported).</summary>
    public Writers.ArticleOutput? Write(Writers.ArticleWriterInput input, DiagnosticBag diagnostics) =>
        Writers.ArticleOutput.Download(Write(input.Article, diagnostics), Name, MediaType, AlternateTitle);

    /// <summary>The article's JATS file; null when it could not be written (an error was reported).</summary>
    public SiteFile? Write(ParsedArticle article, DiagnosticBag diagnostics)
    {
        var path = PathOf(article.Slug);
        var fromFiles = WarnUnstorable(article, diagnostics);
        var xml = new JatsXml();
        var notes = JatsNotes.Of(article);
        var body = new JatsBody(xml, notes, archivedCopyLabel);

        xml.Markup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").Markup(JatsFront.FollowsPublishing(edition) ? PublishingDocType : DocType).Line();
        xml.Open("article", ("xmlns:xlink", "http://www.w3.org/1999/xlink"), ("article-type", "research-article"), ("dtd-version", "1.1"), ("xml:lang", "ar")).Line();
        new JatsFront(xml, edition).Write(article, body);

        xml.Open("body").Line();
        foreach (var chapter in article.Chapters)
        {
            var id = "sec-" + chapter.FrontMatter.Order.ToString(CultureInfo.InvariantCulture);
            xml.Open("sec", ("id", id)).Line();
            xml.Element("title", chapter.FrontMatter.Title).Line();
            body.Blocks(chapter.Document, id);
            xml.Close("sec").Line();
        }

        xml.Close("body").Line();
        Back(article, xml, body);
        xml.Close("article").Line();

        var text = xml.ToString();
        if (WellFormednessProblem(text) is { } problem)
        {
            diagnostics.Error(DiagnosticCodes.JatsNotWellFormed, path, 0, 0,
                $"internal: the JATS file the writer made is not well-formed XML ({problem}); the site is not written. Build with --no-jats meanwhile, and report it with the article");
            return null;
        }

        var fromMetadata = xml.Replaced - fromFiles;
        if (fromMetadata > 0)
        {
            // Replaced characters that came from article.yml or edition.yml, whose values have no positions here.
            diagnostics.Warning(DiagnosticCodes.JatsUnstorableCharacter, article.Content.MetadataPath, 0, 0,
                $"{fromMetadata} character(s) of the metadata cannot be stored in XML 1.0 (a C0 control, U+FFFE, U+FFFF or half a surrogate pair); the JATS file has U+FFFD in their place");
        }

        return SiteFile.Text(path, text);
    }

    // back: the reference list, then fn-group of the footnotes, then fn-group of the endnotes, each fn with its original mark as its label.
    private static void Back(ParsedArticle article, JatsXml xml, JatsBody body)
    {
        var definitions = article.Chapters.SelectMany(c => c.Document.Descendants<NoteDefinition>()).ToList();
        if (definitions.Count == 0 && article.References is null) return;
        xml.Open("back").Line();
        if (article.References is { } references) JatsReferences.Write(references, xml, body);
        FnGroup(definitions.Where(d => !JatsNotes.IsEndnote(d)).ToList(), string.Empty, xml, body);
        FnGroup(definitions.Where(JatsNotes.IsEndnote).ToList(), "endnotes", xml, body);
        xml.Close("back").Line();
    }

    private static void FnGroup(List<NoteDefinition> definitions, string contentType, JatsXml xml, JatsBody body)
    {
        if (definitions.Count == 0) return;
        xml.Open("fn-group", ("content-type", contentType)).Line();
        foreach (var definition in definitions)
        {
            xml.Open("fn", ("id", JatsNotes.IdOf(definition))).Element("label", JatsNotes.Mark(definition)).Line();
            var before = xml.Length;
            foreach (var block in definition) body.Block(block);
            // fn needs a paragraph: a note without one (an empty definition) gets an empty paragraph.
            if (xml.Length == before) xml.Empty("p").Line();
            xml.Close("fn").Line();
        }

        xml.Close("fn-group").Line();
    }

    // XML has no place for C0 controls (but tab and line ends), U+FFFE, U+FFFF or half a surrogate pair: the file holds U+FFFD there; say where (20 a file). Returns how many the files hold.
    private static int WarnUnstorable(ParsedArticle article, DiagnosticBag diagnostics)
    {
        var found = 0;
        foreach (var file in article.Chapters.Concat(article.Abstracts).Select(c => c.File).Concat(article.References is { } r ? [r.File.File] : []))
        {
            var inFile = 0;
            for (var at = XmlText.FirstUnstorable(file.Text); at >= 0; at = XmlText.FirstUnstorable(file.Text, at + 1))
            {
                found++;
                if (++inFile > 20) continue;
                var lineStart = at == 0 ? 0 : file.Text.LastIndexOf('\n', at - 1) + 1;
                var line = file.Text.AsSpan(0, at).Count('\n') + 1;
                diagnostics.Warning(DiagnosticCodes.JatsUnstorableCharacter, file.Path, line, at - lineStart + 1,
                    $"U+{(int)file.Text[at]:X4} cannot be stored in XML 1.0, not even as a character reference; the JATS file has U+FFFD in its place (the web pages show it)");
            }
        }

        return found;
    }

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = true };

    // A fault of the writer (markup it should never make) fails the build instead of shipping a file archives reject.
    private static string? WellFormednessProblem(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), ReaderSettings);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return $"line {e.LineNumber}, column {e.LinePosition}: {e.Message}";
        }
    }
}
