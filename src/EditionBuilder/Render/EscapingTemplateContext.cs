using System.Net;
using Scriban;

namespace EditionBuilder.Render;

/// <summary>A template context that HTML-escapes every value a template writes, except <see cref="RawHtml"/>: text can never become markup.</summary>
public sealed class EscapingTemplateContext : TemplateContext
{
    public override string ObjectToString(object? value, bool nested = false)
    {
        if (value is RawHtml raw) return raw.Html;
        var text = base.ObjectToString(value, nested) ?? string.Empty;
        return nested || value is not string ? text : WebUtility.HtmlEncode(text);
    }
}
