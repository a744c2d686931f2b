namespace EditionBuilder.Model;

/// <summary>A whole article: its chapters (each holding the notes it cites first) and its abstracts.</summary>
public sealed record Article(IReadOnlyList<Chapter> Chapters, IReadOnlyList<Abstract> Abstracts)
{
    /// <summary>The manuscript's front matter (title, authors, Arabic abstract, keywords) when the source opens with one; never part of the chapters.</summary>
    public ArticleFrontMatter FrontMatter { get; init; } = ArticleFrontMatter.Empty;

    public IEnumerable<Note> Notes => Chapters.SelectMany(c => c.Notes);

    public IEnumerable<Paragraph> Paragraphs => Chapters.SelectMany(c => c.Paragraphs);

    public Abstract? AbstractIn(string language) => Abstracts.FirstOrDefault(a => a.Language == language);

    public bool Equals(Article? other) =>
        other is not null && Chapters.SequenceEqual(other.Chapters) && Abstracts.SequenceEqual(other.Abstracts);

    public override int GetHashCode() => Chapters.Count;
}
