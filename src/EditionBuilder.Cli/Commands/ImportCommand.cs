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
        var force = CommandParts.Force("Replace a non-empty output folder that is not an article folder (it holds no article.yml), and chapters, abstracts or images of the folder that differ from this import.");
        var encoding = CommandParts.Encoding();
        var command = new Command("import", "Turn a Word document (.docx) or its text export (.txt) into an article folder's Markdown chapters, images, abstracts and article.yml.") { source, output, force, encoding };
        command.SetAction(parsed => Run(parsed.GetValue(source)!, parsed.GetValue(output), parsed.GetValue(force), CommandParts.EncodingNamed(parsed.GetValue(encoding)), reporter));
        return command;
    }

    private static int Run(string source, string? outputOption, bool force, System.Text.Encoding? encoding, Reporter reporter)
    {
        if (!File.Exists(source)) throw new UsageException($"{source}: no such file");

        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read(source, File.ReadAllBytes(source), diagnostics, out var kept, encoding);
        if (reporter.Print(diagnostics) || article is null) return ExitCodes.InputErrors;

        var metadata = ArticleMarkdown.MetadataFrom(article);
        var output = outputOption ?? Path.Combine("artifacts", "markdown", ArticleMarkdown.SlugFor(article, source));
        // Converting in place (content/x/source/a.docx -o content/x) is the article's own folder, even before it has an
        // article.yml; the source is kept, as is everything else the import does not write (ImportPlan).
        var inPlace = IsInside(source, Path.Combine(output, "source"));
        OutputGuard.Ensure(OutputKind.Import, output, inPlace ? [] : [new(source, "the source file")], force || inPlace);

        // The publisher's article.yml keeps every field it sets; only its empty fields are filled, in its own text.
        var metadataPath = Path.Combine(output, "article.yml");
        string? merged = null;
        var said = new List<string>(); // printed once the folder is written
        if (File.Exists(metadataPath))
        {
            var existing = File.ReadAllText(metadataPath);
            if (Content.MetadataYaml.ReadArticle(metadataPath, existing, diagnostics) is null)
            {
                reporter.Print(diagnostics);
                return ExitCodes.InputErrors;
            }

            merged = Content.MetadataMerge.MergeText(metadataPath, existing, metadata, out var filled, out var notFilled);
            if (filled.Count > 0) said.Add($"{metadataPath}: filled {string.Join(", ", filled)}; every other field kept as written");
            if (notFilled.Count > 0) said.Add($"{metadataPath}: kept as written; fill {string.Join(", ", notFilled)} by hand (the source gives them, but this file's layout could not be edited safely)");
        }

        ImportPlan plan;
        try
        {
            plan = ImportPlan.Make(output, ArticleMarkdown.Files(article, metadata, merged));
        }
        catch (IOException e)
        {
            throw new OutputRefusedException("refusing to import: " + e.Message);
        }

        if (plan.Blocking.Count > 0)
        {
            foreach (var (relative, kind) in plan.Blocking)
            {
                var where = Path.Combine(output, relative);
                var what = kind == Files.FileType.SymbolicLink ? $"a symbolic link (to {new FileInfo(where).LinkTarget})" : Files.FileTypeText.Describe(kind);
                diagnostics.Error(DiagnosticCodes.ImportFolderIsLink, where, 0, 0,
                    $"{where} is {what}, where the import writes a folder of its own; it never writes through a link: remove it, or replace it with a real folder holding what it points to, and import again");
            }

            reporter.Print(diagnostics, $"nothing was written; {output} is untouched.");
            return ExitCodes.InputErrors;
        }

        if (plan.ReplacesEdits && !force)
        {
            throw new OutputRefusedException($"refusing to import into {output}: it would {Replacing(plan)}, which may hold your edits; "
                + "compare them with a fresh import elsewhere (-o another folder), or pass --force to replace them with what the source says");
        }

        plan.Apply();
        foreach (var line in said) reporter.Line(line);
        if (plan.ReplacesEdits) reporter.Line($"replaced {plan.Changed.Count} and removed {plan.Dropped.Count} file(s) of {output} that differed from this import (--force)");
        if (plan.Kept.Count > 0) reporter.Line($"kept    {plan.Kept.Count} file(s) of {output} the import does not write: {Listed(plan.Kept)}");
        reporter.Line($"imported {source}: {Summary(article)}; {kept!.Summary} -> {output}");
        return ExitCodes.Success;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Replacing(ImportPlan plan)
    {
        var parts = new List<string>();
        if (plan.Changed.Count > 0) parts.Add($"change {plan.Changed.Count} file(s) ({Listed(plan.Changed)})");
        if (plan.Dropped.Count > 0) parts.Add($"remove {plan.Dropped.Count} file(s) the source no longer gives ({Listed(plan.Dropped)})");
        return string.Join(" and ", parts);
    }

    private static string Listed(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(5)) + (paths.Count > 5 ? $" and {paths.Count - 5} more" : string.Empty);

    private static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }

    public static string Summary(Article article)
    {
        var abstracts = ArticleMarkdown.Abstracts(article).Select(a => a.Language).ToList();
        return $"{Count(article.Chapters.Count, "chapter")}, {Count(article.Paragraphs.Count(), "paragraph")}, {Count(article.Notes.Count(), "note")}, "
            + Count(abstracts.Count, "abstract") + (abstracts.Count > 0 ? $" ({string.Join(", ", abstracts)})" : string.Empty)
            + (article.Media.Count > 0 ? $", {Count(article.Media.Count, "image")}" : string.Empty)
            + (article.Opening.IsEmpty ? string.Empty : $", front matter ({Count(article.Opening.Authors.Count, "author")}{Keywords(article.Opening)})");
    }

    // Keywords per language, as EB0108 lists the opening's ("4 keywords (ar, line 12)"): one total over every language
    // ("12 keywords") read as if the opening had listed twelve.
    private static string Keywords(ArticleOpening frontMatter) =>
        frontMatter.Keywords.Count == 0 ? string.Empty
            : ", keywords: " + string.Join(", ", frontMatter.Keywords.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value.Count} {k.Key}"));
}
