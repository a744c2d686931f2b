using System.Text;
using EditionBuilder.Model;

namespace EditionBuilder.Markdown;

/// <summary>
/// Writes an article's reference list as <c>ar/references.md</c> (docs/import.md, "References"): front matter with the heading the author
/// wrote, then one bullet per reference in the source's order, its text escaped as chapter text is and its emphasis kept; an entry whose
/// language is not Arabic opens with <c>{lang=en}</c>, <c>{lang=fr}</c>…; a line break continues the item on a line indented by two spaces.
/// </summary>
public static class ReferenceListWriter
{
    /// <summary>The file's path in the article folder.</summary>
    public const string Path = "ar/references.md";

    public static string Write(ReferenceSection references)
    {
        var builder = new StringBuilder();
        builder.Append("---\n")
            .Append("title: ").Append(FrontMatter.DoubleQuoted(references.Title)).Append('\n')
            .Append("lang: ").Append(references.Language).Append('\n')
            .Append("dir: ").Append(Chapter.IsRightToLeft(references.Language) ? "rtl" : "ltr").Append('\n')
            .Append("slug: references\n")
            .Append("---\n\n");
        foreach (var entry in references.Entries)
        {
            var inlines = MarkdownNormalizer.Normalize(new Chapter(1, string.Empty, "x", [new Paragraph(entry.Inlines)], [])).Blocks.OfType<Paragraph>().FirstOrDefault()?.Inlines ?? entry.Inlines;
            var text = ChapterWriter.WriteInlines(inlines);
            builder.Append("- ");
            if (entry.Language != "ar") builder.Append("{lang=").Append(entry.Language).Append("} ");
            builder.Append(text.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        }

        return builder.ToString();
    }
}
