namespace EditionBuilder.Import.Census;

/// <summary>A paragraph of the source as the census read it: where it is in a document ("paragraph 112", "word/footnotes.xml:paragraph 3") or its line in a text export, and its visible text.</summary>
public sealed record CensusParagraph(string Where, string Text, int Line = 0);

/// <summary>What a source holds, counted independently of its reader: every visible paragraph's text, the note references of its text and the notes they refer to.</summary>
public sealed record SourceCensus(IReadOnlyList<CensusParagraph> Paragraphs, int NoteReferences, int Notes)
{
    /// <summary>Letters and digits of every paragraph.</summary>
    public long Letters => Paragraphs.Sum(p => (long)Census.Letters.Count(p.Text));
}
