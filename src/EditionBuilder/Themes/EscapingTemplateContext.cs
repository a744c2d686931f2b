using EditionBuilder.Model;
using EditionBuilder.Site;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EditionBuilder.Themes;

/// <summary>A template context that HTML-escapes every value a template writes, except <see cref="RawHtml"/> and included templates: text can never become markup.</summary>
public sealed class EscapingTemplateContext(ScriptObject? builtins = null) : TemplateContext(builtins)
{
    /// <summary>When set, Markdown bodies are written as placeholders and collected here (see <see cref="PageFragments"/>).</summary>
    public List<HtmlFragment>? LeftOut { get; init; }

    // Scriban makes a member accessor by reflection for each type a context meets, and a page has a new context: the reflection
    // was 5% of a clean build. Our contexts share one renamer and no filter, and an accessor is only read once made, so one per type serves every page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IObjectAccessor> Accessors = new();

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        if (Accessors.TryGetValue(target.GetType(), out var known)) return known;
        return base.GetMemberAccessorImpl(target) is { } made ? Accessors.GetOrAdd(target.GetType(), made) : null;
    }

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
        if (string.IsNullOrEmpty(text)) return this;
        // In text a control or bidi-override character is shown as a visible mark; inside a tag (an attribute value) or a <title> a mark
        // would be markup where none may be, so the character is dropped there (the metadata reader warned about it).
        return Write(MarkupNotAllowed() ? ControlCharacters.Remove(Escape(text)) : ControlCharacters.MarkInHtml(Escape(text)));
    }

    // Elements whose content is text only: a mark's <code> would show as letters.
    private static readonly string[] TextOnlyElements = ["<title", "<textarea", "<script", "<style"];

    // Whether the output so far ends inside a tag (its last '<' comes after its last '>') or inside a text-only element.
    private bool MarkupNotAllowed()
    {
        if (Output is not StringBuilderOutput { Builder: var builder }) return false;
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            if (builder[i] == '>')
            {
                var open = i;
                while (open >= 0 && builder[open] != '<') open--;
                return open >= 0 && TextOnlyElements.Any(e => StartsWith(builder, open, e));
            }

            if (builder[i] == '<') return true;
        }

        return false;
    }

    private static bool StartsWith(System.Text.StringBuilder builder, int at, string text)
    {
        if (at + text.Length > builder.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (builder[at + i] != text[i]) return false;
        }

        return at + text.Length < builder.Length && builder[at + text.Length] is '>' or ' ';
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
