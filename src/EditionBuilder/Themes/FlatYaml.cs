using System.Text;
using EditionBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EditionBuilder.Themes;

/// <summary>Reads a theme's flat YAML files (i18n/&lt;lang&gt;.yml, theme.yml): one mapping of keys to text, every problem positioned.</summary>
internal static class FlatYaml
{
    public static Dictionary<string, string>? Read(string path, byte[] bytes, DiagnosticBag diagnostics) => Read(path, bytes, diagnostics, out _);

    /// <summary>Reads the file and tells where each value starts (line and column, from 1), so a later check can point at it.</summary>
    public static Dictionary<string, string>? Read(string path, byte[] bytes, DiagnosticBag diagnostics, out Dictionary<string, (int Line, int Column)> positions)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var text = new UTF8Encoding(false, true).GetString(bytes);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Error(DiagnosticCodes.ThemeFileInvalid, path, (int)e.Start.Line, (int)e.Start.Column, $"YAML: {(e.InnerException ?? e).Message.Replace('\n', ' ')}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return values;
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.ThemeFileInvalid, path, 1, 1, "the file must be a list of 'key: text' lines");
            return null;
        }

        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (valueNode is not YamlScalarNode scalar || key.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.ThemeFileInvalid, path, (int)keyNode.Start.Line, (int)keyNode.Start.Column, $"'{key}' must be a key with a text value");
                ok = false;
            }
            else if (!values.TryAdd(key, scalar.Value ?? string.Empty))
            {
                diagnostics.Error(DiagnosticCodes.ThemeFileInvalid, path, (int)keyNode.Start.Line, (int)keyNode.Start.Column, $"'{key}' is given twice");
                ok = false;
            }
            else
            {
                positions[key] = ((int)scalar.Start.Line, (int)scalar.Start.Column);
            }
        }

        return ok ? values : null;
    }
}
