using System.CommandLine;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Output;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition import &lt;source.txt|.docx&gt; [-o &lt;dir&gt;]</c>: a Word document or its text export becomes an article folder's Markdown half (with its images).</summary>
internal static class ImportCommand
{
    public static Command Create(Reporter reporter)
    {
        var source = CommandParts.Path("source", "The Word document (.docx) or its text export (.txt) to import.");
        var output = CommandParts.Output("The article folder to write (default: artifacts/markdown/<article-slug>).");
        var force = CommandParts.Force("Replace a non-empty output folder that is not an article folder (it holds no article.yml).");
        var command = new Command("import", "Turn a Word document (.docx) or its text export (.txt) into an article folder's Markdown chapters, images, abstracts and article.yml.") { source, output, force };
        command.SetAction(parsed => Run(parsed.GetValue(source)!, parsed.GetValue(output), parsed.GetValue(force), reporter));
        return command;
    }

    private static int Run(string source, string? outputOption, bool force, Reporter reporter)
    {
        if (!File.Exists(source)) throw new UsageException($"{source}: no such file");

        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read(source, File.ReadAllBytes(source), diagnostics);
        if (reporter.Print(diagnostics) || article is null) return ExitCodes.InputErrors;

        var metadata = ArticleMarkdown.MetadataFrom(article);
        var output = outputOption ?? Path.Combine("artifacts", "markdown", ArticleMarkdown.SlugFor(article, source));
        OutputGuard.Ensure(OutputKind.Import, output, [new(source, "the source file")], force);
        AtomicFolder.Replace(output, ArticleMarkdown.Files(article, metadata), OutputKind.Import);

        reporter.Line($"imported {source}: {Summary(article)} -> {output}");
        return ExitCodes.Success;
    }

    public static string Summary(Article article) =>
        $"{article.Chapters.Count} chapters, {article.Paragraphs.Count()} paragraphs, {article.Notes.Count()} notes, "
        + $"{article.Abstracts.Count} abstracts ({string.Join(", ", article.Abstracts.Select(a => a.Language).Order(StringComparer.Ordinal))})"
        + (article.Media.Count > 0 ? $", {article.Media.Count} images" : string.Empty);
}
