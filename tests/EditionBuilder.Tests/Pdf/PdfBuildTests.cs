using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pdf;

/// <summary>The PDF in a build: written beside the article's pages, offered on its landing page with its size and named by citation_pdf_url; left out with --no-pdf.</summary>
public class PdfBuildTests
{
    [SkippableFact]
    public void Given_a_build_When_the_compiler_is_installed_Then_the_article_has_its_PDF_offered_on_its_landing_page_with_citation_pdf_url()
    {
        PdfArticles.RequireEngine();

        var (report, files, landing) = Build(BuildOptions.Uncompressed);

        Assert.Equal(1, report.WrittenBy("pdf"));
        var pdf = Assert.Single(files, f => f.Path == "small/small.pdf");
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.Bytes, 0, 5));
        Assert.Contains("href=\"../small/small.pdf\" type=\"application/pdf\"", landing, StringComparison.Ordinal);
        Assert.Contains($"({(pdf.Bytes.Length + 1023) / 1024} ", landing, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"citation_pdf_url\" content=\"../small/small.pdf\"", landing, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_pdf_When_built_Then_there_is_no_PDF_no_link_and_no_citation_pdf_url()
    {
        var (report, files, landing) = Build(BuildOptions.Uncompressed.Without("pdf"));

        Assert.Equal(0, report.WrittenBy("pdf"));
        Assert.DoesNotContain(files, f => f.Path.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.DoesNotContain("application/pdf", landing, StringComparison.Ordinal);
        Assert.DoesNotContain("citation_pdf_url", landing, StringComparison.Ordinal);
        Assert.Contains("small.epub", landing, StringComparison.Ordinal);
    }

    private static (BuildReport Report, IReadOnlyList<SiteFile> Files, string Landing) Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var sink = new MemorySink();
        var report = new SiteBuild(SeedSite.Get().Templates, options).Run(SmallEdition.Content(), sink, diagnostics);
        Assert.True(report.Succeeded, string.Join("\n", diagnostics.Items));
        return (report, sink.Files, sink.Files.Single(f => f.Path == "small/index.html").AsText());
    }
}
