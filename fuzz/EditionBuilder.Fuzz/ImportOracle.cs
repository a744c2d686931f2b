using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;

namespace EditionBuilder.Fuzz;

/// <summary>What must hold for any input: the importer never throws, and whatever it accepts reads back from Markdown unchanged and renders without raw markup.</summary>
public static class ImportOracle
{
    /// <summary>Null when the input behaves; otherwise what went wrong.</summary>
    public static string? Check(byte[] input)
    {
        try
        {
            var diagnostics = new DiagnosticBag();
            var article = WordExportReader.Read("fuzz.txt", input, diagnostics);
            if (article is null) return diagnostics.HasErrors ? null : "no article and no error";
            foreach (var chapter in article.Chapters)
            {
                var markdown = ChapterWriter.Write(chapter);
                var read = ChapterReader.Read("fuzz.md", markdown, new DiagnosticBag());
                if (read is null || !read.Chapter.Equals(chapter)) return $"chapter {chapter.Order} does not read back from its Markdown";
                var html = Markdig.Markdown.ToHtml(FrontMatter.Split(markdown).Body, Pipeline);
                if (html.Contains("<script", StringComparison.OrdinalIgnoreCase) || html.Contains("<img", StringComparison.OrdinalIgnoreCase))
                {
                    return $"chapter {chapter.Order} renders raw markup";
                }
            }

            foreach (var summary in article.Abstracts)
            {
                if (!summary.Equals(ChapterReader.ReadAbstract("fuzz.md", ChapterWriter.Write(summary), new DiagnosticBag()))) return $"abstract {summary.Language} does not read back";
            }

            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }

    /// <summary>For a finding: each chapter that does not read back, its Markdown, and what came back.</summary>
    public static string Explain(byte[] input)
    {
        var article = WordExportReader.Read("fuzz.txt", input, new DiagnosticBag());
        if (article is null) return Check(input) ?? "rejected with errors (fine)";
        var report = new System.Text.StringBuilder();
        foreach (var chapter in article.Chapters)
        {
            var markdown = ChapterWriter.Write(chapter);
            var read = ChapterReader.Read("fuzz.md", markdown, new DiagnosticBag());
            if (read is not null && read.Chapter.Equals(chapter)) continue;
            report.AppendLine("--- written:").AppendLine(markdown).AppendLine("--- read back:").AppendLine(read is null ? "(null)" : ChapterWriter.Write(read.Chapter));
            for (var i = 0; i < Math.Max(chapter.Paragraphs.Count, read?.Chapter.Paragraphs.Count ?? 0); i++)
            {
                var a = i < chapter.Paragraphs.Count ? chapter.Paragraphs[i] : null;
                var b = read is not null && i < read.Chapter.Paragraphs.Count ? read.Chapter.Paragraphs[i] : null;
                if (a is not null && b is not null && a.Equals(b)) continue;
                report.AppendLine($"paragraph {i}: [{string.Join("|", a?.Inlines.Select(x => x.ToString()) ?? [])}]\n  vs [{string.Join("|", b?.Inlines.Select(x => x.ToString()) ?? [])}]");
            }

            report.AppendLine($"title '{chapter.Title}' vs '{read?.Chapter.Title}'; notes {chapter.Notes.Count} vs {read?.Chapter.Notes.Count}");
            foreach (var (x, y) in chapter.Notes.Zip(read?.Chapter.Notes ?? []))
            {
                if (!x.Equals(y)) report.AppendLine($"note {x.Number}: [{string.Join("|", x.Lines)}] vs {y.Number}: [{string.Join("|", y.Lines)}]");
            }
        }

        return report.ToString();
    }

    private static readonly Markdig.MarkdownPipeline Pipeline = EditionMarkdown.CreatePipeline();
}
