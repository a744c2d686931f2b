using System.Diagnostics;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>A .docx written by Debian's LibreOffice (not by Word, not by our code): its text box and struck text are kept.</summary>
public class LibreOfficeDocxTests
{
    private const string Soffice = "/usr/bin/soffice";

    // A flat OpenDocument text: a paragraph anchoring a text frame, and a span struck through.
    private const string FlatOdt = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
          xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
          xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
        <office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/></style:style></office:automatic-styles>
        <office:body><office:text>
        <text:p>Before the box.</text:p>
        <text:p>Anchor <draw:frame draw:name="Box1" text:anchor-type="paragraph" svg:width="5cm" svg:height="2cm"><draw:text-box><text:p>Datum plane</text:p></draw:text-box></draw:frame>text.</text:p>
        <text:p>After the box, with <text:span text:style-name="T1">struck</text:span> words.</text:p>
        </office:text></office:body></office:document>
        """;

    private static byte[] LibreOfficeDocx(string flatOdt)
    {
        Programs.Require(Soffice, "libreoffice-writer-nogui");
        using var temp = new TempFolder();
        temp.File("in.fodt", flatOdt);
        // Its own profile folder, so a LibreOffice already running (or another test) does not take the conversion.
        var start = new ProcessStartInfo(Soffice) { WorkingDirectory = temp.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["HOME"] = temp.Path;
        foreach (var arg in new[] { "--headless", "--convert-to", "docx", "--outdir", temp.Path, "in.fodt" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var docx = Path.Combine(temp.Path, "in.docx");
        Assert.True(process.ExitCode == 0 && File.Exists(docx), output.Result + errors);
        return File.ReadAllBytes(docx);
    }

    [SkippableFact]
    public void Given_a_docx_with_a_text_box_made_by_libreoffice_When_imported_Then_the_box_is_kept_once_where_it_stands_and_strike_is_kept()
    {
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("libreoffice.docx", LibreOfficeDocx(FlatOdt), diagnostics);

        Assert.True(article is not null, string.Join('\n', diagnostics.Items));
        var paragraphs = article.Chapters.SelectMany(c => c.Blocks).OfType<Paragraph>().Select(p => InlineText.Plain(p.Inlines)).ToList();
        Assert.Equal(["Before the box.", "Anchor text.", "Datum plane", "After the box, with struck words."], paragraphs);
        Assert.Contains("with ~~struck~~ words.", ChapterWriter.Write(article.Chapters.Single()));
    }
}
