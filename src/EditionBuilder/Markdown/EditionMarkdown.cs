using EditionBuilder.Markdown.Blocks;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Markdown.Safety;
using Markdig;

namespace EditionBuilder.Markdown;

/// <summary>The Markdig pipelines of the edition: CommonMark with raw HTML off, tables, figures, original-number notes and safe URL links.</summary>
public static class EditionMarkdown
{
    /// <summary>Switches on notes that keep their original numbers.</summary>
    public static MarkdownPipelineBuilder UseEditionNotes(this MarkdownPipelineBuilder pipeline, Action<NoteRenderOptions>? configure = null)
    {
        var extension = pipeline.Extensions.Find<EditionNotesExtension>() ?? new EditionNotesExtension();
        if (!pipeline.Extensions.Contains(extension)) pipeline.Extensions.Add(extension);
        configure?.Invoke(extension.Options);
        return pipeline;
    }

    /// <summary>Switches on the blocks and inlines a Word document brings: pipe tables, figures, superscript, subscript, a paragraph's direction.</summary>
    public static MarkdownPipelineBuilder UseEditionBlocks(this MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.Extensions.Contains<EditionBlocksExtension>()) return pipeline;
        EditionBlocksExtension.AddParts(pipeline);
        pipeline.Extensions.Add(new EditionBlocksExtension());
        return pipeline;
    }

    /// <summary>Links http(s):// and www. addresses in text.</summary>
    public static MarkdownPipelineBuilder UseEditionLinks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<UrlLinkExtension>();
        return pipeline;
    }

    /// <summary>Sanitizes links and shows control characters as marks.</summary>
    public static MarkdownPipelineBuilder UseSafeText(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<SafeTextExtension>();
        return pipeline;
    }

    /// <summary>The pipeline that reads chapters: no raw HTML, so nothing in the text can become markup or script.</summary>
    public static MarkdownPipeline CreatePipeline(Action<NoteRenderOptions>? configure = null) =>
        new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePreciseSourceLocation()
            .UseEditionBlocks()
            .UseEditionNotes(configure)
            .UseEditionLinks()
            .UseSafeText()
            .Build();
}
