using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EditionBuilder.Themes;

/// <summary>Resolves template includes inside the templates folder only; a path that leaves it is refused.</summary>
public sealed class TemplateLoader(IReadOnlyDictionary<string, string> templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.Replace('\\', '/');
        if (name.StartsWith('/') || name.Split('/').Any(part => part is ".." or "."))
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' leaves the templates folder");
        }

        return name;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        templates.TryGetValue(templatePath, out var text)
            ? text
            : throw new ScriptRuntimeException(callerSpan, $"include '{templatePath}' is not a template in the templates folder");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
