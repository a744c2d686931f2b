using System.Globalization;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Parse;
using Markdig.Syntax;

namespace EditionBuilder.Jats;

/// <summary>The notes of an article as JATS holds them: each note's id (the site's, <c>fn-N</c>), the mark the author's document shows, and whether it is an endnote.</summary>
public sealed class JatsNotes
{
    private readonly Dictionary<int, string> _marks;

    private JatsNotes(Dictionary<int, string> marks) => _marks = marks;

    /// <summary>Every note the chapters define, by number, with its mark.</summary>
    public static JatsNotes Of(ParsedArticle article)
    {
        var marks = new Dictionary<int, string>();
        foreach (var chapter in article.Chapters)
        {
            foreach (var definition in chapter.Document.Descendants<NoteDefinition>()) marks.TryAdd(definition.Number, Mark(definition));
        }

        return new JatsNotes(marks);
    }

    /// <summary>The id of the note a reference points to (its <c>fn</c>'s id).</summary>
    public static string IdOf(NoteReferenceInline reference) => "fn-" + reference.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of a note's <c>fn</c>.</summary>
    public static string IdOf(NoteDefinition definition) => "fn-" + definition.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The mark the author's document shows for a note.</summary>
    public static string Mark(NoteDefinition definition) => definition.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>False for a footnote; true for an endnote, which goes to its own <c>fn-group</c>.</summary>
    public static bool IsEndnote(NoteDefinition definition) => false;

    /// <summary>The mark a reference shows: its note's, wherever that is defined.</summary>
    public string Mark(NoteReferenceInline reference) =>
        reference.Definition is { } definition ? Mark(definition)
        : _marks.TryGetValue(reference.Number, out var mark) ? mark
        : reference.Number.ToString(CultureInfo.InvariantCulture);
}
