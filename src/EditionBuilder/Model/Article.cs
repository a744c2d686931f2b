namespace EditionBuilder.Model;

/// <summary>A file the article's chapters show (an image), by its path under the chapter folder ("media/image1.png").</summary>
public sealed record MediaFile(string Path, byte[] Bytes);

/// <summary>A whole article: its chapters (each holding the notes it cites first), its abstracts, and the media its chapters show.</summary>
public sealed record Article(IReadOnlyList<Chapter> Chapters, IReadOnlyList<Abstract> Abstracts)
{
    /// <summary>Images and other files the chapters show; written beside them (ar/media/…).</summary>
    public IReadOnlyList<MediaFile> Media { get; init; } = [];

    /// <summary>The manuscript's opening (title, authors, Arabic abstract, keywords) when the source has one; never part of the chapters.</summary>
    public ArticleOpening Opening { get; init; } = ArticleOpening.Empty;

    /// <summary>The article's reference list (a section headed المراجع, References, Bibliographie…), written as ar/references.md; null when the source has none.</summary>
    public ReferenceSection? References { get; init; }

    public IEnumerable<Note> Notes => Chapters.SelectMany(c => c.Notes);

    public IEnumerable<Paragraph> Paragraphs => Chapters.SelectMany(c => c.Paragraphs);

    public Abstract? AbstractIn(string language) => Abstracts.FirstOrDefault(a => a.Language == language);

    public bool Equals(Article? other) =>
        other is not null && Chapters.SequenceEqual(other.Chapters) && Abstracts.SequenceEqual(other.Abstracts);

    public override int GetHashCode() => Chapters.Count;
}
