using System.Globalization;
using EditionBuilder.Content;
using EditionBuilder.Parse;
using EditionBuilder.Themes;

namespace EditionBuilder.Pdf;

/// <summary>An article as one Typst document: page and text settings, PDF metadata, a title page, the chapters with their footnotes, the endnotes, the reference list, then the abstracts in the other languages, each in its own language and direction.</summary>
/// <param name="edition">The edition's metadata (the journal's name, its licence).</param>
/// <param name="strings">The theme's interface strings.</param>
/// <param name="page">The theme's page settings.</param>
public sealed class TypstArticle(EditionMetadata edition, ThemeStrings strings, PdfPageStyle page)
{
    /// <summary>The Arabic font the theme's pdf/fonts/ holds (the fallback for Latin letters is the compiler's own Libertinus Serif).</summary>
    public const string ArabicFont = "Noto Naskh Arabic";

    /// <summary>The Typst source of the article; <paramref name="media"/> are the image paths the compiler will be given.</summary>
    /// <param name="article">The parsed article.</param>
    /// <param name="media">The article's images by their path in the chapters.</param>
    /// <param name="date">The document's date (the article's, else SOURCE_DATE_EPOCH), or null for none: never the clock.</param>
    public string Write(ParsedArticle article, IReadOnlySet<string> media, DateOnly? date)
    {
        var markup = new TypstMarkup();
        var notes = PdfNotes.Of(article);
        var body = new TypstBody(markup, notes, media, strings.Get("ar", "archived_copy"));
        var metadata = article.Metadata;

        Settings(markup, article, date);
        TitlePage(markup, article, body);
        foreach (var chapter in article.Chapters)
        {
            var title = string.IsNullOrWhiteSpace(chapter.FrontMatter.Title) ? metadata.TitleIn("ar") : chapter.FrontMatter.Title;
            markup.Raw("#heading(level: 1)[").Text(title).Raw("]").Line().Line();
            body.Blocks(chapter.Document);
        }

        NotesAtTheEnd(markup, notes, body);
        if (article.References is { } references)
        {
            // The reference list (ar/references.md) after the notes, as the print has it.
            markup.Raw("#heading(level: 1)[").Text(references.Title.Length > 0 ? references.Title : strings.Get("ar", "references")).Raw("]").Line().Line();
            markup.Raw("#[#set text(size: 11pt)").Line();
            References(markup, references, body);
            markup.Raw("]").Line().Line();
        }

        foreach (var summary in article.Abstracts.Where(a => a.FrontMatter.Lang != "ar"))
        {
            var lang = LanguageOf(summary.FrontMatter.Lang);
            var dir = summary.FrontMatter.Dir == "rtl" ? "rtl" : "ltr";
            markup.Raw($"#pagebreak(weak: true)").Line();
            markup.Raw($"#[#set text(lang: {TypstMarkup.Literal(lang)}, dir: {dir})").Line();
            markup.Raw("#set par(justify: true)").Line();
            markup.Raw("#heading(level: 1)[").Text(summary.FrontMatter.Title.Length > 0 ? summary.FrontMatter.Title : metadata.TitleIn(lang)).Raw("]").Line().Line();
            body.Blocks(summary.Document);
            markup.Raw("]").Line();
        }

        return markup.ToString();
    }

    // The page, the text and the PDF's metadata; the running head from the second page on, the page number at the foot of every page.
    private void Settings(TypstMarkup markup, ParsedArticle article, DateOnly? date)
    {
        var metadata = article.Metadata;
        var authors = metadata.NamedAuthors.Select(a => a.NameIn("ar").Trim()).Where(a => a.Length > 0);
        var keywords = metadata.KeywordsIn("ar").Concat(metadata.KeywordsIn("en")).Concat(metadata.KeywordsIn("fr"));
        var dateValue = date is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"datetime(year: {d.Year}, month: {d.Month}, day: {d.Day})")
            : "none";
        markup.Raw($"#set document(title: {TypstMarkup.Literal(metadata.TitleIn("ar"))}, author: {TypstMarkup.Array(authors)}, keywords: {TypstMarkup.Array(keywords)}, date: {dateValue})").Line();
        markup.Raw($"#set text(lang: \"ar\", dir: rtl, font: ({TypstMarkup.Literal(ArabicFont)}, \"Libertinus Serif\"), size: 12pt)").Line();
        markup.Raw("#set par(justify: true, leading: 0.75em, spacing: 1em)").Line();
        markup.Raw("#set heading(numbering: none)").Line();
        markup.Raw("#show heading: set text(weight: \"bold\")").Line();
        markup.Raw("#show heading.where(level: 1): set text(size: 15pt)").Line();
        markup.Raw("#show heading.where(level: 1): set block(above: 1.6em, below: 0.9em)").Line();
        markup.Raw("#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt), gap: 0.5em, indent: 0em)").Line();
        markup.Raw("#show footnote.entry: set text(size: 10pt)").Line();
        markup.Raw("#show footnote.entry: set par(justify: false)").Line();
        markup.Raw("#let paragraph-number(n) = text(size: 8pt, fill: luma(100), n) + h(0.5em)").Line();

