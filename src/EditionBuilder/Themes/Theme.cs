using System.Security.Cryptography;
using System.Text;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Site;
using Scriban;
using Scriban.Runtime;

namespace EditionBuilder.Themes;

/// <summary>A theme: Scriban templates parsed once, assets, interface strings per language (i18n/&lt;lang&gt;.yml) and markup settings (theme.yml), merged from its layers (the default theme, then a publisher's theme that overrides files by path and strings by key). Errors name the file and line they come from.</summary>
public sealed class Theme
{
    /// <summary>The page templates every theme must have.</summary>
    public static readonly string[] Required = ["layout.html", "journal.html", "article.html", "chapter.html", "fulltext.html", "abstract.html", "404.html"];

    /// <summary>The settings theme.yml may give, with their defaults.</summary>
    private static readonly Dictionary<string, string> DefaultSettings = new(StringComparer.Ordinal)
    {
        ["note_reference_class"] = "noteref",
        ["notes_class"] = "notes",
        // The PDF's page: a Typst paper name, the margin on every side (a length in mm, cm, in or pt), the digits of its page numbers (1 or ١).
        ["pdf_paper"] = "a4",
        ["pdf_margin"] = "25mm",
        ["pdf_page_digits"] = "\u0661", // Arabic-Indic digits
    };

    private readonly Dictionary<string, Template> _parsed;
    private readonly IReadOnlyDictionary<string, string> _sources;
    private readonly IReadOnlyDictionary<string, string> _paths;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ScriptObject _languages;

    // Scriban's built-in functions, made once: a context makes its own set otherwise, which cost more than rendering a small page. Only read while rendering.
    private readonly ScriptObject _builtins = TemplateContext.GetDefaultBuiltinObject();

    private Theme(Dictionary<string, Template> parsed, IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, string> paths,
        ThemeStrings strings, IReadOnlyDictionary<string, string> settings)
    {
        _parsed = parsed;
        _sources = sources;
        _paths = paths;
        Strings = strings;
        _settings = settings;
        _languages = strings.AllForTemplates();
    }

    /// <summary>The theme's static files (CSS, JS, fonts, licences) by path relative to assets/.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets { get; private init; } = new Dictionary<string, byte[]>();

    /// <summary>The theme's e-book files other than its templates (epub/book.css) by path relative to epub/.</summary>
    public IReadOnlyDictionary<string, byte[]> EpubFiles { get; private init; } = new Dictionary<string, byte[]>();

    /// <summary>The theme's PDF files (pdf/fonts/*.ttf and their licences) by path relative to pdf/.</summary>
    public IReadOnlyDictionary<string, byte[]> PdfFiles { get; private init; } = new Dictionary<string, byte[]>();

    /// <summary>A hash of every file of the theme, so caches know when it changed.</summary>
    public string Fingerprint { get; private init; } = string.Empty;

    /// <summary>The interface strings per language.</summary>
    public ThemeStrings Strings { get; }

    /// <summary>A setting of theme.yml (one of the keys it may set), or its default.</summary>
    public string Setting(string key) => _settings[key];

    /// <summary>The note markup the theme asks for, with its strings in the language of the notes (Arabic).</summary>
    public NoteRenderOptions NoteOptions(string lang = "ar") => new()
    {
        ReferenceClass = _settings["note_reference_class"],
        NotesClass = _settings["notes_class"],
        NotesHeading = Strings.Get(lang, "notes_heading"),
        EndnotesHeading = Strings.Get(lang, "endnotes_heading"),
        BackLinkText = Strings.Get(lang, "back_link_text"),
        BackLinkLabel = Strings.Get(lang, "back_link_label"),
        ArchivedCopyLabel = Strings.Get(lang, "archived_copy"),
    };

