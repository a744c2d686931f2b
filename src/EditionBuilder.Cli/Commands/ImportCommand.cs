using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Output;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition import &lt;source.txt|.docx&gt; [-o &lt;dir&gt;]</c>: a Word document or its text export becomes an article folder's Markdown half (with its images).</summary>
internal static class ImportCommand
{
    public const string Usage = "edition import <source.txt|.docx> [-o <article-dir>]   (default: artifacts/markdown/<article-slug>)";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, ["-o", "--output"], []);
        line.ExpectAtMost(1, Usage);
        var source = line.Positional(0) ?? throw new UsageException($"import needs a source file\nusage: {Usage}");
        if (!File.Exists(source)) throw new UsageException($"{source}: no such file");

        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read(source, File.ReadAllBytes(source), diagnostics);
        if (reporter.Print(diagnostics) || article is null) return ExitCodes.InputErrors;

        var metadata = ArticleMarkdown.MetadataFrom(article);
        var output = line.Option("-o", "--output") ?? Path.Combine("artifacts", "markdown", ArticleMarkdown.SlugFor(article, source));
        AtomicFolder.Replace(output, ArticleMarkdown.Files(article, metadata));

        reporter.Line($"imported {source}: {Summary(article)} -> {output}");
        return ExitCodes.Success;
    }

    public static string Summary(Article article) =>
        $"{article.Chapters.Count} chapters, {article.Paragraphs.Count()} paragraphs, {article.Notes.Count()} notes, "
        + $"{article.Abstracts.Count} abstracts ({string.Join(", ", article.Abstracts.Select(a => a.Language).Order(StringComparer.Ordinal))})"
        + (article.Media.Count > 0 ? $", {article.Media.Count} images" : string.Empty);
}
