using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using EditionBuilder.Model;

namespace EditionBuilder.Fuzz;

/// <summary>Makes .docx files for tests, the fuzzer and the benchmarks with DocumentFormat.OpenXml: parts given as WordprocessingML, or a whole article written the way Word writes an Arabic document.</summary>
public sealed class DocxFixture
{
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        + "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";

    /// <summary>The styles most fixtures need: Heading 1–3 (by outline level), Title, Quote, Caption, FootnoteReference.</summary>
    public const string DefaultStyles = """
        <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
        """;

    private const string Separators = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
        """;

    public string Body { get; set; } = string.Empty;

    /// <summary>The inside of w:styles (null: <see cref="DefaultStyles"/>).</summary>
    public string? Styles { get; set; } = DefaultStyles;

    /// <summary>w:footnote elements (the separators are added); null for no footnotes part.</summary>
    public string? Footnotes { get; set; }

    public string? Endnotes { get; set; }

    /// <summary>The inside of w:settings (w:footnotePr…); null for no settings part.</summary>
    public string? Settings { get; set; }

    /// <summary>The inside of w:numbering; null for no numbering part.</summary>
    public string? Numbering { get; set; }

    /// <summary>Images by relationship id, embedded in the main part.</summary>
    public Dictionary<string, byte[]> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>The whole of word/document.xml, instead of one made from <see cref="Body"/>.</summary>
    public string? DocumentXml { get; set; }

    /// <summary>Other external relationships of the main part by id: their type and target.</summary>
    public Dictionary<string, (string Type, string Target)> External { get; } = new(StringComparer.Ordinal);

    /// <summary>External hyperlink relationships by id.</summary>
    public Dictionary<string, string> Hyperlinks { get; } = new(StringComparer.Ordinal);

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Write(main, DocumentXml ?? $"<w:document {Namespaces}><w:body>{Body}</w:body></w:document>");
            if (Styles is not null) Write(main.AddNewPart<StyleDefinitionsPart>(), $"<w:styles {Namespaces}>{Styles}</w:styles>");
            if (Settings is not null) Write(main.AddNewPart<DocumentSettingsPart>(), $"<w:settings {Namespaces}>{Settings}</w:settings>");
            if (Numbering is not null) Write(main.AddNewPart<NumberingDefinitionsPart>(), $"<w:numbering {Namespaces}>{Numbering}</w:numbering>");
            if (Footnotes is not null) Write(main.AddNewPart<FootnotesPart>(), $"<w:footnotes {Namespaces}>{Separators}{Footnotes}</w:footnotes>");
            if (Endnotes is not null) Write(main.AddNewPart<EndnotesPart>(), $"<w:endnotes {Namespaces}>{Separators.Replace("footnote", "endnote")}{Endnotes}</w:endnotes>");
            foreach (var (id, bytes) in Images)
            {
                var part = main.AddImagePart(ImagePartType.Png, id);
                using var data = new MemoryStream(bytes);
                part.FeedData(data);
            }

            foreach (var (id, url) in Hyperlinks) main.AddHyperlinkRelationship(new Uri(url, UriKind.RelativeOrAbsolute), true, id);
            foreach (var (id, (type, target)) in External) main.AddExternalRelationship(type, new Uri(target, UriKind.RelativeOrAbsolute), id);
        }

        return stream.ToArray();
    }

    private static void Write(OpenXmlPart part, string xml)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        var bytes = Encoding.UTF8.GetBytes(xml);
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Escapes text for WordprocessingML.</summary>
    public static string X(string text) => SecurityElement.Escape(text) ?? string.Empty;

    /// <summary>A run of text: its w:rPr inside (e.g. "&lt;w:bCs/&gt;"), its text kept with its spaces.</summary>
    public static string Run(string text, string properties = "") =>
        $"<w:r>{(properties.Length > 0 ? $"<w:rPr>{properties}</w:rPr>" : string.Empty)}<w:t xml:space=\"preserve\">{X(text)}</w:t></w:r>";

    /// <summary>A paragraph: its w:pPr inside and its content.</summary>
    public static string Paragraph(string content, string properties = "") =>
        $"<w:p>{(properties.Length > 0 ? $"<w:pPr>{properties}</w:pPr>" : string.Empty)}{content}</w:p>";

    public static string FootnoteReference(string id, string extra = "") =>
        $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"{extra}/></w:r>";

    public static string EndnoteReference(string id) =>
        $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:endnoteReference w:id=\"{id}\"/></w:r>";

    /// <summary>A footnote (or endnote) as Word writes it: its mark, a space, then the text.</summary>
    public static string Note(string element, string id, string content, string properties = "<w:bidi/>") =>
        $"<w:{element} w:id=\"{id}\"><w:p><w:pPr>{properties}</w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:{element}Ref/></w:r>{Run(" ")}{content}</w:p></w:{element}>";

    /// <summary>An inline picture with its alt text (wp:docPr/@descr).</summary>
    public static string Picture(string relationshipId, string alt, int id = 1) => $"""
        <w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="{id}" name="Picture {id}" descr="{X(alt)}"/>
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="p{id}"/><pic:cNvPicPr/></pic:nvPicPr>
        <pic:blipFill><a:blip r:embed="{relationshipId}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
        """;

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private const string Arabic = "<w:rtl/><w:lang w:bidi=\"ar-SA\"/>";

    /// <summary>An article written as Word writes an Arabic document: Heading 1 per chapter, right-to-left paragraphs, numbered footnotes keeping their line breaks, then the abstracts under headings in their language.</summary>
    public static DocxFixture FromArticle(Article article)
    {
        var body = new StringBuilder();
        var footnotes = new StringBuilder();
        foreach (var chapter in article.Chapters)
        {
            if (chapter.Title.Length > 0) body.Append(Paragraph(Run(chapter.Title, Arabic), "<w:pStyle w:val=\"Heading1\"/><w:bidi/>"));
            foreach (var paragraph in chapter.Paragraphs) body.Append(Paragraph(Inlines(paragraph.Inlines, Arabic), "<w:bidi/>"));
            foreach (var note in chapter.Notes)
            {
                // A note in English or French is a left-to-right paragraph of Latin runs, as Word keeps it.
                var ltr = note.Paragraphs.Any(p => p.Direction == TextDirection.LeftToRight);
                footnotes.Append(Note("footnote", note.Id, string.Concat(note.Paragraphs.Select(p => Inlines(p.Inlines, ltr ? string.Empty : Arabic))), ltr ? string.Empty : "<w:bidi/>"));
            }
        }

        foreach (var summary in article.Abstracts)
        {
            var lang = summary.Language == "en" ? "<w:lang w:val=\"en-US\"/>" : "<w:lang w:val=\"fr-FR\"/>";
            body.Append(Paragraph(Run(summary.Title, lang), "<w:pStyle w:val=\"Heading1\"/>"));
            foreach (var paragraph in summary.Paragraphs) body.Append(Paragraph(Run(paragraph, lang)));
        }

        body.Append("<w:sectPr><w:bidi/></w:sectPr>");
        return new DocxFixture { Body = body.ToString(), Footnotes = footnotes.ToString() };
    }

    private static string Inlines(IEnumerable<Inline> inlines, string properties) => string.Concat(inlines.Select(inline => inline switch
    {
        TextRun t => Run(t.Text, properties),
        LineBreak => "<w:r><w:br/></w:r>",
        NoteReference r when r.Kind == NoteKind.Footnote => FootnoteReference(r.Id),
        NoteReference r => EndnoteReference(r.Id),
        Styled s => Inlines(s.Children, properties + s.Style switch
        {
            TextStyle.Strong => "<w:b/><w:bCs/>",
            TextStyle.Emphasis => "<w:i/><w:iCs/>",
            TextStyle.Superscript => "<w:vertAlign w:val=\"superscript\"/>",
            TextStyle.Strikethrough => "<w:strike/>",
            TextStyle.Underline => "<w:u w:val=\"single\"/>",
            TextStyle.SmallCaps => "<w:smallCaps/>",
            _ => "<w:vertAlign w:val=\"subscript\"/>",
        }),
        Link l => Inlines(l.Children, properties),
        _ => string.Empty,
    }));
}
