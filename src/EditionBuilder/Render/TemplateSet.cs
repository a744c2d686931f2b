using EditionBuilder.Diagnostics;
using EditionBuilder.Site;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EditionBuilder.Render;

/// <summary>The Scriban templates of a theme, parsed once; errors name the template file and line.</summary>
public sealed class TemplateSet
{
    /// <summary>The page templates every theme must have.</summary>
    public static readonly string[] Required = ["layout.html", "journal.html", "article.html", "chapter.html", "fulltext.html", "abstract.html", "404.html"];

    private readonly Dictionary<string, Template> _parsed;
    private readonly IReadOnlyDictionary<string, string> _sources;
    private readonly string _root;

    // Scriban's built-in functions, made once: a context makes its own set otherwise, which cost more than rendering a small page. Only read while rendering.
    private readonly ScriptObject _builtins = TemplateContext.GetDefaultBuiltinObject();

    private TemplateSet(string root, IReadOnlyDictionary<string, string> sources, Dictionary<string, Template> parsed)
    {
        _root = root;
        _sources = sources;
        _parsed = parsed;
    }

    /// <summary>The theme's static files (CSS, JS, fonts, licences) by path relative to assets/.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets { get; private init; } = new Dictionary<string, byte[]>();

    /// <summary>The theme's folder, which diagnostics name.</summary>
    public string Root => _root;

    /// <summary>The theme's e-book files other than templates (epub/book.css) by path relative to epub/.</summary>
    public IReadOnlyDictionary<string, byte[]> EpubFiles { get; private init; } = new Dictionary<string, byte[]>();

    /// <summary>A hash of every template and asset, so caches know when the theme changed.</summary>
    public string Fingerprint { get; private init; } = string.Empty;

    /// <summary>Parses templates given as (relative path, text); assets and e-book files as (relative path, bytes).</summary>
    public static TemplateSet? Parse(string root, IReadOnlyDictionary<string, string> templates, IReadOnlyDictionary<string, byte[]> assets, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, byte[]>? epubFiles = null)
    {
        epubFiles ??= new Dictionary<string, byte[]>();
        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (name, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(root, name);
            var template = Template.Parse(text, path);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Error(DiagnosticCodes.TemplateError, path, message.Span.Start.Line + 1, message.Span.Start.Column + 1, message.Message);
                }

                continue;
            }

            parsed[name] = template;
        }

        foreach (var name in Required.Where(r => !templates.ContainsKey(r)))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, Path.Combine(root, name), 0, 0, "this template is missing from the templates folder");
        }

        if (diagnostics.HasErrors) return null;
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (name, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal)) { sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\0" + text + "\0")); }
        foreach (var (name, bytes) in assets.OrderBy(t => t.Key, StringComparer.Ordinal)) { sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\0")); sha.AppendData(bytes); }
        foreach (var (name, bytes) in epubFiles.OrderBy(t => t.Key, StringComparer.Ordinal)) { sha.AppendData(System.Text.Encoding.UTF8.GetBytes("epub/" + name + "\0")); sha.AppendData(bytes); }
        return new TemplateSet(root, templates, parsed) { Assets = assets, EpubFiles = epubFiles, Fingerprint = Convert.ToHexStringLower(sha.GetHashAndReset()) };
    }

    /// <summary>Loads a templates folder: *.html templates (partials/ and epub/ included), assets/ and epub/'s other files.</summary>
    public static TemplateSet? Load(string root, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(root))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, root, 0, 0, "the templates folder does not exist");
            return null;
        }

        var templates = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Where(f => !Relative(root, f).StartsWith("assets/", StringComparison.Ordinal))
            .ToDictionary(f => Relative(root, f), File.ReadAllText, StringComparer.Ordinal);
        var assetsRoot = Path.Combine(root, "assets");
        var assets = Directory.Exists(assetsRoot)
            ? Directory.EnumerateFiles(assetsRoot, "*", SearchOption.AllDirectories).ToDictionary(f => Relative(assetsRoot, f), File.ReadAllBytes, StringComparer.Ordinal)
            : new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var epubRoot = Path.Combine(root, "epub");
        var epubFiles = Directory.Exists(epubRoot)
            ? Directory.EnumerateFiles(epubRoot, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".html", StringComparison.Ordinal))
                .ToDictionary(f => Relative(epubRoot, f), File.ReadAllBytes, StringComparer.Ordinal)
            : new Dictionary<string, byte[]>(StringComparer.Ordinal);
        return Parse(root, templates, assets, diagnostics, epubFiles);
    }

    /// <summary>Whether the theme has this template (optional ones, such as the e-book's, may be missing).</summary>
    public bool Has(string name) => _parsed.ContainsKey(name);

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>Renders a template with the given model under the name "model" plus "page"; errors go to the bag and return null. With <paramref name="leftOut"/>, Markdown bodies become placeholders collected there.</summary>
    public string? Render(string name, object page, object model, DiagnosticBag diagnostics, List<HtmlFragment>? leftOut = null)
    {
        var template = _parsed[name];
        var context = new EscapingTemplateContext(_builtins)
        {
            StrictVariables = true,
            TemplateLoader = new TemplateLoader(_sources),
            EnableRelaxedMemberAccess = false,
            LoopLimit = 1_000_000,
            // Pages of a long article exceed Scriban's default 1 MiB string limit, which would cut them silently.
            LimitToString = 0,
            LeftOut = leftOut,
        };
        // Includes reuse the partials parsed once here; otherwise Scriban parses each partial again for every page.
        foreach (var (partial, parsed) in _parsed) context.CachedTemplates[partial] = parsed;
        var globals = new ScriptObject();
        globals.SetValue("page", page, readOnly: true);
        globals.SetValue("model", model, readOnly: true);
        context.UseMarkupIncludes(globals);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            var span = e.Span;
            var path = string.IsNullOrEmpty(span.FileName) ? Path.Combine(_root, name) : span.FileName;
            diagnostics.Error(DiagnosticCodes.TemplateError, path, span.Start.Line + 1, span.Start.Column + 1, e.OriginalMessage);
            return null;
        }
    }
}
