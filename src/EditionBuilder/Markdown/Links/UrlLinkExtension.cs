using Markdig;
using Markdig.Renderers;

namespace EditionBuilder.Markdown.Links;

/// <summary>Links http(s):// and www. addresses found in text, with rel="noopener noreferrer".</summary>
public sealed class UrlLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= UrlLinker.Link;
        pipeline.DocumentProcessed += UrlLinker.Link;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
