using EditionBuilder.Model;

namespace EditionBuilder.Import.Docx;

/// <summary>A block of the Word document as read, before it is placed in a chapter: where it is (paragraph number, first words) and what it is.</summary>
internal abstract record DocxBlock(int Paragraph, string FirstWords);

/// <summary>A list paragraph: its list (numId), level, whether numbered, and its number.</summary>
internal sealed record ListPlace(int NumId, int Level, bool Ordered, int Number);

/// <summary>A paragraph and what its style and properties make of it.</summary>
internal sealed record DocxParagraph(int Paragraph, string FirstWords, IReadOnlyList<Inline> Inlines) : DocxBlock(Paragraph, FirstWords)
{
    public int? HeadingLevel { get; init; }

    public bool IsTitle { get; init; }

    public bool IsSubtitle { get; init; }

    public bool IsCaption { get; init; }

    public bool IsQuote { get; init; }

    /// <summary>In Word's Bibliography style (or its name in another language): an entry of the reference list.</summary>
    public bool IsBibliography { get; init; }

    /// <summary>In an Author style (pandoc writes the authors of its metadata so): a line of the byline.</summary>
    public bool IsAuthor { get; init; }

    public ListPlace? List { get; init; }

    public TextDirection? Direction { get; init; }

    /// <summary>"en", "fr", "ar"… from the runs' w:lang (or the style's, or the document's default); null when nothing says.</summary>
    public string? Language { get; init; }

    /// <summary>True when <see cref="Language"/> is the runs' own w:lang, not a style's or the document's default (which a Word set to English gives every paragraph).</summary>
    public bool LanguageIsOwn { get; init; }

    public string Text => InlineText.Plain(Inlines.Where(i => i is not NoteReference));
}

internal sealed record DocxTable(int Paragraph, string FirstWords, Table Table) : DocxBlock(Paragraph, FirstWords);

internal sealed record DocxFigure(int Paragraph, string FirstWords, Figure Figure) : DocxBlock(Paragraph, FirstWords);