    /// <summary>Loads a theme from its folders, lowest layer first (see <see cref="ThemeFolder.Layers"/>); the content folder's own theme/ is read like content (<paramref name="contentFolder"/>: no link out of it).</summary>
    public static Theme? Load(IReadOnlyList<string> folders, DiagnosticBag diagnostics, string? contentFolder = null)
    {
        var layers = new List<ThemeLayer>();
        foreach (var folder in folders)
        {
            if (ThemeFolder.Read(folder, diagnostics, ThemeFolder.BoundaryOf(folder, contentFolder)) is { } layer) layers.Add(layer);
        }

        return diagnostics.HasErrors ? null : Parse(layers, diagnostics);
    }

    /// <summary>Loads a complete theme from one folder.</summary>
    public static Theme? Load(string folder, DiagnosticBag diagnostics) => Load([folder], diagnostics);

    /// <summary>Merges and parses a theme's layers; null when any file has errors.</summary>
    public static Theme? Parse(IReadOnlyList<ThemeLayer> layers, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var files = new SortedDictionary<string, (string Path, byte[] Bytes)>(StringComparer.Ordinal);
        var i18n = new List<(string Path, string Lang, Dictionary<string, string> Strings)>();
        var settings = new Dictionary<string, string>(DefaultSettings, StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (relative, bytes) in layer.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var path = Path.Combine(layer.Folder, relative);
                if (relative.StartsWith("i18n/", StringComparison.Ordinal) && relative.EndsWith(".yml", StringComparison.Ordinal) && relative.Count(c => c == '/') == 1)
                {
                    if (FlatYaml.Read(path, bytes, diagnostics, out var positions) is { } language)
                    {
                        i18n.Add((path, relative[5..^4], language));
                        ThemeStrings.CheckFormats(path, language, positions, diagnostics);
                    }
                }
                else if (relative == "theme.yml")
                {
                    foreach (var (key, value) in FlatYaml.Read(path, bytes, diagnostics) ?? [])
                    {
                        if (DefaultSettings.ContainsKey(key)) settings[key] = value;
                        else diagnostics.Error(DiagnosticCodes.ThemeFileInvalid, path, 0, 0, $"unknown setting '{key}'; theme.yml may set {string.Join(", ", DefaultSettings.Keys)}");
                    }
                }

                files[relative] = (path, bytes);
            }
        }

