using Markdig;
using Markdig.Renderers;

namespace EditionBuilder.Markdown.Safety;

/// <summary>Nothing in a chapter becomes code: unsafe links lose their link, control and bidi-override characters are shown as marks.</summary>
public sealed class SafeTextExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Process;
        pipeline.DocumentProcessed += Process;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Process(Markdig.Syntax.MarkdownDocument document)
    {
        LinkSanitizer.Sanitize(document);
        ControlCharacterMarker.Mark(document);
    }
}
