using System.Text;
using System.Text.RegularExpressions;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;
using EditionBuilder.Model;

namespace EditionBuilder.Import.Census;

/// <summary>What an import wrote, read back as a reader of its files sees it: the text of the chapters, abstracts and reference list (Markdown unescaped, markup left out) and of article.yml, with the note references and notes of the chapters.</summary>
public sealed partial record WrittenCensus(IReadOnlyList<string> Texts, int NoteReferences, int Notes)
{
    /// <summary>The authors' names in article.yml: a title page may name an author twice (a byline, then the name line), which article.yml keeps once.</summary>
    public IReadOnlyList<string> AuthorNames { get; init; } = [];

    [GeneratedRegex(@"^\{lang=[a-z]{2,3}\}\s?")]
    private static partial Regex LanguageMark();

    /// <summary>Reads back the files an import writes (relative path and text, as <see cref="ArticleMarkdown.Write"/> gives them).</summary>
    public static WrittenCensus Of(IReadOnlyList<(string Path, string Text)> files)
    {
        var texts = new List<string>();
        var references = 0;
        var notes = 0;
        var ignored = new DiagnosticBag();
        var names = new List<string>();
        foreach (var (path, text) in files)
        {
            if (path == "article.yml")
            {
                if (MetadataYaml.ReadArticle(path, text, ignored) is { } metadata)
                {
                    texts.AddRange(Values(metadata));
                    names.AddRange(metadata.Authors.Select(a => a.Name.Text));
                }

                continue;
            }

            if (!path.EndsWith(".md", StringComparison.Ordinal) || ChapterReader.Read(path, text, ignored) is not { } read) continue;
            var chapter = read.Chapter;
            texts.Add(chapter.Title);
            var isReferenceList = path.EndsWith("/references.md", StringComparison.Ordinal);
            foreach (var block in Flatten(chapter.Blocks))
            {
                var plain = Plain(block);
                texts.Add(isReferenceList ? LanguageMark().Replace(plain, string.Empty) : plain);
            }

            references += chapter.NoteReferences.Count();
            foreach (var note in chapter.Notes)
            {
                notes++;
                texts.AddRange(note.Paragraphs.Select(p => Plain(p.Inlines)));
            }
        }

        return new WrittenCensus(texts, references, notes) { AuthorNames = names };
    }

    private static IEnumerable<string> Values(ArticleMetadata metadata)
    {
        foreach (var title in metadata.Title.Values) yield return title;
        foreach (var subtitle in metadata.Subtitle.Values) yield return subtitle;
        foreach (var author in metadata.Authors)
        {
            yield return author.Name.Text;
            foreach (var name in author.Name.ByLanguage.Values) yield return name;
            foreach (var affiliation in author.Affiliations)
            {
                yield return affiliation.Text;
                foreach (var value in affiliation.ByLanguage.Values) yield return value;
            }

            yield return author.Orcid;
            yield return author.Email;
        }

        foreach (var words in metadata.Keywords.Values) yield return string.Join(", ", words);
    }

    // Every block holding text, containers opened: a paragraph, a heading, a table's cells, a figure's caption.
    private static IEnumerable<Model.Block> Flatten(IEnumerable<Model.Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Quote q: foreach (var b in Flatten(q.Blocks)) yield return b; break;
                case ItemList l: foreach (var b in Flatten(l.Items.SelectMany(i => i.Blocks))) yield return b; break;
                default: yield return block; break;
            }
        }
    }

    private static string Plain(Model.Block block) => block switch
    {
        Paragraph p => Plain(p.Inlines),
        Heading h => Plain(h.Inlines),
        Table t => string.Join(" ", t.Rows.SelectMany(r => r.Cells).Select(c => Plain(c.Inlines))),
        Figure f => Plain(f.Caption),
        _ => string.Empty,
    };

    // The reader's text: runs joined, a line break a space, a note reference nothing (the source's reference is no character either).
    private static string Plain(IEnumerable<Inline> inlines)
    {
        var builder = new StringBuilder();
        foreach (var inline in InlineText.Descendants(inlines))
        {
            if (inline is TextRun t) builder.Append(t.Text);
            else if (inline is LineBreak) builder.Append(' ');
        }

        return builder.ToString();
    }
}
