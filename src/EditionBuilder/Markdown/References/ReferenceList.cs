using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Markdown.Safety;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.References;

/// <summary>Reads an article's reference list (ar/references.md, docs/markdown-format.md "References") from its parsed body: one list, one paragraph per item, each item in the file's language unless it starts with <c>{lang=xx}</c>; gives each item its id, <c>lang</c> and <c>dir</c> and links its DOIs.</summary>
public static class ReferenceList
{
    /// <summary>The references in order; null when the body is not such a list (the errors, at their lines, are in <paramref name="diagnostics"/>).</summary>
    /// <param name="document">The file's body as the chapters' pipeline parsed it (addresses already linked).</param>
    /// <param name="path">The file, for diagnostics.</param>
    /// <param name="bodyLine">The 1-based line where the body starts.</param>
    /// <param name="fileLang">The file's language (front matter), each item's unless it names its own.</param>
    /// <param name="fileDir">The file's direction (front matter), that of the items in its language.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static IReadOnlyList<Reference>? Read(MarkdownDocument document, string path, int bodyLine, string fileLang, string fileDir, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        void Error(string code, int line, int column, string message) => diagnostics.Error(code, path, line + bodyLine, column + 1, message);

        var blocks = document.Where(b => b is not (BlankLineBlock or LinkReferenceDefinitionGroup)).ToList();
        var lists = blocks.OfType<ListBlock>().ToList();
        foreach (var block in blocks.Where(b => b is not ListBlock).Take(5))
        {
            if (block is NoteGroup) Error(DiagnosticCodes.ReferencesHoldNote, block.Line, block.Column, "a reference list holds no notes: put the note in the chapter that cites the work");
            else Error(DiagnosticCodes.ReferencesNotAList, block.Line, block.Column, $"{What(block)} in a reference list: the file's body is one list, each reference an item starting '- ' (docs/markdown-format.md, \"References\")");
        }

        if (lists.Count == 0)
        {
            if (blocks.Count == 0) Error(DiagnosticCodes.ReferencesNotAList, 0, 0, "the reference list is empty: write each reference as a list item starting '- ', or delete the file");
            return null;
        }

        foreach (var extra in lists.Skip(1).Take(5))
        {
            Error(DiagnosticCodes.ReferencesNotAList, extra.Line, extra.Column,
                "a second list in the reference list: the file's body is one list (a change of bullet, '-' then '*', or text between items starts a new one; start every item with '- ')");
        }

        var references = new List<Reference>();
        foreach (var item in lists[0].OfType<ListItemBlock>())
        {
            var parts = item.Where(b => b is not BlankLineBlock).ToList();
            if (parts is not [ParagraphBlock paragraph])
            {
                var at = parts.Skip(1).FirstOrDefault() ?? item;
                Error(DiagnosticCodes.ReferenceNotOneParagraph, at.Line, at.Column, parts.Count == 0
                    ? "an empty reference: write its text after the '- ', or delete the line"
                    : $"a reference is one paragraph, and this item also holds {What(at)}: join its lines, or start another item with '- '");
                continue;
            }

            if (paragraph.Inline?.Descendants<NoteReferenceInline>().FirstOrDefault() is { } note)
            {
                Error(DiagnosticCodes.ReferencesHoldNote, note.Line, note.Column, "a reference list holds no notes: put the note in the chapter that cites the work");
                continue;
            }

            var lang = fileLang;
            var dir = fileDir;
            if (paragraph.Inline?.FirstChild is LiteralInline { IsFirstCharacterEscaped: false } first && ReferenceLanguage.Read(first.Content.ToString()) is { } prefix)
            {
                if (!ReferenceLanguage.IsTag(prefix.Lang))
                {
                    Error(DiagnosticCodes.ReferenceLanguageInvalid, first.Line, first.Column,
                        $"'{prefix.Lang}' is not a language tag: write the reference's language as a two-letter code, {{lang=en}} or {{lang=fr}} (ar, de, es…)");
                    continue;
                }

                var content = first.Content;
                content.Start += prefix.Length;
                if (content.Length <= 0) first.Remove();
                else first.Content = content;
                lang = prefix.Lang;
                dir = lang == fileLang ? fileDir : ReferenceLanguage.DirectionOf(lang);
            }

            DoiLinker.Link(paragraph);
            // Latin runs of a right-to-left reference isolated, as in the chapters' text.
            if (dir == "rtl") LatinRunIsolator.Isolate([paragraph]);
            var reference = new Reference(references.Count + 1, lang, dir, paragraph, PlainText(paragraph));
            var attributes = item.GetAttributes();
            attributes.Id = reference.Id;
            attributes.AddPropertyIfNotExist("lang", lang);
            attributes.AddPropertyIfNotExist("dir", dir);
            references.Add(reference);
        }

        return diagnostics.ErrorCount > errorsBefore ? null : references;
    }

    /// <summary>A paragraph's text without markup, white space runs made one space: what a citation_reference tag holds.</summary>
    public static string PlainText(ParagraphBlock paragraph)
    {
        var text = new StringBuilder();
        Append(paragraph.Inline);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        void Append(ContainerInline? container)
        {
            for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                    case CodeInline code: text.Append(code.Content); break;
                    case HtmlEntityInline entity: text.Append(entity.Transcoded.AsSpan()); break;
                    case LineBreakInline: text.Append(' '); break;
                    case AutolinkInline autolink: text.Append(autolink.Url); break;
                    case HtmlInline html when ControlCharacterMarker.CharacterOf(html) is { } c: text.Append(c); break;
                    case ContainerInline nested: Append(nested); break;
                }
            }
        }
    }

    // The block as the author would name it in the error.
    private static string What(Block block) => block switch
    {
        HeadingBlock => "a heading",
        ParagraphBlock => "a paragraph",
        ListBlock => "a list",
        QuoteBlock => "a quotation",
        CodeBlock => "a code block",
        ThematicBreakBlock => "a horizontal rule",
        _ => "a block that is no list item",
    };
}
