using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Fuzz;

/// <summary>The documents the .docx fuzzing starts from: the seed article as Word writes it, and one document holding every feature the reader knows.</summary>
public static class DocxCorpus
{
    public static byte[] Seed(byte[] seedText) =>
        FromArticle(WordExportReader.Read("seed.txt", seedText, new DiagnosticBag())!).Build();

    public static byte[] Rich()
    {
        const string ar = "<w:rtl/>";
        static string Cell(string text) => $"<w:tc>{Paragraph(Run(text, ar), "<w:bidi/>")}</w:tc>";
        var fixture = new DocxFixture
        {
            Settings = "<w:footnotePr><w:numStart w:val=\"3\"/><w:numFmt w:val=\"arabicAlpha\"/></w:footnotePr>",
            Numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
            Body = Paragraph(Run("عنوان المقال", ar), "<w:pStyle w:val=\"Title\"/><w:bidi/>")
                + Paragraph(Run("المقدمة", ar), "<w:pStyle w:val=\"Heading1\"/><w:bidi/>")
                + Paragraph(Run("نص ", ar) + Run("عريض", ar + "<w:bCs/>") + Run(" و", ar) + Run("مائل", ar + "<w:iCs/>") + FootnoteReference("1") + Run(" و", ar)
                    + "<w:hyperlink r:id=\"rIdLink1\"><w:r><w:t>رابط</w:t></w:r></w:hyperlink>" + EndnoteReference("1")
                    + "<w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"2\"/><w:t>*</w:t></w:r>", "<w:bidi/>")
                + Paragraph(Run("بند", ar), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:bidi/>")
                + Paragraph(Run("بند فرعي", ar), "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr><w:bidi/>")
                + Paragraph(Run("اقتباس", ar), "<w:pStyle w:val=\"Quote\"/><w:bidi/>")
                + $"<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tr><w:trPr><w:tblHeader/></w:trPr>{Cell("أ")}{Cell("ب")}</w:tr><w:tr>{Cell("ج")}{Cell("د")}</w:tr></w:tbl>"
                + Paragraph(Picture("rIdImg1", "صورة"), "<w:bidi/>")
                + Paragraph(Run("الشكل 1", ar), "<w:pStyle w:val=\"Caption\"/><w:bidi/>")
                + Paragraph(Run("الخاتمة", ar), "<w:pStyle w:val=\"Heading1\"/><w:bidi/><w:sectPr/>")
                + Paragraph(Run("نص أخير", ar), "<w:bidi/>")
                + Paragraph(Run("The title", "<w:lang w:val=\"en-US\"/>"), "<w:pStyle w:val=\"Heading1\"/>")
                + Paragraph(Run("An English abstract of the article with enough words to be one, as the text export has them.", "<w:lang w:val=\"en-US\"/>")),
            Footnotes = Note("footnote", "1", Run("حاشية ", ar) + Run("Title", "<w:i/>")) + Note("footnote", "2", Run("بعلامة", ar)),
            Endnotes = Note("endnote", "1", Run("تعليق ختامي", ar)),
        };
        fixture.Images["rIdImg1"] = TinyPng;
        fixture.Hyperlinks["rIdLink1"] = "https://example.org/a";
        return fixture.Build();
    }
}
