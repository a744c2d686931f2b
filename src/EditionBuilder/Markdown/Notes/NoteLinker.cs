using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>After parsing: moves the notes to the end, numbers repeated references and links each reference to its definition.</summary>
internal static class NoteLinker
{
    public static void Link(MarkdownDocument document)
    {
        var group = document.GetData(NoteDefinitionParser.GroupKey) as NoteGroup;
        var definitions = new Dictionary<EditionBuilder.Model.NoteKey, NoteDefinition>();
        if (group is not null)
        {
            document.RemoveData(NoteDefinitionParser.GroupKey);
            document.Remove(group);
            document.Add(group);
            foreach (var definition in group.OfType<NoteDefinition>())
            {
                definitions.TryAdd(definition.Key, definition);
            }
        }

        var occurrences = new Dictionary<EditionBuilder.Model.NoteKey, int>();
        foreach (var reference in document.Descendants<NoteReferenceInline>())
        {
            reference.Occurrence = occurrences[reference.Key] = occurrences.GetValueOrDefault(reference.Key) + 1;
            if (definitions.TryGetValue(reference.Key, out var definition))
            {
                reference.Definition = definition;
                definition.References.Add(reference);
            }
        }
    }
}
