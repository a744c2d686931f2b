using System.Globalization;
using System.Text;
using EditionBuilder.Model;

namespace EditionBuilder.Markdown;

/// <summary>Writes a chapter or an abstract in the Markdown chapter format (DESIGN.md): front matter, escaped text, [^N] notes.</summary>
public static class ChapterWriter
{
    private const string NoteIndent = "    ";

    public static string Write(Chapter chapter)
    {
        var builder = new StringBuilder();
        builder.Append(FrontMatter.Write(new ChapterFrontMatter
        {
            Title = chapter.Title,
            Lang = "ar",
            Dir = "rtl",
            Order = chapter.Order,
            Slug = chapter.Slug,
        }));

        foreach (var paragraph in chapter.Paragraphs)
        {
            builder.Append('\n').Append(WriteInlines(paragraph.Inlines)).Append('\n');
        }

        if (chapter.Notes.Count > 0) builder.Append('\n');
        foreach (var note in chapter.Notes)
        {
            builder.Append(WriteNote(note));
        }

        return builder.ToString();
    }

    public static string Write(Abstract summary)
    {
        var builder = new StringBuilder();
        builder.Append(FrontMatter.Write(new ChapterFrontMatter
        {
            Title = summary.Title,
            Lang = summary.Language,
            Dir = summary.Language == "ar" ? "rtl" : "ltr",
            Order = 0,
            Slug = "abstract",
        }));

        foreach (var paragraph in summary.Paragraphs)
        {
            builder.Append('\n').Append(MarkdownEscaper.Escape(paragraph, atLineStart: true)).Append('\n');
        }

        return builder.ToString();
    }

    public static string WriteInlines(IReadOnlyList<Inline> inlines)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case TextRun text:
                    // "[^N]:" at a line start would define a note: escape the colon after a reference.
                    if (i > 0 && inlines[i - 1] is NoteReference && text.Text.StartsWith(':')) builder.Append('\\');
                    builder.Append(MarkdownEscaper.Escape(text.Text, atLineStart: builder.Length == 0));
                    break;
                case NoteReference reference:
                    builder.Append("[^").Append(reference.Number.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
            }
        }

        return builder.ToString();
    }

    // Each source line of a note stays a line: a hard break ("\" at the end) and an indented continuation.
    private static string WriteNote(Note note)
    {
        var builder = new StringBuilder();
        builder.Append("[^").Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append("]: ");
        for (var i = 0; i < note.Lines.Count; i++)
        {
            if (i > 0) builder.Append("\\\n").Append(NoteIndent);
            builder.Append(MarkdownEscaper.Escape(note.Lines[i], atLineStart: true));
        }

        return builder.Append('\n').ToString();
    }
}
