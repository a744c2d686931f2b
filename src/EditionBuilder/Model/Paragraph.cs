namespace EditionBuilder.Model;

/// <summary>One paragraph of body text: its inlines and the source line it came from (0 when unknown).</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Inlines, int SourceLine = 0)
{
    /// <summary>The paragraph's text with note references written as [N].</summary>
    public string PlainText => string.Concat(Inlines.Select(i => i switch
    {
        TextRun t => t.Text,
        NoteReference r => $"[{r.Number}]",
        _ => string.Empty,
    }));

    public IEnumerable<int> ReferencedNotes => Inlines.OfType<NoteReference>().Select(r => r.Number);

    public bool Equals(Paragraph? other) => other is not null && Inlines.SequenceEqual(other.Inlines);

    public override int GetHashCode() => Inlines.Count;
}
