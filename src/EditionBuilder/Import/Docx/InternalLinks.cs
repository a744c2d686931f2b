using EditionBuilder.Diagnostics;
using EditionBuilder.Model;

namespace EditionBuilder.Import.Docx;

/// <summary>
/// Once the chapters are known, a link to a bookmark leads to the chapter that holds it: <c>#bm-x</c> in the same
/// chapter, <c>02-slug.md#bm-x</c> in another (each output names that chapter its own way), the chapter's page itself
/// for a bookmark on a chapter's heading. A link whose bookmark stands in no chapter (the front matter, an abstract,
/// the reference list) keeps its text without the link, with a warning; anchors no link leads to are dropped.
/// </summary>
internal static class InternalLinks
{
    /// <summary>The chapters and the reference list with every placeholder link resolved.</summary>
    /// <param name="headingAnchors">Anchors that stood in a heading, with the heading's text: a chapter of that title is their place.</param>
    public static (List<Chapter> Chapters, ReferenceSection? References) Resolve(
        List<Chapter> chapters, ReferenceSection? references, IReadOnlyList<(string Anchor, string Heading)> headingAnchors, string where, DiagnosticBag diagnostics)
    {
        var home = new Dictionary<string, (string Slug, bool Top)>(StringComparer.Ordinal);
        foreach (var chapter in chapters)
        {
            foreach (var anchor in Inlines(chapter).OfType<Anchor>()) home.TryAdd(anchor.Id, (chapter.Slug, false));
        }

        foreach (var (anchor, heading) in headingAnchors)
        {
            if (!home.ContainsKey(anchor) && chapters.FirstOrDefault(c => c.Title == heading) is { } chapter) home[anchor] = (chapter.Slug, true);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var lost = 0;

        IReadOnlyList<Inline> Rewrite(IReadOnlyList<Inline> inlines, string? slug)
        {
            var result = new List<Inline>();
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case Link link when InternalTargets.IsPlaceholder(link.Url):
                        var id = link.Url[1..];
                        var children = Rewrite(link.Children, slug);
                        if (slug is not null && home.TryGetValue(id, out var target))
                        {
                            used.Add(id);
                            var url = target.Top ? target.Slug + ".md" : target.Slug == slug ? "#" + id : $"{target.Slug}.md#{id}";
                            result.Add(link with { Url = url, Children = children });
                        }
                        else
                        {
                            lost++;
                            result.AddRange(children);
                        }

                        break;
                    case Link link:
                        result.Add(link with { Children = Rewrite(link.Children, slug) });
                        break;
                    case Styled styled:
                        result.Add(styled with { Children = Rewrite(styled.Children, slug) });
                        break;
                    case Anchor when slug is null:
                        break; // the reference list has no anchors
                    default:
                        result.Add(inline);
                        break;
                }
            }

            return result;
        }

        IReadOnlyList<Inline> Prune(IReadOnlyList<Inline> inlines) => inlines
            .Where(i => i is not Anchor anchor || used.Contains(anchor.Id))
            .Select(i => i switch
            {
                Link link => link with { Children = Prune(link.Children) },
                Styled styled => styled with { Children = Prune(styled.Children) },
                _ => i,
            })
            .ToList();

        chapters = chapters.Select(c => Map(c, inlines => Rewrite(inlines, c.Slug))).ToList();
        chapters = chapters.Select(c => Map(c, Prune)).ToList();
        if (references is not null) references = references with { Entries = references.Entries.Select(e => e with { Inlines = Rewrite(e.Inlines, null) }).ToList() };
        if (lost > 0)
        {
            diagnostics.Warning(DiagnosticCodes.DocxLinkOutsideChapters, where, 0, 0,
                $"{lost} link(s) lead to a bookmark in a part of the document that becomes no chapter (the title and authors, an abstract, the reference list, or an empty paragraph); their text is kept without the link");
        }

        return (chapters, references);
    }

    private static IEnumerable<Inline> Inlines(Chapter chapter) =>
        BlockWalk.Inlines(chapter.Blocks).Concat(InlineText.Descendants(chapter.Notes.SelectMany(n => n.Paragraphs).SelectMany(p => p.Inlines)));

    private static Chapter Map(Chapter chapter, Func<IReadOnlyList<Inline>, IReadOnlyList<Inline>> map) => chapter with
    {
        Blocks = chapter.Blocks.Select(b => Map(b, map)).ToList(),
        Notes = chapter.Notes.Select(n => n with { Paragraphs = n.Paragraphs.Select(p => p with { Inlines = map(p.Inlines) }).ToList() }).ToList(),
    };

    private static Block Map(Block block, Func<IReadOnlyList<Inline>, IReadOnlyList<Inline>> map) => block switch
    {
        Paragraph p => p with { Inlines = map(p.Inlines) },
        Heading h => h with { Inlines = map(h.Inlines) },
        Quote q => q with { Blocks = q.Blocks.Select(b => Map(b, map)).ToList() },
        ItemList l => l with { Items = l.Items.Select(i => i with { Blocks = i.Blocks.Select(b => Map(b, map)).ToList() }).ToList() },
        Table t => t with { Rows = t.Rows.Select(r => r with { Cells = r.Cells.Select(c => c with { Inlines = map(c.Inlines) }).ToList() }).ToList() },
        Figure f => f with { Caption = map(f.Caption) },
        _ => block,
    };
}
