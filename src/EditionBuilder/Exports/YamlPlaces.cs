using EditionBuilder.Content.Yaml;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Exports;

/// <summary>Where a key of article.yml or edition.yml is written, so an export's missing field is reported at the line that should hold it: the key itself when written empty, else the map it belongs in, else the file's first line.</summary>
public sealed class YamlPlaces
{
    private readonly YamlNode? _root;

    private YamlPlaces(string path, YamlNode? root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    /// <summary>The file's key positions; a file that cannot be read (it was read once already, with its errors) gives the first line for every key.</summary>
    public static YamlPlaces Of(string path)
    {
        if (!File.Exists(path)) return new YamlPlaces(path, null);
        YamlTreeReader.TryRead(path, File.ReadAllText(path), new DiagnosticBag(), 0, out var root);
        return new YamlPlaces(path, root);
    }

    /// <summary>The line and column of a key path such as "crossref.email": the deepest part written.</summary>
    public (int Line, int Column) Of(params string[] keys)
    {
        var place = (Line: 1, Column: 1);
        var node = _root?.Resolved;
        foreach (var key in keys)
        {
            if (node is not YamlMapping mapping) break;
            var entry = mapping.Entries.FirstOrDefault(e => e.Key.Value == key);
            if (entry.Key is null) break;
            place = (entry.Key.Start.Line, entry.Key.Start.Column);
            node = entry.Value.Resolved;
        }

        return place;
    }
}