        var strings = ThemeStrings.Merge(i18n, diagnostics);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (name, (path, bytes)) in files.Where(f => IsTemplate(f.Key)))
        {
            var text = Encoding.UTF8.GetString(bytes);
            sources[name] = text;
            paths[name] = path;
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

        foreach (var name in Required.Where(r => !sources.ContainsKey(r)))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, Path.Combine(layers.Count > 0 ? layers[0].Folder : ".", name), 0, 0, "this template is missing from the theme");
        }

        if (diagnostics.ErrorCount > errorsBefore || strings is null) return null;
        var assets = files.Where(f => f.Key.StartsWith("assets/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["assets/".Length..], f => f.Value.Bytes, StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, (_, bytes)) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\0"));
            sha.AppendData(BitConverter.GetBytes(bytes.LongLength));
            sha.AppendData(bytes);
        }

        var epubFiles = files.Where(f => f.Key.StartsWith("epub/", StringComparison.Ordinal) && !IsTemplate(f.Key))
            .ToDictionary(f => f.Key["epub/".Length..], f => f.Value.Bytes, StringComparer.Ordinal);
        var pdfFiles = files.Where(f => f.Key.StartsWith("pdf/", StringComparison.Ordinal) && !IsTemplate(f.Key))
            .ToDictionary(f => f.Key["pdf/".Length..], f => f.Value.Bytes, StringComparer.Ordinal);
        return new Theme(parsed, sources, paths, strings, settings)
        {
            Assets = assets, EpubFiles = epubFiles, PdfFiles = pdfFiles, Fingerprint = Convert.ToHexStringLower(sha.GetHashAndReset()),
            FilePaths = files.ToDictionary(f => f.Key, f => f.Value.Path, StringComparer.Ordinal),
            TopFolder = layers.Count > 0 ? layers[^1].Folder : ".",
        };
    }

    /// <summary>The longest string a template may make, in UTF-16 characters (32 MiB), far above the full text of a long article.</summary>
    public const int MaxStringLength = 16 * 1024 * 1024;

    /// <summary>The longest page a template may write, in UTF-16 characters.</summary>
    public const int MaxPageLength = 64 * 1024 * 1024;

    /// <summary>The names of the theme's templates (every layer's, merged), in ordinal order.</summary>
    public IEnumerable<string> TemplateNames => _sources.Keys.Order(StringComparer.Ordinal);

    /// <summary>A template's text as the theme holds it (for checks that read its markup); null when the theme has no such template.</summary>
    public string? SourceOf(string template) => _sources.GetValueOrDefault(template);

    /// <summary>Whether the theme has this template (optional ones, such as the e-book's, may be missing).</summary>
    public bool Has(string template) => _parsed.ContainsKey(template);

    /// <summary>Where a file of the theme comes from (its layer's folder), for diagnostics; for a missing file, where the publisher's theme would hold it.</summary>
    public string PathOf(string relative) => FilePaths.TryGetValue(relative, out var path) ? path : Path.Combine(TopFolder, relative);

    // Each file's path in the layer it came from, and the top layer's folder.
    private IReadOnlyDictionary<string, string> FilePaths { get; init; } = new Dictionary<string, string>();

    private string TopFolder { get; init; } = ".";

    // Templates are the .html files outside assets/ (which are copied as they are).
    private static bool IsTemplate(string relative) =>
        relative.EndsWith(".html", StringComparison.Ordinal) && !relative.StartsWith("assets/", StringComparison.Ordinal);

    /// <summary>Renders a template with <c>page</c>, <c>model</c>, <c>content</c> (the page body, in the layout), <c>i18n</c> (the page language's strings) and <c>languages</c> (every language's); errors go to the bag and return null. With <paramref name="leftOut"/>, Markdown bodies become placeholders collected there.</summary>
    public string? Render(string name, PageView page, object model, DiagnosticBag diagnostics, List<HtmlFragment>? leftOut = null, RawHtml? content = null) =>
        Render(name, page.Lang, page, model, diagnostics, leftOut, content);

    /// <summary>Renders a template for a document that is no site page (an e-book's), whose <c>i18n</c> strings are those of <paramref name="lang"/>.</summary>
    public string? Render(string name, string lang, object page, object model, DiagnosticBag diagnostics, List<HtmlFragment>? leftOut = null, RawHtml? content = null)
    {
        var template = _parsed[name];
        var context = new EscapingTemplateContext(_builtins)
        {
            StrictVariables = true,
            TemplateLoader = new TemplateLoader(_sources),
            EnableRelaxedMemberAccess = false,
            LoopLimit = 1_000_000,
            // Pages of a long article exceed Scriban's default 1 MiB string limit, which would cut them silently; a template that
            // grows a string past these caps (doubling it in a loop) is stopped with an error at its line, before the allocation.
            LimitToString = MaxStringLength,
            OnStringLimit = Scriban.ScriptLimitBehavior.Throw,
            OutputLimit = MaxPageLength,
            OnOutputLimit = Scriban.ScriptLimitBehavior.Throw,
            LeftOut = leftOut,
        };
        // Includes reuse the partials parsed once here; otherwise Scriban parses each partial again for every page.
        foreach (var (partial, parsed) in _parsed) context.CachedTemplates[partial] = parsed;
        var globals = new ScriptObject();
        globals.SetValue("page", page, readOnly: true);
        globals.SetValue("model", model, readOnly: true);
        globals.SetValue("content", content ?? new RawHtml(string.Empty), readOnly: true);
        globals.SetValue("i18n", Strings.ForTemplates(lang), readOnly: true);
        globals.SetValue("languages", _languages, readOnly: true);
        context.UseMarkupIncludes(globals);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            var span = e.Span;
            var file = string.IsNullOrEmpty(span.FileName) ? name : span.FileName;
            diagnostics.Error(DiagnosticCodes.TemplateError, _paths.GetValueOrDefault(file, file), span.Start.Line + 1, span.Start.Column + 1, e.OriginalMessage);
            return null;
        }
    }
}