        var journal = metadata.Journal.Trim().Length > 0 ? metadata.Journal.Trim() : edition.NameIn("ar").Trim();
        var header = $"context if here().page() > 1 {{ set text(size: 9pt, fill: luma(60)); {TypstMarkup.Literal(journal)} + h(1fr) + {TypstMarkup.Literal(ShortTitle(metadata.TitleIn("ar")))}; v(-0.6em); line(length: 100%, stroke: 0.4pt) }}";
        markup.Raw($"#set page(paper: {TypstMarkup.Literal(page.Paper)}, margin: {page.Margin}, header: {header}, numbering: {TypstMarkup.Literal(page.Digits)}, number-align: center)").Line();
        if (int.TryParse(metadata.FirstPage.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var first) && first > 0)
        {
            // The article's pages are numbered as the journal's issue numbers them.
            markup.Raw($"#counter(page).update({first.ToString(CultureInfo.InvariantCulture)})").Line();
        }

        markup.Line();
    }

    // The title page: journal, volume, issue and pages; title and subtitle; authors and affiliations; DOI and licence; the Arabic abstract and keywords.
    private void TitlePage(TypstMarkup markup, ParsedArticle article, TypstBody body)
    {
        var metadata = article.Metadata;
        var journal = metadata.Journal.Trim().Length > 0 ? metadata.Journal.Trim() : edition.NameIn("ar").Trim();
        var separator = strings.Get("ar", "list_separator");
        var issue = new List<string>();
        if (metadata.Volume.Trim().Length > 0) issue.Add($"{strings.Get("ar", "volume")} {metadata.Volume.Trim()}");
        if (metadata.Issue.Trim().Length > 0) issue.Add($"{strings.Get("ar", "issue")} {metadata.Issue.Trim()}");
        if (metadata.Pages.Length > 0) issue.Add($"{strings.Get("ar", "pages")} {metadata.Pages}");
        if (PublicationDate.Parse(metadata.Date) is { } published) issue.Add(published.Year.ToString(CultureInfo.InvariantCulture));

        markup.Raw("#align(center)[").Line();
        if (journal.Length > 0) markup.Raw("#text(size: 11pt, weight: \"bold\")[").Text(journal).Raw("]").Line().Line();
        if (issue.Count > 0) markup.Raw("#text(size: 10pt)[").Text(string.Join(separator, issue)).Raw("]").Line().Line();
        markup.Raw("#v(1.5cm)").Line();
        markup.Raw("#text(size: 20pt, weight: \"bold\")[").Text(metadata.TitleIn("ar")).Raw("]").Line().Line();
        if (metadata.SubtitleIn("ar").Trim() is { Length: > 0 } subtitle) markup.Raw("#text(size: 14pt)[").Text(subtitle).Raw("]").Line().Line();
        markup.Raw("#v(0.8cm)").Line();
        foreach (var author in metadata.NamedAuthors)
        {
            markup.Raw("#text(size: 13pt, weight: \"bold\")[").Text(author.NameIn("ar").Trim()).Raw("]").Line().Line();
            foreach (var affiliation in author.Affiliations.Where(a => !a.IsEmpty))
            {
                markup.Raw("#text(size: 10pt)[").Text(affiliation.In("ar").Trim()).Raw("]").Line().Line();
            }
        }

        markup.Raw("#v(0.8cm)").Line();
        if (metadata.Doi.Trim().Length > 0)
        {
            var doi = metadata.Doi.Trim();
            markup.Raw($"#text(size: 10pt, dir: ltr)[DOI: #link({TypstMarkup.Literal("https://doi.org/" + doi)})[").Text(doi).Raw("]]").Line().Line();
        }

        var licenceId = metadata.Licence.Trim().Length > 0 ? metadata.Licence.Trim() : edition.Licence.Trim();
        if (Licences.Find(licenceId) is { } licence)
        {
            markup.Raw("#text(size: 10pt)[").Text(strings.Get("ar", "licence") + " ").Raw($"#link({TypstMarkup.Literal(licence.Url)})[").Text(licence.ShortName).Raw("]]").Line().Line();
        }

        markup.Raw("]").Line().Line();
        foreach (var summary in article.Abstracts.Where(a => a.FrontMatter.Lang == "ar"))
        {
            markup.Raw("#v(0.6cm)").Line();
            markup.Raw("#block(inset: (x: 1cm))[").Line();
            markup.Raw("#text(weight: \"bold\")[").Text(summary.FrontMatter.Title.Length > 0 ? summary.FrontMatter.Title : strings.Get("ar", "abstract")).Raw("]").Line().Line();
            markup.Raw("#set text(size: 11pt)").Line();
            body.Blocks(summary.Document);
            markup.Raw("]").Line().Line();
        }

        var keywords = metadata.KeywordsIn("ar");
        if (keywords.Count > 0)
        {
            markup.Raw("#block(inset: (x: 1cm))[#text(weight: \"bold\")[").Text(strings.Get("ar", "keywords")).Raw("] ").Text(string.Join(separator, keywords)).Raw("]").Line().Line();
        }

        markup.Raw("#pagebreak()").Line().Line();
    }

    // Endnotes under their heading, each with its mark and a label its references link to; then any footnote nothing cites, so no note's text is lost.
    private void NotesAtTheEnd(TypstMarkup markup, PdfNotes notes, TypstBody body)
    {
        void List(IReadOnlyList<PdfNote> list, string heading, bool labelled)
        {
            if (list.Count == 0) return;
            markup.Raw("#heading(level: 1)[").Text(heading).Raw("]").Line().Line();
            foreach (var note in list)
            {
                markup.Raw("#block[#set text(size: 10pt)").Line();
                markup.Raw("#super[").Text(note.Mark).Raw("] ");
                body.NoteText(note.Definition);
                markup.Raw("]");
                if (labelled) markup.Raw(TypstMarkup.Label(PdfNotes.LabelOf(note.Definition.Key)));
                markup.Line().Line();
            }
        }

        List(notes.Endnotes.ToList(), strings.Get("ar", "endnotes_heading"), labelled: true);
        List(notes.Unset.ToList(), strings.Get("ar", "notes_heading"), labelled: false);
    }

    // A running head wants a short title: a long title stops at its first colon (the subtitle the print runs after it).
    internal static string ShortTitle(string title)
    {
        title = title.Trim();
        if (title.Length <= 60) return title;
        var colon = title.IndexOfAny([':', '\u061B']);
        if (colon > 10) return title[..colon].Trim();
        var space = title.LastIndexOf(' ', 57);
        return (space > 10 ? title[..space] : title[..57]).Trim() + "…";
    }

    // A language tag Typst takes (two or three lowercase ASCII letters); anything else is read as English.
    // Each entry in its own language and direction ({lang=en} in the file), as the web page and the e-book set it: an English
    // reference set right to left puts its closing full stop and parentheses at the wrong ends. Hanging indent, as the page has.
    private static void References(TypstMarkup markup, ParsedReferences references, TypstBody body)
    {
        var list = references.File.Document.OfType<Markdig.Syntax.ListBlock>().FirstOrDefault();
        var numbered = list?.IsOrdered == true;
        var first = numbered && int.TryParse(list!.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var reference in references.Items)
        {
            var dir = reference.Dir == "rtl" ? "rtl" : "ltr";
            markup.Raw($"#block[#set text(lang: {TypstMarkup.Literal(LanguageOf(reference.Lang))}, dir: {dir})").Line();
            markup.Raw("#par(hanging-indent: 1.5em)[");
            if (numbered) markup.Text((first + reference.Number - 1).ToString(CultureInfo.InvariantCulture) + ". ");
            body.Inlines(reference.Paragraph.Inline);
            markup.Raw("]]").Line().Line();
        }
    }

    private static string LanguageOf(string lang) =>
        lang.Length is 2 or 3 && lang.All(char.IsAsciiLetterLower) ? lang : "en";
}
