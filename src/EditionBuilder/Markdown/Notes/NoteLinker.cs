using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>After parsing: moves the notes to the end, numbers repeated references and links each reference to its definition.</summary>
internal static class NoteLinker
{
    public static void Link(MarkdownDocument document)
    {
        var group = document.GetData(NoteDefinitionParser.GroupKey) as NoteGroup;
        var definitions = new Dictionary<int, NoteDefinition>();
        if (group is not null)
        {
            document.RemoveData(NoteDefinitionParser.GroupKey);
            document.Remove(group);
            document.Add(group);
            foreach (var definition in group.OfType<NoteDefinition>())
            {
                definitions.TryAdd(definition.Number, definition);
            }
        }

        var occurrences = new Dictionary<int, int>();
        foreach (var reference in document.Descendants<NoteReferenceInline>())
        {
            reference.Occurrence = occurrences[reference.Number] = occurrences.GetValueOrDefault(reference.Number) + 1;
            if (definitions.TryGetValue(reference.Number, out var definition))
            {
                reference.Definition = definition;
                definition.References.Add(reference);
            }
        }
    }
}
