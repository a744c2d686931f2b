using System.Text;

namespace EditionBuilder.Model;

/// <summary>One paragraph of body text: its inlines, its direction when it differs from the chapter's, and the source line it came from (0 when unknown).</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Inlines, int SourceLine = 0) : Block
{
    /// <summary>Null: the chapter's direction.</summary>
    public TextDirection? Direction { get; init; }

    /// <summary>The paragraph's text with note references written as [N] (endnotes as [en:N]) and formatting left out.</summary>
    public string PlainText => InlineText.Plain(Inlines);

    /// <summary>The paragraph's text cut at its line breaks.</summary>
    public IReadOnlyList<string> PlainLines => InlineText.Plain(Inlines).Split('\n');

    /// <summary>The notes referred to, in reading order (a reference inside a link or formatting included).</summary>
    public IEnumerable<int> ReferencedNotes => NoteReferences.Select(r => int.TryParse(r.Id, out var n) ? n : 0);

    /// <summary>Every note reference of the paragraph, in reading order.</summary>
    public IEnumerable<NoteReference> NoteReferences => InlineText.Descendants(Inlines).OfType<NoteReference>();

    public bool Equals(Paragraph? other) => other is not null && Direction == other.Direction && Inlines.SequenceEqual(other.Inlines);

    public override int GetHashCode() => Inlines.Count;
}

/// <summary>Walks inlines: every inline in reading order, and the plain text they show.</summary>
public static class InlineText
{
    public static IEnumerable<Inline> Descendants(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            var children = inline switch { Styled s => s.Children, Link l => l.Children, _ => null };
            if (children is null) continue;
            foreach (var child in Descendants(children)) yield return child;
        }
    }

    /// <summary>The text: note references as [N] or [en:N], line breaks as '\n', formatting left out.</summary>
    public static string Plain(IEnumerable<Inline> inlines)
    {
        var builder = new StringBuilder();
        foreach (var inline in Descendants(inlines))
        {
            switch (inline)
            {
                case TextRun t: builder.Append(t.Text); break;
                case NoteReference r: builder.Append('[').Append(r.Key.ToString()).Append(']'); break;
                case LineBreak: builder.Append('\n'); break;
            }
        }

        return builder.ToString();
    }
}
