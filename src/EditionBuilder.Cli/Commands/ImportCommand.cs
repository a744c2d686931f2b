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
        var encoding = CommandParts.Encoding();
        var command = new Command("import", "Turn a Word document (.docx) or its text export (.txt) into an article folder's Markdown chapters, images, abstracts and article.yml.") { source, output, force, encoding };
        command.SetAction(parsed => Run(parsed.GetValue(source)!, parsed.GetValue(output), parsed.GetValue(force), CommandParts.EncodingNamed(parsed.GetValue(encoding)), reporter));
        return command;
    }

    private static int Run(string source, string? outputOption, bool force, System.Text.Encoding? encoding, Reporter reporter)
    {
        if (!File.Exists(source)) throw new UsageException($"{source}: no such file");

        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read(source, File.ReadAllBytes(source), diagnostics, encoding);
        if (reporter.Print(diagnostics) || article is null) return ExitCodes.InputErrors;

        var metadata = ArticleMarkdown.MetadataFrom(article);
        var output = outputOption ?? Path.Combine("artifacts", "markdown", ArticleMarkdown.SlugFor(article, source));
        OutputGuard.Ensure(OutputKind.Import, output, [new(source, "the source file")], force);

        // The publisher's article.yml keeps every field it sets; only its empty fields are filled, in its own text.
        var metadataPath = Path.Combine(output, "article.yml");
        string? merged = null;
        if (File.Exists(metadataPath))
        {
            var existing = File.ReadAllText(metadataPath);
            if (Content.MetadataYaml.ReadArticle(metadataPath, existing, diagnostics) is null)
            {
                reporter.Print(diagnostics);
                return ExitCodes.InputErrors;
            }

            merged = Content.MetadataMerge.MergeText(metadataPath, existing, metadata, out var filled, out var notFilled);
            if (filled.Count > 0) reporter.Line($"{metadataPath}: filled {string.Join(", ", filled)}; every other field kept as written");
            if (notFilled.Count > 0) reporter.Line($"{metadataPath}: kept as written; fill {string.Join(", ", notFilled)} by hand (the source gives them, but this file's layout could not be edited safely)");
        }

        var files = ArticleMarkdown.Files(article, metadata, merged);
        AtomicFolder.Replace(output, files, OutputKind.Import);

        reporter.Line($"imported {source}: {Summary(article)} -> {output}");
        return ExitCodes.Success;
    }

    public static string Summary(Article article)
    {
        var abstracts = ArticleMarkdown.Abstracts(article).Select(a => a.Language).ToList();
        return $"{article.Chapters.Count} chapters, {article.Paragraphs.Count()} paragraphs, {article.Notes.Count()} notes, "
            + $"{abstracts.Count} abstracts ({string.Join(", ", abstracts)})"
            + (article.Media.Count > 0 ? $", {article.Media.Count} images" : string.Empty)
            + (article.FrontMatter.IsEmpty ? string.Empty : $", front matter ({article.FrontMatter.Authors.Count} authors, {article.FrontMatter.Keywords.Values.Sum(k => k.Count)} keywords)");
    }
}
