namespace EditionBuilder.Markdown;

/// <summary>The YAML front matter of a chapter or abstract file (docs/markdown-format.md).</summary>
public sealed class ChapterFrontMatter
{
    /// <summary>Written double-quoted (<see cref="FrontMatter.Write"/>): YAML then escapes any character it would otherwise fold or drop.</summary>
    public string Title { get; set; } = string.Empty;

    public string Lang { get; set; } = string.Empty;

    public string Dir { get; set; } = string.Empty;

    public int Order { get; set; }

    public string Slug { get; set; } = string.Empty;
}
