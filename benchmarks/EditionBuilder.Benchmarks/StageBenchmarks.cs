using BenchmarkDotNet.Attributes;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Epub;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Minify;
using EditionBuilder.Model;
using EditionBuilder.Parse;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Themes;

namespace EditionBuilder.Benchmarks;

/// <summary>Each stage on the seed article. The baseline is Markdig's plain CommonMark rendering of the same chapters: a well-known peer measured in the same run.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private byte[] _source = [];
    private Article _article = null!;
    private string _markdown = string.Empty;
    private EditionContent _content = null!;
    private Theme _templates = null!;
    private IReadOnlyList<SiteFile> _rendered = [];
    private Markdig.MarkdownPipeline _commonMark = null!;
    private Markdig.MarkdownPipeline _edition = null!;
    private ParsedArticle _parsed = null!;
    private EpubWriter _books = null!;

    [GlobalSetup]
    public void Setup()
    {
        var diagnostics = new DiagnosticBag();
        _source = File.ReadAllBytes(Seed.SourcePath);
        _article = WordExportReader.Read("seed.txt", _source, diagnostics)!;
        _markdown = string.Concat(_article.Chapters.Select(ChapterWriter.Write).Select(m => FrontMatter.Split(m).Body));
        _content = ContentFolder.Read(Path.Combine(Seed.Root, "content"), diagnostics)!;
        _templates = Theme.Load(Path.Combine(Seed.Root, "templates"), diagnostics)!;
        _rendered = SiteBuild.InMemory(_content, _templates, BuildOptions.AsRendered, diagnostics)!;
        _commonMark = new Markdig.MarkdownPipelineBuilder().Build();
        _edition = EditionMarkdown.CreatePipeline();
        var parser = new ArticleParser();
        _parsed = parser.Parse(_content.Articles[0], diagnostics)!;
        _books = EpubWriter.Create(_templates, _content.Edition, parser.Pipeline, null, diagnostics)!;
    }

    [Benchmark(Baseline = true, Description = "peer: Markdig CommonMark ToHtml of the chapters")]
    public string MarkdigCommonMark() => Markdig.Markdown.ToHtml(_markdown, _commonMark);

    [Benchmark(Description = "import: Word export -> model")]
    public Article? Import() => WordExportReader.Read("seed.txt", _source, new DiagnosticBag());

    [Benchmark(Description = "import + write Markdown chapters")]
    public int ImportToMarkdown()
    {
        var article = WordExportReader.Read("seed.txt", _source, new DiagnosticBag())!;
        return ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Sum(f => f.Text.Length);
    }

    [Benchmark(Description = "Markdown parse + render (edition notes)")]
    public string EditionMarkdownToHtml() => Markdig.Markdown.ToHtml(_markdown, _edition);

    [Benchmark(Description = "render: all pages through the templates")]
    public int RenderSite() => SiteBuild.InMemory(_content, _templates, BuildOptions.AsRendered, new DiagnosticBag())!.Count;

    [Benchmark(Description = "minify: NUglify on the rendered site")]
    public int MinifySite() => SiteMinifier.Minify(_rendered, new DiagnosticBag()).Count;

    [Benchmark(Description = "EPUB writer alone: the parsed article -> its book")]
    public int EpubBook() => _books.Write(_parsed, new DiagnosticBag())!.Bytes.Length;

    [Benchmark(Description = "whole build in memory (EPUB, render, minify, verify, compress)")]
    public int WholeBuild() => SiteBuild.InMemory(_content, _templates, BuildOptions.Published, new DiagnosticBag())!.Count;

    [Benchmark(Description = "whole build in memory without the EPUB (--no-epub)")]
    public int WholeBuildWithoutEpub() => SiteBuild.InMemory(_content, _templates, BuildOptions.Published.Without("epub"), new DiagnosticBag())!.Count;
}
