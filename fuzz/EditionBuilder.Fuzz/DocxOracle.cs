using EditionBuilder.Diagnostics;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;

namespace EditionBuilder.Fuzz;

/// <summary>What must hold for any .docx: the reader never throws (a bad file is an error with a position), and whatever it accepts reads back from its Markdown as the chapters it made.</summary>
public static class DocxOracle
{
    /// <summary>Null when the document behaves; otherwise what went wrong.</summary>
    public static string? Check(byte[] input)
    {
        try
        {
            var diagnostics = new DiagnosticBag();
            var article = DocxReader.Read("fuzz.docx", input, diagnostics);
            if (article is null) return diagnostics.HasErrors ? null : "no article and no error";
            if (diagnostics.Items.Any(d => d.Message.Contains("Exception", StringComparison.Ordinal))) return "a diagnostic names an exception";
            foreach (var chapter in article.Chapters)
            {
                var markdown = ChapterWriter.Write(chapter);
                var read = ChapterReader.Read("fuzz.md", markdown, new DiagnosticBag());
                if (read is null || !read.Chapter.Equals(chapter)) return $"chapter {chapter.Order} does not read back from its Markdown:\n{markdown}";
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
}
