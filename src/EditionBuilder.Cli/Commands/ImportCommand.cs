using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Output;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition import &lt;source.txt&gt; [-o &lt;dir&gt;]</c>: a Word text export becomes an article folder's Markdown half.</summary>
internal static class ImportCommand
{
    public const string Usage = "edition import <source.txt> [-o <article-dir>] [--encoding windows-1256|iso-8859-6|utf-16]   (default: artifacts/markdown/<article-slug>)";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, ["-o", "--output", "--encoding"], []);
        var encoding = EncodingOption(line.Option("--encoding"));
        line.ExpectAtMost(1, Usage);
        var source = line.Positional(0) ?? throw new UsageException($"import needs a source file\nusage: {Usage}");
        if (!File.Exists(source)) throw new UsageException($"{source}: no such file");

        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read(source, File.ReadAllBytes(source), diagnostics, encoding);
        if (reporter.Print(diagnostics) || article is null) return ExitCodes.InputErrors;

        var metadata = ArticleMarkdown.MetadataFrom(article);
        var output = line.Option("-o", "--output") ?? Path.Combine("artifacts", "markdown", ArticleMarkdown.SlugFor(article, source));

        // The publisher's article.yml keeps every field it sets; only its empty fields are filled, in its own text.
        var metadataPath = Path.Combine(output, "article.yml");
        string? existing = null;
        if (File.Exists(metadataPath))
        {
            existing = File.ReadAllText(metadataPath);
            if (Content.MetadataYaml.ReadArticle(metadataPath, existing, diagnostics) is null)
            {
                reporter.Print(diagnostics);
                return ExitCodes.InputErrors;
            }
        }

        var files = ArticleMarkdown.Write(article, metadata, existing, metadataPath);
        AtomicFolder.Replace(output, files);

        reporter.Line($"imported {source}: {Summary(article)} -> {output}");
        return ExitCodes.Success;
    }

    /// <summary>The encoding --encoding names; a usage error for a name it does not know.</summary>
    public static System.Text.Encoding? EncodingOption(string? name)
    {
        if (name is null) return null;
        return SourceEncodings.Find(name) ?? throw new UsageException($"--encoding takes {string.Join(", ", SourceEncodings.Names)}, not '{name}'");
    }

    public static string Summary(Article article) =>
        $"{article.Chapters.Count} chapters, {article.Paragraphs.Count()} paragraphs, {article.Notes.Count()} notes, "
        + $"{article.Abstracts.Count} abstracts ({string.Join(", ", article.Abstracts.Select(a => a.Language).Order(StringComparer.Ordinal))})";
}
