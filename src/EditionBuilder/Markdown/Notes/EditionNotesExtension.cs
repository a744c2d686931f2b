using Markdig;
using Markdig.Renderers;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Notes that keep their original numbers: <c>[^N]</c> references and <c>[^N]: …</c> definitions, rendered with the DPUB roles of docs/design.md, "The HTML contract".</summary>
public sealed class EditionNotesExtension : IMarkdownExtension
{
    /// <summary>The markup settings of the rendered notes; a theme may change them.</summary>
    public NoteRenderOptions Options { get; } = new();

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<NoteDefinitionParser>()) pipeline.BlockParsers.Insert(0, new NoteDefinitionParser());
        if (!pipeline.InlineParsers.Contains<NoteReferenceParser>()) pipeline.InlineParsers.Insert(0, new NoteReferenceParser());
        pipeline.DocumentProcessed -= NoteLinker.Link;
        pipeline.DocumentProcessed += NoteLinker.Link;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        if (!html.ObjectRenderers.Contains<HtmlNoteGroupRenderer>()) html.ObjectRenderers.Insert(0, new HtmlNoteGroupRenderer(Options));
        html.ObjectRenderers.AddIfNotAlready(new HtmlNoteReferenceRenderer(Options));
        html.ObjectRenderers.AddIfNotAlready(new Links.HtmlArchivedCopyRenderer(Options));
    }
}
