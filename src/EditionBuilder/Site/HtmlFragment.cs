namespace EditionBuilder.Site;

/// <summary>A block of HTML the renderer made from Markdown (a chapter's or an abstract's body); templates write it as is, and a build minifies it once however many pages show it.</summary>
public sealed class HtmlFragment(string html)
{
    public string Html { get; } = html;

    public override string ToString() => Html;
}
