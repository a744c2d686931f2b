using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import.Docx;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>Every kind of bad .docx: a positioned error in the user's words and nothing written — by the reader, by `edition import`'s library step (ImportArticle) and by `edition build`'s (FolderBuild) of a content folder.</summary>
public class BadDocxTests
{
    private static byte[] Good() => new DocxFixture
    {
        Body = Paragraph(Run("المقدمة", "<w:rtl/>"), "<w:pStyle w:val=\"Heading1\"/><w:bidi/>") + Paragraph(Run("نص الفقرة الأولى من المقال", "<w:rtl/>"), "<w:bidi/>"),
    }.Build();

    // Rewrites one entry of a .docx (or adds it), the way a damaged or hostile file would differ from a good one.
    private static byte[] WithEntry(byte[] docx, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var entry = zip.CreateEntry(name, level).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    private static byte[] WithoutEntry(byte[] docx, string name)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) zip.GetEntry(name)?.Delete();
        return stream.ToArray();
    }

    // A zip holding no file: its end record alone.
    private static byte[] EmptyZip()
    {
        using var stream = new MemoryStream();
        using (new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        return stream.ToArray();
    }

    private static string EntryText(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public static TheoryData<string> BadInputs() => new(Cases.Value.Keys);

    private static readonly Lazy<Dictionary<string, (byte[] Bytes, string Code, string Where)>> Cases = new(MakeCases);

    /// <summary>Each bad input: its bytes, the code it must give, and the start of the position the error must name.</summary>
    private static Dictionary<string, (byte[] Bytes, string Code, string Where)> MakeCases()
    {
        var good = Good();
        var contentTypes = EntryText(good, "[Content_Types].xml");
        var document = EntryText(good, "word/document.xml");
        var ole = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        var encrypted = ole.ToArray();
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(encrypted, 1024);
        var bigImage = RandomNumberGenerator.GetBytes(11 * 1024 * 1024);
        TinyPng.CopyTo(bigImage, 0);
        var withBigImage = new DocxFixture { Body = Paragraph(Picture("rIdImg1", "صورة كبيرة"), "<w:bidi/>") };
        withBigImage.Images["rIdImg1"] = bigImage;
        var unsafeSvg = new DocxFixture { Body = Paragraph(Picture("rIdImg1", "رسم"), "<w:bidi/>") };
        unsafeSvg.Images["rIdImg1"] = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        var external = new DocxFixture { Body = Paragraph(Run("قبل", "<w:rtl/>"), "<w:bidi/>") + "<w:altChunk r:id=\"rIdExt\"/>" };
        external.External["rIdExt"] = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk", "http://example.org/chunk.html");

        var withFootnotes = new DocxFixture
        {
            Body = Paragraph(Run("نص بحاشية", "<w:rtl/>") + FootnoteReference("1"), "<w:bidi/>"),
            Footnotes = Note("footnote", "1", Run("الحاشية", "<w:rtl/>")),
        }.Build();

        return new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal)
        {
            ["not a zip"] = (Encoding.UTF8.GetBytes("نص عادي وليس مستند وورد"), DiagnosticCodes.DocxNotAZip, "bad.docx"),
            ["an old .doc"] = (ole, DiagnosticCodes.DocxOldWord, "bad.docx"),
            ["password-protected"] = (encrypted, DiagnosticCodes.DocxEncrypted, "bad.docx"),
            ["a .docm"] = (WithEntry(good, "[Content_Types].xml", Encoding.UTF8.GetBytes(contentTypes.Replace("document.main+xml", "document.macroEnabled.main+xml"))), DiagnosticCodes.DocxMacros, "bad.docx"),
            ["a zip bomb"] = (WithEntry(good, "word/media/zeros.bin", new byte[8 * 1024 * 1024], CompressionLevel.SmallestSize), DiagnosticCodes.DocxZipBomb, "bad.docx:word/media/zeros.bin"),
            ["no main part"] = (WithoutEntry(good, "word/document.xml"), DiagnosticCodes.DocxPartMissing, "bad.docx"),
            ["a DTD"] = (WithEntry(good, "word/document.xml", Encoding.UTF8.GetBytes(document.Replace("<w:document", "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document"))), DiagnosticCodes.DocxDtd, "bad.docx:word/document.xml:1:"),
            ["broken XML"] = (WithEntry(good, "word/document.xml", Encoding.UTF8.GetBytes(document.Replace("</w:body>", "</w:bod>"))), DiagnosticCodes.DocxBadXml, "bad.docx:word/document.xml:1:"),
            ["external content"] = (external.Build(), DiagnosticCodes.DocxExternalContent, "bad.docx:word/document.xml:paragraph 1"),
            ["a reference to a missing note"] = (new DocxFixture { Body = Paragraph(Run("نص يحيل إلى حاشية غائبة", "<w:rtl/>") + FootnoteReference("5"), "<w:bidi/>"), Footnotes = string.Empty }.Build(), DiagnosticCodes.DocxNoteMissing, "bad.docx:word/document.xml:paragraph 1 (“نص يحيل إلى حاشية غائبة”)"),
            ["an image over the limit"] = (withBigImage.Build(), DiagnosticCodes.ImageTooLarge, "bad.docx:word/document.xml:paragraph 1"),
            ["an SVG with a script"] = (unsafeSvg.Build(), DiagnosticCodes.ImageUnsafe, "bad.docx:word/document.xml:paragraph 1"),
            ["an empty zip"] = (EmptyZip(), DiagnosticCodes.DocxNotAZip, "bad.docx"),
            ["a missing footnotes part"] = (WithoutEntry(withFootnotes, "word/footnotes.xml"), DiagnosticCodes.DocxDamaged, "bad.docx:word/_rels/document.xml.rels"),
            ["10,000 nested tables"] = (WordNestingTests.Stored(good, WordNestingTests.NestedTables(10_000)), DiagnosticCodes.DocxXmlTooDeep, "bad.docx:word/document.xml:1:"),
            ["70 nested tables"] = (WordNestingTests.Stored(good, WordNestingTests.NestedTables(70)), DiagnosticCodes.DocxNestedTooDeep, "bad.docx:word/document.xml:paragraph 1"),
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Given_a_bad_docx_When_read_Then_a_positioned_error_in_the_users_words_and_no_article(string name)
    {
        var (bytes, code, where) = Cases.Value[name];
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("bad.docx", bytes, diagnostics);

        Assert.Null(article);
        var error = diagnostics.Items.First(d => d.Severity == Severity.Error);
        Assert.True(code == error.Code, $"{name}: {string.Join('\n', diagnostics.Items)}");
        Assert.StartsWith(where, error.ToString());
        Assert.DoesNotContain("Exception", error.Message);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Given_a_bad_docx_When_imported_Then_not_succeeded_a_positioned_error_and_nothing_written(string name)
    {
        var (bytes, code, where) = Cases.Value[name];
        using var temp = new TempFolder();
        var source = temp.File("bad.docx", bytes);
        var diagnostics = new DiagnosticBag();

        var report = ImportArticle.Run(source, Path.Combine(temp.Path, "out"), force: false, diagnostics);

        Assert.False(report.Succeeded);
        var said = string.Join('\n', diagnostics.Items);
        Assert.True(diagnostics.Items.Any(d => d.Severity == Severity.Error && d.Code == code && d.ToString().StartsWith(where.Replace("bad.docx", source), StringComparison.Ordinal)), $"{name}: {said}");
        Assert.DoesNotContain("   at ", said);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Given_a_bad_docx_in_an_article_source_folder_When_built_Then_not_succeeded_and_no_site(string name)
    {
        var (bytes, code, where) = Cases.Value[name];
        using var temp = new TempFolder();
        var source = temp.File("content/article/source/bad.docx", bytes);
        temp.File("content/article/article.yml", Encoding.UTF8.GetBytes("title: { ar: عنوان }\n"));

        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), theme: Repo.Templates);

        Assert.False(built.Succeeded);
        Assert.True(built.Errors(code).Any(e => e.ToString().StartsWith(where.Replace("bad.docx", source), StringComparison.Ordinal)), $"{name}: {built.Said}");
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Theory]
    [InlineData("   at System.IO.Packaging.ZipPackage.GetPartCore(Uri partUri)\n   at EditionBuilder.Import.Docx.DocxReader.Read()", true)]
    [InlineData("   bei DocumentFormat.OpenXml.Packaging.OpenXmlPart.Load(Stream s) in /_/src/Part.cs:Zeile 12\n   bei X.Y()", true)]
    [InlineData("   at DocumentFormat.OpenXml.Packaging.OpenXmlPackage.Open() + 0x45", true)]
    [InlineData("   at EditionBuilder.Import.Docx.DocxReader.Read()\n   at System.IO.Packaging.ZipPackage.GetPartCore(Uri partUri)", false)]
    [InlineData("   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)", false)]
    [InlineData("", false)]
    public void Given_an_exception_s_stack_trace_Then_a_package_fault_is_told_by_its_innermost_frame_without_reflection(string trace, bool packageFault)
    {
        Assert.Equal(packageFault, DocxPackage.ThrownByPackageCode(trace));
    }
}
