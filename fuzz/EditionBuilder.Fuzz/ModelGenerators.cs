using EditionBuilder.Model;
using FsCheck;
using FsCheck.Fluent;

namespace EditionBuilder.Fuzz;

/// <summary>FsCheck generators of whole chapters in the model: every block and inline kind, nested, with text full of Markdown's special characters, and footnotes and endnotes with marks.</summary>
public static class ModelGenerators
{
    private const string Alphabet = "*_#>-+=~%1.)[]<>&\\`!^:|{}\"'() \t\u00A0abcXYZ09سلامعلىيكم«»،؟";

    public static Gen<string> Text() =>
        Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray())).Select(chars => new string(chars)).Where(s => s.Length > 0);

    private static Gen<string> Id() =>
        Gen.OneOf(Gen.Choose(1, 500).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Elements("iv", "x", "mark1", "a_b", "07"));

    private static Gen<NoteReference> Reference() =>
        from kind in Gen.Elements(NoteKind.Footnote, NoteKind.Endnote)
        from id in Id()
        select new NoteReference(kind, id);

    private static Gen<string> Url() =>
        Gen.OneOf(Gen.Elements("https://example.org/a_(b)", "https://x.org/?a=1&amp;b=2", "mailto:a@b.org", "a b", "http://x.org/*y*", "https://x.org/a|b"), Text());

    /// <summary>Inlines of a paragraph, nested up to <paramref name="depth"/> levels of formatting and links.</summary>
    public static Gen<Inline[]> Inlines(int depth) =>
        Gen.ArrayOf(Inline(depth)).Select(a => a.Take(8).ToArray());

    private static Gen<Inline> Inline(int depth)
    {
        var leaves = Gen.OneOf(
            Text().Select(t => (Inline)new TextRun(t)),
            Text().Select(t => (Inline)new TextRun(t)),
            Reference().Select(r => (Inline)r),
            Gen.Constant((Inline)new LineBreak()));
        if (depth <= 0) return leaves;
        return Gen.OneOf(
            leaves,
            leaves,
            from style in Gen.Elements(TextStyle.Emphasis, TextStyle.Strong, TextStyle.Superscript, TextStyle.Subscript, TextStyle.Strikethrough, TextStyle.Underline, TextStyle.SmallCaps)
            from children in Inlines(depth - 1)
            select (Inline)new Styled(style, children),
            from url in Url()
            from children in Inlines(depth - 1)
            select (Inline)new Link(url, children));
    }

    private static Gen<Paragraph> Paragraph() =>
        from inlines in Inlines(2)
        from direction in Gen.Elements<TextDirection?>(null, null, TextDirection.LeftToRight, TextDirection.RightToLeft)
        select new Paragraph(inlines) { Direction = direction };

    private static Gen<Block> Block(int depth)
    {
        var leaves = Gen.OneOf(
            Paragraph().Select(p => (Block)p),
            Paragraph().Select(p => (Block)p),
            from level in Gen.Choose(1, 7)
            from inlines in Inlines(1)
            select (Block)new Heading(level, inlines),
            from rows in Gen.ArrayOf(Gen.ArrayOf(Inlines(1).Select(i => new TableCell(i))).Select(c => new TableRow(c.Take(4).ToArray())))
            from header in Gen.Choose(0, 2)
            select (Block)new Table(rows.Take(5).ToArray(), header),
            from source in Gen.Elements("media/image1.png", "media/a b.jpg", "media/x_(1).gif")
            from alt in Gen.OneOf(Text(), Gen.Constant(string.Empty))
            from caption in Inlines(1)
            select (Block)new Figure(source, alt, caption));
        if (depth <= 0) return leaves;
        return Gen.OneOf(
            leaves,
            leaves,
            Gen.ArrayOf(Block(depth - 1)).Select(b => (Block)new Quote(b.Take(3).ToArray())),
            from ordered in Gen.Elements(true, false)
            from start in Gen.Choose(0, 30)
            from items in Gen.ArrayOf(Gen.ArrayOf(Block(depth - 1)).Select(b => new ListItem(b.Take(3).ToArray())))
            select (Block)new ItemList(ordered, start, items.Take(4).ToArray()));
    }

    private static Gen<Note> Note() =>
        from reference in Reference()
        from mark in Gen.OneOf(Gen.Constant(reference.Id), Gen.Elements("*", "٣", "iv", "}", "\\", "a b"))
        from paragraphs in Gen.ArrayOf(Paragraph())
        select new Note(reference.Kind, reference.Id, mark, paragraphs.Take(3).ToArray());

    /// <summary>A chapter: a title, blocks nested two levels deep, and notes with distinct keys.</summary>
    public static Gen<Chapter> Chapter() =>
        from title in Text()
        from blocks in Gen.ArrayOf(Block(2))
        from notes in Gen.ArrayOf(Note())
        select new Chapter(1, title.Trim(), "01-generated", blocks.Take(8).ToArray(), notes.DistinctBy(n => n.Key).Take(5).ToArray());
}
