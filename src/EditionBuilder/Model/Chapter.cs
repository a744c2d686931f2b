namespace EditionBuilder.Model;

/// <summary>One section of the article: its heading, its blocks, and the notes it is the first to cite.</summary>
public sealed record Chapter(int Order, string Title, string Slug, IReadOnlyList<Block> Blocks, IReadOnlyList<Note> Notes)
{
    /// <summary>The chapter's language (ISO 639-1): "ar" for the article's own text, "en", "fr"… for a section written in another.</summary>
    public string Language { get; init; } = "ar";

    /// <summary>"rtl" for Arabic script languages, else "ltr".</summary>
    public string Direction => IsRightToLeft(Language) ? "rtl" : "ltr";

    /// <summary>True for the languages written right to left (Arabic, Persian, Urdu, Hebrew…).</summary>
    public static bool IsRightToLeft(string language) => language is "ar" or "fa" or "ur" or "he" or "ps" or "ckb" or "yi" or "sd" or "ug";

    /// <summary>The chapter's paragraphs, those inside quotes, lists and tables included, in reading order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs => BlockWalk.Paragraphs(Blocks).ToList();

    /// <summary>Every note reference of the chapter's blocks, in reading order.</summary>
    public IEnumerable<NoteReference> NoteReferences => BlockWalk.Inlines(Blocks).OfType<NoteReference>();

    public bool Equals(Chapter? other) =>
        other is not null && Order == other.Order && Title == other.Title && Slug == other.Slug && Language == other.Language
        && Blocks.SequenceEqual(other.Blocks) && Notes.SequenceEqual(other.Notes);

    public override int GetHashCode() => HashCode.Combine(Order, Title);
}

/// <summary>Walks blocks: their paragraphs and every inline they hold, in reading order.</summary>
public static class BlockWalk
{
    public static IEnumerable<Paragraph> Paragraphs(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p: yield return p; break;
                case Quote q: foreach (var p in Paragraphs(q.Blocks)) yield return p; break;
                case ItemList l: foreach (var p in Paragraphs(l.Items.SelectMany(i => i.Blocks))) yield return p; break;
            }
        }
    }

    public static IEnumerable<Inline> Inlines(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            IEnumerable<Inline> inlines = block switch
            {
                Paragraph p => p.Inlines,
                Heading h => h.Inlines,
                Quote q => Inlines(q.Blocks),
                ItemList l => Inlines(l.Items.SelectMany(i => i.Blocks)),
                Table t => t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Inlines),
                Figure f => f.Caption,
                _ => [],
            };
            foreach (var inline in block is Quote or ItemList ? inlines : InlineText.Descendants(inlines)) yield return inline;
        }
    }
}
