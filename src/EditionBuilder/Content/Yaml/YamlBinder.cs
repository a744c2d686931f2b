using EditionBuilder.Diagnostics;

namespace EditionBuilder.Content.Yaml;

/// <summary>Reads <see cref="YamlNode"/>s into a model without reflection, reporting every wrong key or value at its position in the publisher's words (never a .NET type name). One binder per file read.</summary>
public sealed class YamlBinder(string path, DiagnosticBag diagnostics)
{
    public string Path { get; } = path;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>True once an error was reported through this binder.</summary>
    public bool Failed { get; private set; }

    public void Error(string code, YamlNode at, string message) => Error(code, at.Start, message);

    public void Error(string code, YamlPosition at, string message)
    {
        Diagnostics.Error(code, Path, at.Line, at.Column, message);
        Failed = true;
    }

    public void Warning(string code, YamlNode at, string message) => Diagnostics.Warning(code, Path, at.Start.Line, at.Start.Column, message);

    /// <summary>Reports a value of the wrong form: "'authors' takes a list of names or of {…}, not a map of key: value pairs".</summary>
    public void WrongShape(string key, YamlNode value, string expected) =>
        Error(DiagnosticCodes.WrongShape, value, $"'{key}' takes {expected}, not {value.Describe()}");

    /// <summary>A text value, trimmed; "" when absent; null (with an error) when the value is a list or a map.</summary>
    public string? Text(string key, YamlNode node, string expected)
    {
        var value = node.Resolved;
        if (value.IsAbsent) return string.Empty;
        if (value is YamlScalar scalar) return scalar.Value.Trim();
        WrongShape(key, node, expected);
        return null;
    }

    /// <summary>A whole number; null (with an error) otherwise; 0 when absent.</summary>
    public int? Integer(string key, YamlNode node, string expected)
    {
        var text = Text(key, node, expected);
        if (text is null) return null;
        if (text.Length == 0) return 0;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        Error(DiagnosticCodes.WrongShape, node, $"'{key}' takes {expected}, not '{text}'");
        return null;
    }

    /// <summary>A list of texts; a single text is one item, or with <paramref name="separators"/> split at them ("روسيا، إيران").</summary>
    public List<string>? TextList(string key, YamlNode node, string expected, char[]? separators = null)
    {
        var value = node.Resolved;
        if (value.IsAbsent) return [];
        if (value is YamlScalar scalar)
        {
            return separators is null ? [scalar.Value.Trim()]
                : scalar.Value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        if (value is not YamlSequence sequence)
        {
            WrongShape(key, node, expected);
            return null;
        }

        var items = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item.Resolved.IsAbsent) continue;
            if (item.Resolved is not YamlScalar text)
            {
                Error(DiagnosticCodes.WrongShape, item, $"each item of '{key}' is a text, not {item.Describe()}");
                return null;
            }

            items.Add(text.Value.Trim());
        }

        return items;
    }

    /// <summary>A map whose keys are languages (<paramref name="languages"/>), each read by <paramref name="read"/>; an unknown language is an error with the nearest known one.</summary>
    public Dictionary<string, TValue>? PerLanguage<TValue>(string key, YamlNode node, string expected, IReadOnlyCollection<string> languages, Func<string, YamlNode, TValue?> read)
        where TValue : class
    {
        var value = node.Resolved;
        var result = new Dictionary<string, TValue>(StringComparer.Ordinal);
        if (value.IsAbsent) return result;
        if (value is not YamlMapping mapping)
        {
            WrongShape(key, node, expected);
            return null;
        }

        var ok = true;
        foreach (var (language, item) in mapping.Entries)
        {
            if (!languages.Contains(language.Value))
            {
                UnknownKey(language, languages, $"'{key}' has a value per language: {string.Join(", ", languages)}");
                ok = false;
                continue;
            }

            var read1 = read($"{key}.{language.Value}", item);
            if (read1 is null) ok = false;
            else result[language.Value] = read1;
        }

        return ok ? result : null;
    }

    /// <summary>A map of texts by any key (edition.yml's colours: their names are checked by what uses them).</summary>
    public Dictionary<string, string>? TextMap(string key, YamlNode node, string expected)
    {
        var value = node.Resolved;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.IsAbsent) return result;
        if (value is not YamlMapping mapping)
        {
            WrongShape(key, node, expected);
            return null;
        }

        foreach (var (name, item) in mapping.Entries)
        {
            if (Text($"{key}.{name.Value}", item, "a text") is not { } text) return null;
            result[name.Value] = text;
        }

        return result;
    }

    /// <summary>Reports an unknown key, suggesting the nearest known one.</summary>
    public void UnknownKey(YamlScalar key, IEnumerable<string> known, string knownDescription)
    {
        var nearest = KeySuggestion.Nearest(key.Value, known);
        Error(DiagnosticCodes.UnknownKey, key, nearest is not null
            ? $"unknown key '{key.Value}'; did you mean '{nearest}'?"
            : $"unknown key '{key.Value}'; {knownDescription}");
    }
}

/// <summary>The keys of one YAML map and how each is read into <typeparamref name="T"/>: the whole schema of a file, without reflection.</summary>
public sealed class YamlSchema<T>(string what)
{
    private readonly Dictionary<string, Action<YamlBinder, string, YamlNode, T>> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    /// <summary>The keys, in the order they were declared.</summary>
    public IReadOnlyList<string> Keys => _order;

    public YamlSchema<T> Field(string key, Action<YamlBinder, string, YamlNode, T> read)
    {
        _fields.Add(key, read);
        _order.Add(key);
        return this;
    }

    /// <summary>Reads a map into the target; an absent node leaves it as it is. False when the node is not a map.</summary>
    public bool Read(YamlBinder binder, YamlNode? node, T target, string? key = null)
    {
        if (node is null || node.Resolved.IsAbsent) return true;
        if (node.Resolved is not YamlMapping mapping)
        {
            binder.Error(DiagnosticCodes.WrongShape, node, key is null
                ? $"{what} holds key: value lines (such as title:), not {node.Describe()}"
                : $"'{key}' takes {what}, not {node.Describe()}");
            return false;
        }

        foreach (var (name, value) in mapping.Entries)
        {
            if (_fields.TryGetValue(name.Value, out var read)) read(binder, name.Value, value, target);
            else binder.UnknownKey(name, _order, $"{what} has the keys {string.Join(", ", _order)}");
        }

        return true;
    }
}
