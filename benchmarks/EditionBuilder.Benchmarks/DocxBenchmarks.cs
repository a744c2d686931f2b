using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;

namespace EditionBuilder.Benchmarks;

/// <summary>Importing the seed article as a Word document (made from its chapters as Word writes an Arabic document). The baseline is DocumentFormat.OpenXml's own load of the same file, measured in the same run.</summary>
[MemoryDiagnoser]
public class DocxBenchmarks
{
    private byte[] _docx = [];

    [GlobalSetup]
    public void Setup() => _docx = DocxCorpus.Seed(File.ReadAllBytes(Seed.SourcePath));

    [Benchmark(Baseline = true, Description = "peer: OpenXml WordprocessingDocument.Open + read the body")]
    public int OpenXmlLoad()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(_docx, writable: false), false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Sum(t => t.Text.Length);
    }

    [Benchmark(Description = "import: .docx -> model (chapters, notes, abstracts)")]
    public Article? DocxImport() => DocxReader.Read("seed.docx", _docx, new DiagnosticBag());

    [Benchmark(Description = "import .docx + write Markdown chapters")]
    public int DocxImportToMarkdown()
    {
        var article = DocxReader.Read("seed.docx", _docx, new DiagnosticBag())!;
        return ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Sum(f => f.Text.Length);
    }
}
