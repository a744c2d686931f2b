using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Output;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition import &lt;source.txt&gt; [-o &lt;dir&gt;]</c>: a Word text export becomes an article folder's Markdown half.</summary>
internal static class ImportCommand
{
    public const string Usage = "edition import <source.txt> [-o <article-dir>] [--force]   (default: artifacts/markdown/<article-slug>)";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, ["-o", "--output"], ["--force"]);
        line.ExpectAtMost(1, Usage);
        var source = line.Positional(0) ?? throw new UsageException($"import needs a source file\nusage: {Usage}");
        if (!File.Exists(source)) throw new UsageException($"{source}: no such file");

        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read(source, File.ReadAllBytes(source), diagnostics);
        if (reporter.Print(diagnostics) || article is null) return ExitCodes.InputErrors;

        var metadata = ArticleMarkdown.MetadataFrom(article);
        var output = line.Option("-o", "--output") ?? Path.Combine("artifacts", "markdown", ArticleMarkdown.SlugFor(article, source));
        OutputGuard.Ensure(OutputKind.Import, output, [new(source, "the source file")], line.Flag("--force"));
        var files = ArticleMarkdown.Write(article, metadata);
        AtomicFolder.Replace(output, files, OutputKind.Import);

        reporter.Line($"imported {source}: {Summary(article)} -> {output}");
        return ExitCodes.Success;
    }

    public static string Summary(Article article) =>
        $"{article.Chapters.Count} chapters, {article.Paragraphs.Count()} paragraphs, {article.Notes.Count()} notes, "
        + $"{article.Abstracts.Count} abstracts ({string.Join(", ", article.Abstracts.Select(a => a.Language).Order(StringComparer.Ordinal))})";
}
