namespace EditionBuilder.Model;

/// <summary>A file the article's chapters show (an image), by its path under the chapter folder ("media/image1.png").</summary>
public sealed record MediaFile(string Path, byte[] Bytes);

/// <summary>A whole article: its chapters (each holding the notes it cites first), its abstracts, and the media its chapters show.</summary>
public sealed record Article(IReadOnlyList<Chapter> Chapters, IReadOnlyList<Abstract> Abstracts)
{
    /// <summary>Images and other files the chapters show; written beside them (ar/media/…).</summary>
    public IReadOnlyList<MediaFile> Media { get; init; } = [];

    /// <summary>What the source says of the article itself before its first chapter (title, subtitle, authors); empty fields when it says nothing.</summary>
    public SourceFrontMatter Front { get; init; } = SourceFrontMatter.Empty;

    public IEnumerable<Note> Notes => Chapters.SelectMany(c => c.Notes);

    public IEnumerable<Paragraph> Paragraphs => Chapters.SelectMany(c => c.Paragraphs);

    public Abstract? AbstractIn(string language) => Abstracts.FirstOrDefault(a => a.Language == language);

    public bool Equals(Article? other) =>
        other is not null && Chapters.SequenceEqual(other.Chapters) && Abstracts.SequenceEqual(other.Abstracts);

    public override int GetHashCode() => Chapters.Count;
}

/// <summary>The article's own title, subtitle and author lines as the source gives them before the first chapter.</summary>
public sealed record SourceFrontMatter(string Title, string Subtitle, IReadOnlyList<string> Authors)
{
    public static SourceFrontMatter Empty { get; } = new(string.Empty, string.Empty, []);
}
