using EditionBuilder.Diagnostics;
using Scriban.Runtime;

namespace EditionBuilder.Themes;

/// <summary>The interface strings of a theme by language (i18n/&lt;lang&gt;.yml): every language the edition shows has every key, so a page never falls back to another language's words.</summary>
public sealed class ThemeStrings
{
    /// <summary>The languages an edition's pages are written in.</summary>
    public static readonly string[] Languages = ["ar", "en", "fr"];

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _strings;
    private readonly IReadOnlyDictionary<string, ScriptObject> _forTemplates;

    private ThemeStrings(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> strings)
    {
        _strings = strings;
        _forTemplates = strings.ToDictionary(s => s.Key, s => ToScriptObject(s.Value), StringComparer.Ordinal);
    }

    /// <summary>Merges the i18n files of a theme's layers key by key (a later layer overrides single keys) and checks that each language has every key.</summary>
    public static ThemeStrings? Merge(IReadOnlyList<(string Path, string Lang, Dictionary<string, string> Strings)> files, DiagnosticBag diagnostics)
    {
        var merged = Languages.ToDictionary(l => l, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var lastFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, lang, strings) in files)
        {
            if (!merged.TryGetValue(lang, out var target))
            {
                diagnostics.Warning(DiagnosticCodes.ThemeFileInvalid, path, 0, 0, $"pages are written in {string.Join(", ", Languages)}; the strings for '{lang}' are not used");
                continue;
            }

            foreach (var (key, value) in strings) target[key] = value;
            lastFile[lang] = path;
        }

        var keys = merged.Values.SelectMany(m => m.Keys).ToHashSet(StringComparer.Ordinal);
        var ok = true;
        foreach (var lang in Languages)
        {
            foreach (var key in keys.Where(k => !merged[lang].ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.ThemeFileInvalid, lastFile.GetValueOrDefault(lang, $"i18n/{lang}.yml"), 0, 0,
                    $"the interface string '{key}' has no {lang} text; give it in i18n/{lang}.yml");
                ok = false;
            }
        }

        return ok ? new ThemeStrings(merged.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, string>)m.Value, StringComparer.Ordinal)) : null;
    }

    /// <summary>The strings the code fills in with <see cref="string.Format(IFormatProvider, string, object)"/> (one value: a note's mark or a paragraph's number).</summary>
    public static readonly string[] FormatKeys = ["back_link_label", "paragraph_label"];

    /// <summary>Checks the format strings of one i18n file where they are read, each error at its value: only <c>{0}</c> (the value) and <c>{{</c>/<c>}}</c> (a brace) may appear, so filling one in can neither fail nor grow without bound.</summary>
    public static void CheckFormats(string path, IReadOnlyDictionary<string, string> strings, IReadOnlyDictionary<string, (int Line, int Column)> positions, DiagnosticBag diagnostics)
    {
        foreach (var key in FormatKeys)
        {
            if (!strings.TryGetValue(key, out var value) || FormatProblem(value) is not { } problem) continue;
            var (line, column) = positions.GetValueOrDefault(key, (0, 0));
            diagnostics.Error(DiagnosticCodes.ThemeFileInvalid, path, line, column,
                $"'{key}' may hold {{0}} (where the number goes) and {{{{ or }}}} for a literal brace; {problem}");
        }
    }

    // The first thing in a format string that is not {0}, {{ or }}; null when there is none.
    private static string? FormatProblem(string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c is not ('{' or '}')) continue;
            if (i + 1 < format.Length && format[i + 1] == c)
            {
                i++;
                continue;
            }

            if (c == '{' && string.CompareOrdinal(format, i, "{0}", 0, 3) == 0)
            {
                i += 2;
                continue;
            }

            var end = c == '{' ? format.IndexOf('}', i) : -1;
            var shown = end > i && end - i < 40 ? format[i..(end + 1)] : c.ToString();
            return $"'{shown}' is not allowed (write {(c == '{' ? "{{" : "}}")} for a brace)";
        }

        return null;
    }

    /// <summary>The string for a key in a language; an unknown key is a fault of the code asking, not of the theme.</summary>
    public string Get(string lang, string key) =>
        _strings.TryGetValue(lang, out var strings) && strings.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"the interface string '{key}' is missing for '{lang}'");

    /// <summary>Whether the theme has the string (a writer's <c>{name}_download</c>, say).</summary>
    public bool Has(string lang, string key) => _strings.TryGetValue(lang, out var strings) && strings.ContainsKey(key);

    /// <summary>The string with {0} replaced by <paramref name="argument"/>.</summary>
    public string Format(string lang, string key, string argument) => Get(lang, key).Replace("{0}", argument, StringComparison.Ordinal);

    /// <summary>The strings of a language as templates read them (<c>i18n.key</c>); a misspelt key is an error with the template's line.</summary>
    public ScriptObject ForTemplates(string lang) => _forTemplates.TryGetValue(lang, out var strings) ? strings : _forTemplates["ar"];

    /// <summary>Every language's strings, as <c>languages.fr.key</c> or <c>languages[other.lang].key</c>.</summary>
    public ScriptObject AllForTemplates()
    {
        var all = new ScriptObject();
        foreach (var (lang, strings) in _forTemplates) all.SetValue(lang, strings, readOnly: true);
        return all;
    }

    private static ScriptObject ToScriptObject(IReadOnlyDictionary<string, string> strings)
    {
        var script = new ScriptObject();
        foreach (var (key, value) in strings.OrderBy(s => s.Key, StringComparer.Ordinal)) script.SetValue(key, value, readOnly: true);
        return script;
    }
}
