using EditionBuilder.Markdown.Notes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Links;

/// <summary>Beside every web address a note cites, a link to its copy in the Internet Archive, dated by the note when it gives a date. The author's text is untouched; the link is added after it.</summary>
public static class ArchivedLinks
{
    public static void Add(MarkdownDocument document)
    {
        foreach (var note in document.Descendants<NoteDefinition>())
        {
            var links = note.Descendants<LinkInline>().Where(l => l.GetData(UrlLinker.CitedUrlKey) is true).ToList();
            if (links.Count == 0) continue;
            var date = CitationDate.Find(string.Concat(note.Descendants<LiteralInline>().Select(l => l.Content.ToString())));
            foreach (var link in links)
            {
                InlineEdits.InsertAfter(link, [new LiteralInline(" ("), new ArchivedCopyInline(ArchiveUrl(link.Url!, date)), new LiteralInline(")")]);
            }
        }
    }

    /// <summary>The Wayback Machine address of a URL at a date (yyyyMMdd, yyyyMM, yyyy), or its latest copy when the note gives none.</summary>
    public static string ArchiveUrl(string url, string date) =>
        date.Length > 0 ? $"https://web.archive.org/web/{date}/{url}" : $"https://web.archive.org/web/{url}";
}
