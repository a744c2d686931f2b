using Markdig;
using Markdig.Renderers;

namespace EditionBuilder.Markdown.Links;

/// <summary>Links http(s):// and www. addresses found in text, with rel="noopener noreferrer".</summary>
public sealed class UrlLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Process;
        pipeline.DocumentProcessed += Process;
    }

    // Archived copies are added to the links just made, so the order matters.
    private static void Process(Markdig.Syntax.MarkdownDocument document)
    {
        UrlLinker.Link(document);
        ArchivedLinks.Add(document);
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
