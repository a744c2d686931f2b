namespace EditionBuilder.Themes;

/// <summary>HTML the renderer made itself (Markdig output); templates write it as is, while every plain string is escaped.</summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}
