using System.Xml.Linq;
using static EditionBuilder.Import.Docx.WordNames;

namespace EditionBuilder.Import.Docx;

/// <summary>The numbering part: for a list paragraph's numId and level, whether it is numbered and where it starts.</summary>
internal sealed class NumberingDefinitions
{
    /// <summary>One level of a list: its number format ("decimal", "bullet"…) and first number.</summary>
    public sealed record Level(string Format, int Start)
    {
        public bool Ordered => Format is not ("bullet" or "none" or "");
    }

    private readonly Dictionary<int, Dictionary<int, Level>> _abstracts = new();
    private readonly Dictionary<int, (int Abstract, Dictionary<int, int> StartOverrides)> _instances = new();

    private NumberingDefinitions(XDocument? document)
    {
        var root = document?.Root;
        if (root is null) return;
        foreach (var definition in root.Elements(W + "abstractNum"))
        {
            if (Int(Attr(definition, "abstractNumId")) is not { } id) continue;
            _abstracts.TryAdd(id, ReadLevels(definition));
        }

        foreach (var instance in root.Elements(W + "num"))
        {
            if (Int(Attr(instance, "numId")) is not { } id || Int(Val(instance, "abstractNumId")) is not { } abstractId) continue;
            var overrides = new Dictionary<int, int>();
            foreach (var levelOverride in instance.Elements(W + "lvlOverride"))
            {
                if (Int(Attr(levelOverride, "ilvl")) is { } level && Int(Val(levelOverride, "startOverride")) is { } start) overrides[level] = start;
            }

            _instances.TryAdd(id, (abstractId, overrides));
        }
    }

    public static NumberingDefinitions Empty { get; } = new(null);

    public static NumberingDefinitions Read(XDocument? document) => new(document);

    private static Dictionary<int, Level> ReadLevels(XElement definition)
    {
        var levels = new Dictionary<int, Level>();
        foreach (var level in definition.Elements(W + "lvl"))
        {
            if (Int(Attr(level, "ilvl")) is not { } index) continue;
            levels.TryAdd(index, new Level(Val(level, "numFmt") ?? "decimal", Int(Val(level, "start")) ?? 1));
        }

        return levels;
    }

    /// <summary>The level of a list instance; null when numId 0 (numbering removed) or unknown.</summary>
    public Level? LevelOf(int numId, int level)
    {
        if (numId == 0 || !_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.Abstract, out var levels)) return null;
        if (!levels.TryGetValue(level, out var found)) found = new Level("decimal", 1);
        return instance.StartOverrides.TryGetValue(level, out var start) ? found with { Start = start } : found;
    }
}
