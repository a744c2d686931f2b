namespace EditionBuilder.Content;

/// <summary>A licence the edition knows by its SPDX id: its short name, full name and address.</summary>
public sealed record Licence(string Id, string ShortName, string Name, string Url);

/// <summary>The licences article.yml and edition.yml accept (SPDX ids, compared without regard to case): the Creative Commons family and a few other open-content licences.</summary>
public static class Licences
{
    private static readonly Licence[] Known = Build();

    private static readonly Dictionary<string, Licence> ById = Known.ToDictionary(l => l.Id, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<Licence> All => Known;

    /// <summary>The licence of an SPDX id, or null when the id is not one the edition knows.</summary>
    public static Licence? Find(string id) => ById.GetValueOrDefault(id.Trim());

    /// <summary>The known id nearest to what was written ("CC BY 4.0" → CC-BY-4.0), or null.</summary>
    public static string? Suggest(string written)
    {
        var squeezed = Squeeze(written);
        var exact = Known.FirstOrDefault(l => Squeeze(l.Id) == squeezed || Squeeze(l.ShortName) == squeezed);
        return exact?.Id ?? Yaml.KeySuggestion.Nearest(written.Trim(), Known.Select(l => l.Id));
    }

    private static string Squeeze(string text) =>
        new(text.ToUpperInvariant().Replace("LICENSE", string.Empty).Replace("LICENCE", string.Empty).Where(char.IsLetterOrDigit).ToArray());

    private static Licence[] Build()
    {
        var licences = new List<Licence>
        {
            new("CC0-1.0", "CC0 1.0", "Creative Commons Zero 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
        };
        var kinds = new (string Id, string Path, string Name)[]
        {
            ("BY", "by", "Attribution"),
            ("BY-SA", "by-sa", "Attribution-ShareAlike"),
            ("BY-ND", "by-nd", "Attribution-NoDerivatives"),
            ("BY-NC", "by-nc", "Attribution-NonCommercial"),
            ("BY-NC-SA", "by-nc-sa", "Attribution-NonCommercial-ShareAlike"),
            ("BY-NC-ND", "by-nc-nd", "Attribution-NonCommercial-NoDerivatives"),
        };
        foreach (var (version, suffix) in new[] { ("4.0", " International"), ("3.0", " Unported"), ("2.0", " Generic") })
        {
            foreach (var kind in kinds)
            {
                var name = version == "4.0" ? kind.Name : kind.Name.Replace("NoDerivatives", "NoDerivs");
                licences.Add(new($"CC-{kind.Id}-{version}", $"CC {kind.Id} {version}", $"Creative Commons {name} {version}{suffix}",
                    $"https://creativecommons.org/licenses/{kind.Path}/{version}/"));
            }
        }

        licences.Add(new("ODC-By-1.0", "ODC-By 1.0", "Open Data Commons Attribution License v1.0", "https://opendatacommons.org/licenses/by/1-0/"));
        licences.Add(new("PDDL-1.0", "PDDL 1.0", "Open Data Commons Public Domain Dedication & License 1.0", "https://opendatacommons.org/licenses/pddl/1-0/"));
        licences.Add(new("GFDL-1.3-or-later", "GNU FDL 1.3+", "GNU Free Documentation License v1.3 or later", "https://www.gnu.org/licenses/fdl-1.3.html"));
        licences.Add(new("LAL-1.3", "Licence Art Libre 1.3", "Licence Art Libre 1.3", "https://artlibre.org/licence/lal/"));
        licences.Add(new("etalab-2.0", "Licence Ouverte 2.0", "Etalab Open License 2.0", "https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf"));
        return licences.ToArray();
    }
}
