using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Inline = EditionBuilder.Model.Inline;
using MarkdigInline = Markdig.Syntax.Inlines.Inline;

namespace EditionBuilder.Markdown;

/// <summary>Reads Markdown chapters back into the model, so that import then read gives the same article.</summary>
public static class ChapterReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEditionNotes().Build();

    /// <summary>A chapter file read back: its front matter and the chapter it holds.</summary>
    public sealed record ReadChapter(ChapterFrontMatter FrontMatter, Chapter Chapter);

    public static ReadChapter? Read(string path, string text, DiagnosticBag diagnostics)
    {
        var parts = FrontMatter.Split(text);
        var front = FrontMatter.Read(path, parts.Yaml, diagnostics);
        if (front is null) return null;

        var document = Markdig.Markdown.Parse(parts.Body, Pipeline);
        var paragraphs = new List<Paragraph>();
        var notes = new List<Note>();
        foreach (var block in document)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    paragraphs.Add(new Paragraph(ReadInlines(paragraph.Inline), paragraph.Line + parts.BodyLine));
                    break;
                case NoteGroup group:
                    foreach (var definition in group.OfType<NoteDefinition>())
                    {
                        if (notes.Any(n => n.Number == definition.Number))
                        {
                            diagnostics.Error(DiagnosticCodes.ChapterNoteDuplicate, path, definition.Line + parts.BodyLine, 1,
                                $"note {definition.Number} is defined twice");
                            continue;
                        }

                        notes.Add(new Note(definition.Number, ReadNoteLines(definition), definition.Line + parts.BodyLine));
                    }

                    break;
                default:
                    paragraphs.Add(new Paragraph(new List<Inline> { new TextRun(Flatten(block)) }, block.Line + parts.BodyLine));
                    break;
            }
        }

        return new ReadChapter(front, new Chapter(front.Order, front.Title, front.Slug, paragraphs, notes));
    }

    /// <summary>Reads an abstract file: its front matter and its paragraphs as plain text.</summary>
    public static Abstract? ReadAbstract(string path, string text, DiagnosticBag diagnostics)
    {
        var read = Read(path, text, diagnostics);
        if (read is null) return null;
        return new Abstract(read.FrontMatter.Lang, read.FrontMatter.Title, read.Chapter.Paragraphs.Select(p => p.PlainText).ToList());
    }

    private static List<Inline> ReadInlines(ContainerInline? container)
    {
        var inlines = new List<Inline>();
        var text = new StringBuilder();
        Append(container);
        if (text.Length > 0) inlines.Add(new TextRun(text.ToString()));
        return inlines;

        void Append(ContainerInline? parent)
        {
            if (parent is null) return;
            foreach (var inline in parent)
            {
                switch (inline)
                {
                    case NoteReferenceInline reference:
                        if (text.Length > 0) inlines.Add(new TextRun(text.ToString()));
                        text.Clear();
                        inlines.Add(new NoteReference(reference.Number));
                        break;
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.AsSpan());
                        break;
                    case ContainerInline nested:
                        Append(nested);
                        break;
                }
            }
        }
    }

    private static List<string> ReadNoteLines(NoteDefinition definition)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var paragraph in definition.OfType<ParagraphBlock>())
        {
            if (current.Length > 0) { lines.Add(current.ToString()); current.Clear(); }
            foreach (var inline in paragraph.Inline?.Descendants<MarkdigInline>() ?? Enumerable.Empty<MarkdigInline>())
            {
                switch (inline)
                {
                    case LineBreakInline:
                        lines.Add(current.ToString());
                        current.Clear();
                        break;
                    case LiteralInline literal:
                        current.Append(literal.Content.AsSpan());
                        break;
                    case HtmlEntityInline entity:
                        current.Append(entity.Transcoded.AsSpan());
                        break;
                    case CodeInline code:
                        current.Append(code.Content);
                        break;
                }
            }
        }

        if (current.Length > 0) lines.Add(current.ToString());
        return lines;
    }

    private static string Flatten(Block block)
    {
        if (block is LeafBlock leaf)
        {
            return leaf.Inline is not null
                ? string.Concat(leaf.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
                : leaf.Lines.ToString();
        }

        return block is ContainerBlock container ? string.Join(' ', container.Select(Flatten)) : string.Empty;
    }
}
