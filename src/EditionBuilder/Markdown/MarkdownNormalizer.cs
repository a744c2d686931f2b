using EditionBuilder.Model;
using Markdig.Helpers;

namespace EditionBuilder.Markdown;

/// <summary>
/// Brings a chapter to the form the Markdown chapter format can say exactly, so that writing it and reading it back gives
/// it again. The changes are the ones Markdown forces: note references and line breaks stand outside formatting and links,
/// links outside formatting, white space outside formatting and off the edges of paragraphs and lines, no empty spans,
/// same-style spans merged, and — rarely — punctuation at the edge of a span that Markdown could not mark from the
/// letter beside it stays outside the span. The text itself never changes.
/// </summary>
public static class MarkdownNormalizer
{
    private const int MaxListStart = 999_999_999;

    public static Chapter Normalize(Chapter chapter) =>
        chapter with { Blocks = Blocks(chapter.Blocks), Notes = chapter.Notes.Select(Normalize).ToList() };

    public static Note Normalize(Note note) =>
        note with
        {
            Mark = note.Mark.Length == 0 ? note.Id : Line(note.Mark),
            Paragraphs = note.Paragraphs.Select(p => p with { Inlines = Inlines(p.Inlines, lineBreaks: true) }).Where(p => p.Inlines.Count > 0).ToList(),
        };

    public static IReadOnlyList<Block> Blocks(IEnumerable<Block> blocks)
    {
        var result = new List<Block>();
        foreach (var block in blocks)
        {
            Block? normalized = block switch
            {
                Paragraph p => p with { Inlines = Inlines(p.Inlines, lineBreaks: true) },
                Heading h => h with { Level = Math.Clamp(h.Level, 1, 6), Inlines = Inlines(h.Inlines, lineBreaks: false) },
                Quote q => q with { Blocks = Blocks(q.Blocks) },
                ItemList l => l with
                {
                    Start = l.Ordered ? Math.Clamp(l.Start, 0, MaxListStart) : 1,
                    Items = l.Items.Select(i => new ListItem(Blocks(i.Blocks))).Where(i => i.Blocks.Count > 0).ToList(),
                },
                Table t => Table(t),
                Figure f => f with { Source = Line(f.Source), AltText = Line(f.AltText).Trim(), Caption = Inlines(f.Caption, lineBreaks: false) },
                _ => block,
            };
            var empty = normalized switch
            {
                Paragraph p => p.Inlines.Count == 0,
                Heading h => h.Inlines.Count == 0,
                Quote q => q.Blocks.Count == 0,
                ItemList l => l.Items.Count == 0,
                Table t => t.Rows.Count == 0,
                Figure f => f.Source.Length == 0,
                _ => true,
            };
            if (!empty) result.Add(normalized!);
        }

        return result;
    }

    // Every row as wide as the widest; a header row with nothing in it is no header (the format writes an empty header for "none").
    private static Table? Table(Table table)
    {
        var rows = table.Rows.Select(r => new TableRow(r.Cells.Select(c => c with { Inlines = c.Merge == CellMerge.None ? Inlines(c.Inlines, lineBreaks: false) : [] }).ToList())).ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
        if (columns == 0) return table with { Rows = [], HeaderRows = 0 };
        rows = rows.Select(r => r.Cells.Count == columns ? r : new TableRow([.. r.Cells, .. Enumerable.Repeat(new TableCell([]), columns - r.Cells.Count)])).ToList();
        var header = Math.Clamp(table.HeaderRows, 0, 1);
        if (header == 1 && rows[0].Cells.All(c => c.Inlines.Count == 0)) header = 0;
        if (header == 0 && rows.Count > 0 && rows[0].Cells.All(c => c.Inlines.Count == 0) && rows.All(r => r.Cells.All(c => c.Inlines.Count == 0))) rows = [];
        return new Table(rows, header);
    }

    private static string Line(string text) => text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Normalizes a paragraph's inlines (<paramref name="lineBreaks"/>) or a line's (a heading, a table cell, a caption: breaks become spaces).</summary>
    public static IReadOnlyList<Inline> Inlines(IEnumerable<Inline> inlines, bool lineBreaks)
    {
        var flat = Tidy(Hoist(inlines, lineBreaks));
        for (var pass = 0; pass < 16; pass++)
        {
            var changed = false;
            var next = TrimLines(flat, lineBreaks);
            next = Tidy(Flank(next, '\0', '\0', ref changed));
            if (next.SequenceEqual(flat)) break;
            flat = next;
        }

        return ReadsBack(flat, lineBreaks);
    }

