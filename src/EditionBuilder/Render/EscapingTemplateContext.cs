using EditionBuilder.Model;
using EditionBuilder.Site;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EditionBuilder.Render;

/// <summary>A template context that HTML-escapes every value a template writes, except <see cref="RawHtml"/> and included templates: text can never become markup.</summary>
public sealed class EscapingTemplateContext(ScriptObject? builtins = null) : TemplateContext(builtins)
{
    /// <summary>When set, Markdown bodies are written as placeholders and collected here (see <see cref="PageFragments"/>).</summary>
    public List<HtmlFragment>? LeftOut { get; init; }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is RawHtml raw) return Write(raw.Html);
        if (textAsObject is HtmlFragment fragment)
        {
            if (LeftOut is null) return Write(fragment.Html);
            LeftOut.Add(fragment);
            return Write(PageFragments.Placeholder(LeftOut.Count - 1));
        }

        var text = ObjectToString(textAsObject);
        return string.IsNullOrEmpty(text) ? this : Write(ControlCharacters.MarkInHtml(Escape(text)));
    }

    /// <summary>Escapes the five characters that matter in HTML text and attributes; every other character (é, Arabic) stays as it is.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Makes <c>include</c> return its output as markup, since it is the theme's own HTML.</summary>
    public void UseMarkupIncludes(ScriptObject globals) => globals.SetValue("include", new MarkupIncludeFunction(), readOnly: true);

    private sealed class MarkupIncludeFunction : IScriptCustomFunction
    {
        private readonly IncludeFunction _include = new();

        public int RequiredParameterCount => _include.RequiredParameterCount;

        public int ParameterCount => _include.ParameterCount;

        public ScriptVarParamKind VarParamKind => _include.VarParamKind;

        public Type ReturnType => typeof(RawHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new RawHtml(_include.Invoke(context, callerContext, arguments, blockStatement) as string ?? string.Empty);

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new RawHtml(await _include.InvokeAsync(context, callerContext, arguments, blockStatement) as string ?? string.Empty);
    }
}