    // The flanking rules above catch the common cases; delimiter runs of neighbouring spans can still pair differently.
    // The last word is Markdig's: the inlines are written and read back, and while they differ, one span gives up its style
    // (the first whose loss makes them read back, else the first).
    private static List<Inline> ReadsBack(List<Inline> inlines, bool lineBreaks)
    {
        if (!inlines.Any(i => i is Styled or Link)) return inlines;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            if (Same(inlines)) return inlines;
            var spans = CountSpans(inlines);
            List<Inline>? fixedUp = null;
            for (var k = 0; k < spans && fixedUp is null; k++)
            {
                var candidate = Tidy(TrimLines(Unwrap(inlines, k), lineBreaks));
                if (Same(candidate)) fixedUp = candidate;
            }

            inlines = fixedUp ?? Tidy(TrimLines(Unwrap(inlines, 0), lineBreaks));
        }

        return inlines;
    }

    private static bool Same(List<Inline> inlines) =>
        ChapterReader.ReadInlines(ChapterWriter.WriteInlines(inlines)).SequenceEqual(inlines);

    private static int CountSpans(IEnumerable<Inline> inlines) =>
        inlines.Sum(i => i switch { Styled s => 1 + CountSpans(s.Children), Link l => CountSpans(l.Children), _ => 0 });

    // Removes the style of the k-th span (in reading order, outer before inner), keeping its children.
    private static List<Inline> Unwrap(IEnumerable<Inline> inlines, int k)
    {
        var index = 0;
        return Walk(inlines);

        List<Inline> Walk(IEnumerable<Inline> list)
        {
            var result = new List<Inline>();
            foreach (var inline in list)
            {
                switch (inline)
                {
                    case Styled s when index++ == k:
                        result.AddRange(s.Children);
                        break;
                    case Styled s:
                        result.Add(s with { Children = Walk(s.Children) });
                        break;
                    case Link l:
                        result.Add(l with { Children = Walk(l.Children) });
                        break;
                    default:
                        result.Add(inline);
                        break;
                }
            }

            return result;
        }
    }

    // Note references and line breaks come out of spans and links; links come out of spans (their text takes the style);
    // a span directly inside the same style, and a link inside a link, are unwrapped.
    private static List<Inline> Hoist(IEnumerable<Inline> inlines, bool lineBreaks, TextStyle? inside = null, bool inLink = false)
    {
        var result = new List<Inline>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun t:
                    result.Add(new TextRun(Line(t.Text)));
                    break;
                case LineBreak:
                    result.Add(lineBreaks ? inline : new TextRun(" "));
                    break;
                case NoteReference or Anchor:
                    result.Add(inline);
                    break;
                case Styled s when s.Style == inside || (inside is { } outer && Tilde(outer) && Tilde(s.Style)):
                    result.AddRange(Hoist(s.Children, lineBreaks, inside, inLink));
                    break;
                case Styled s:
                    foreach (var piece in Hoist(s.Children, lineBreaks, s.Style, inLink))
                    {
                        if (piece is NoteReference or LineBreak or Anchor) result.Add(piece);
                        else if (piece is Link link) result.Add(link with { Children = [new Styled(s.Style, link.Children)] });
                        else if (result.Count > 0 && result[^1] is Styled previous && previous.Style == s.Style && previous.Children is List<Inline> open)
                            open.Add(piece);
                        else result.Add(new Styled(s.Style, new List<Inline> { piece }));
                    }

                    break;
                case Link l when inLink:
                    result.AddRange(Hoist(l.Children, lineBreaks, inside, inLink));
                    break;
                case Link l:
                    var url = new string(l.Url.Where(c => !char.IsControl(c)).ToArray());
                    foreach (var piece in Hoist(l.Children, lineBreaks, null, inLink: true))
                    {
                        if (piece is NoteReference or LineBreak or Anchor) result.Add(piece);
                        else if (result.Count > 0 && result[^1] is Link previous && previous.Url == url && previous.Children is List<Inline> open) open.Add(piece);
                        else result.Add(new Link(url, new List<Inline> { piece }));
                    }

                    break;
            }
        }

        // Close the lists the loops kept open, so nothing appends to them later.
        return result.Select(Freeze).ToList();
    }

    private static Inline Freeze(Inline inline) => inline switch
    {
        Styled s => s with { Children = s.Children.Select(Freeze).ToArray() },
        Link l => l with { Children = l.Children.Select(Freeze).ToArray() },
        _ => inline,
    };

    // Merges neighbouring text, neighbouring spans of one style and neighbouring links to one address; drops empty ones;
    // puts the canonical nesting of a lone bold inside italics (Markdown reads ***x*** as italic around bold).
    private static List<Inline> Tidy(IEnumerable<Inline> inlines)
    {
        var result = new List<Inline>();
        foreach (var original in inlines)
        {
            var inline = original switch
            {
                Styled s => s with { Children = Tidy(s.Children) },
                Link l => l with { Children = Tidy(l.Children) },
                _ => original,
            };
            if (inline is Styled { Style: TextStyle.Strong, Children: [Styled { Style: TextStyle.Emphasis } inner] })
                inline = inner with { Children = [new Styled(TextStyle.Strong, inner.Children)] };
            if (inline is Styled { Children.Count: 0 } or Link { Children.Count: 0 } or TextRun { Text.Length: 0 }) continue;
            if (result.Count > 0)
            {
                switch (result[^1], inline)
                {
                    case (TextRun a, TextRun b):
                        result[^1] = new TextRun(a.Text + b.Text);
                        continue;
                    case (Styled a, Styled b) when a.Style == b.Style:
                        result[^1] = a with { Children = Tidy([.. a.Children, .. b.Children]) };
                        continue;
                    case (Styled a, Styled b) when Tilde(a.Style) && Tilde(b.Style):
                        var unstyled = Tidy([.. result, .. b.Children]);
                        result.Clear();
                        result.AddRange(unstyled);
                        continue;
                    case (Link a, Link b) when a.Url == b.Url:
                        result[^1] = a with { Children = Tidy([.. a.Children, .. b.Children]) };
                        continue;
                }
            }

            result.Add(inline);
        }

        return result;
    }

    // White space leaves spans and links, and the edges of the paragraph and of each line.
    private static List<Inline> TrimLines(List<Inline> inlines, bool lineBreaks)
    {
        var result = new List<Inline>();
        foreach (var inline in inlines) result.AddRange(Unpad(inline));
        result = Tidy(result);

        // Trim around line breaks and at the edges; a break at an edge or after another stays out of nothing.
        for (var i = 0; i < result.Count; i++)
        {
            var atStart = i == 0 || result[i - 1] is LineBreak;
            var atEnd = i == result.Count - 1 || result[i + 1] is LineBreak;
            if (result[i] is TextRun t)
            {
                var text = t.Text;
                if (atStart) text = TrimLeadingWhite(text);
                if (atEnd) text = TrimTrailingWhite(text);
                result[i] = new TextRun(text);
            }
        }

        result = result.Where(i => i is not TextRun { Text.Length: 0 }).ToList();
        while (result.Count > 0 && result[0] is LineBreak) result.RemoveAt(0);
        while (result.Count > 0 && result[^1] is LineBreak) result.RemoveAt(result.Count - 1);
        return lineBreaks ? result : Tidy(result);
    }

    // Markdown drops white space at a line's edges (and Markdig counts a no-break space as white space there).
    private static string TrimLeadingWhite(string text) => text.TrimStart();

    private static string TrimTrailingWhite(string text) => text.TrimEnd();

    private static IEnumerable<Inline> Unpad(Inline inline)
    {
        if (inline is not (Styled or Link)) return [inline];
        var children = (inline is Styled s ? s.Children : ((Link)inline).Children).SelectMany(Unpad).ToList();
        children = Tidy(children);
        var before = string.Empty;
        var after = string.Empty;
        if (children.Count > 0 && children[0] is TextRun first)
        {
            var trimmed = first.Text.TrimStart();
            before = first.Text[..(first.Text.Length - trimmed.Length)];
            children[0] = new TextRun(trimmed);
        }

        if (children.Count > 0 && children[^1] is TextRun last)
        {
            var trimmed = last.Text.TrimEnd();
            after = last.Text[trimmed.Length..];
            children[^1] = new TextRun(trimmed);
        }

        children = Tidy(children);
        var wrapped = inline is Styled styled ? (Inline)(styled with { Children = children }) : ((Link)inline) with { Children = children };
        var result = new List<Inline>();
        if (before.Length > 0) result.Add(new TextRun(before));
        if (children.Count > 0) result.Add(wrapped);
        if (after.Length > 0) result.Add(new TextRun(after));
        return result;
    }

    /// <summary>The delimiter a span is written with.</summary>
    public static string Delimiter(TextStyle style) => style switch
    {
        TextStyle.Emphasis => "*",
        TextStyle.Strong => "**",
        TextStyle.Superscript => "^",
        TextStyle.Strikethrough => "~~",
        TextStyle.Underline => "++",
        TextStyle.SmallCaps => "%%",
        _ => "~",
    };

    // Subscript (~x~) and strikethrough (~~x~~) share the tilde: touching, their runs would run together (~~~), which
    // Markdown cannot read back, so a subscript right inside or beside a strikethrough (or the other way) loses its style.
    private static bool Tilde(TextStyle style) => style is TextStyle.Subscript or TextStyle.Strikethrough;

    // A span whose delimiters Markdown would not read as delimiters (CommonMark's flanking rules, as Markdig applies them)
    // gives up its edge punctuation, or — when that is not enough — its style.
    private static List<Inline> Flank(List<Inline> inlines, char before, char after, ref bool changed)
    {
        var result = new List<Inline>(inlines);
        for (var i = 0; i < result.Count; i++)
        {
            var prev = i == 0 ? before : LastChar(result[i - 1]);
            var next = i == result.Count - 1 ? after : FirstChar(result[i + 1]);
            switch (result[i])
            {
                case Link link:
                {
                    var children = Flank(link.Children.ToList(), '[', ']', ref changed);
                    result[i] = link with { Children = children };
                    break;
                }

                case Styled span:
                {
                    var d = Delimiter(span.Style)[0];
                    var children = Flank(span.Children.ToList(), d, d, ref changed);
                    span = span with { Children = children };
                    result[i] = span;
                    if (children.Count == 0) { result.RemoveAt(i); i--; changed = true; break; }
                    var firstInside = FirstChar(children[0], d);
                    var lastInside = LastChar(children[^1], d);
                    CharHelper.CheckOpenCloseDelimiter(prev, firstInside, true, out var canOpen, out _);
                    CharHelper.CheckOpenCloseDelimiter(lastInside, next, true, out _, out var canClose);
                    if (canOpen && canClose) break;
                    changed = true;
                    if (!canOpen && children[0] is TextRun head && LeadingPunctuation(head.Text) is > 0 and var lead && lead < head.Text.Length + (children.Count > 1 ? 1 : 0))
                    {
                        children[0] = new TextRun(head.Text[lead..]);
                        result.Insert(i, new TextRun(head.Text[..lead]));
                        result[i + 1] = span with { Children = Tidy(children) };
                        break;
                    }

                    if (!canClose && children[^1] is TextRun tail && TrailingPunctuation(tail.Text) is > 0 and var trail && trail < tail.Text.Length + (children.Count > 1 ? 1 : 0))
                    {
                        children[^1] = new TextRun(tail.Text[..^trail]);
                        result[i] = span with { Children = Tidy(children) };
                        result.Insert(i + 1, new TextRun(tail.Text[^trail..]));
                        break;
                    }

                    result.RemoveAt(i);
                    result.InsertRange(i, children);
                    break;
                }
            }
        }

        return result;
    }

    private static int LeadingPunctuation(string text)
    {
        var n = 0;
        while (n < text.Length && IsPunctuation(text[n])) n++;
        return n;
    }

    private static int TrailingPunctuation(string text)
    {
        var n = 0;
        while (n < text.Length && IsPunctuation(text[text.Length - 1 - n])) n++;
        return n;
    }

    private static bool IsPunctuation(char c)
    {
        c.CheckUnicodeCategory(out _, out var punctuation);
        return punctuation;
    }

    // The first and last characters an inline is written with, as the flanking rules see them. Through spans written
    // with the same delimiter character, the run of delimiters is one, so the character after it is what counts.
    private static char FirstChar(Inline inline, char runOf = '\0') => inline switch
    {
        TextRun t => t.Text.Length > 0 ? t.Text[0] : ' ',
        Styled s when Delimiter(s.Style)[0] == runOf && s.Children.Count > 0 => FirstChar(s.Children[0], runOf),
        Styled s => Delimiter(s.Style)[0],
        LineBreak => '\\',
        _ => '[',
    };

    private static char LastChar(Inline inline, char runOf = '\0') => inline switch
    {
        TextRun t => t.Text.Length > 0 ? t.Text[^1] : ' ',
        Styled s when Delimiter(s.Style)[0] == runOf && s.Children.Count > 0 => LastChar(s.Children[^1], runOf),
        Styled s => Delimiter(s.Style)[0],
        LineBreak => '\n',
        Link => ')',
        Anchor => '}',
        _ => ']',
    };
}
