namespace EditionBuilder.Content;

/// <summary>What edition.yml says of the whole site (README, "edition.yml"): its name (the journal's title) per language, ISSNs, publisher, base URL, licence and version.</summary>
public sealed class EditionMetadata
{
    public Dictionary<string, string> Name { get; set; } = new(StringComparer.Ordinal);

    public string Publisher { get; set; } = string.Empty;

    /// <summary>An absolute http(s) address, checked.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The licence of every article that names none: an SPDX id known to <see cref="Licences"/>.</summary>
    public string Licence { get; set; } = string.Empty;

    /// <summary>The edition's version, named in its package (default "1").</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>The ISSN of the printed journal (NNNN-NNNC, check digit verified).</summary>
    public string IssnPrint { get; set; } = string.Empty;

    /// <summary>The ISSN of the online journal (NNNN-NNNC, check digit verified).</summary>
    public string IssnOnline { get; set; } = string.Empty;

    /// <summary>The edition's logo: an image file (PNG, JPEG, WebP or SVG) relative to the content folder; shown in every page's header.</summary>
    public string Logo { get; set; } = string.Empty;

    /// <summary>The theme's colours to change, by name (text, muted, accent, paper, rule), as #rgb or #rrggbb.</summary>
    public Dictionary<string, string> Colours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Who deposits the journal's DOIs with Crossref (edition.yml's <c>crossref: { depositor, email, registrant }</c>), for <c>edition export crossref</c>.</summary>
    public CrossrefAccount Crossref { get; set; } = new();

    /// <summary>How OAI-PMH harvesters reach the journal's static repository (oai.xml) through a static repository gateway: edition.yml's <c>oai: { gateway, email }</c>.</summary>
    public OaiSettings Oai { get; set; } = new();

    public string NameIn(string language)
    {
        foreach (var lang in new[] { language }.Concat(Metadata.Languages))
        {
            if (Name.TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t)) return t.Trim();
        }

        return string.Empty;
    }

    /// <summary>The ISSNs given, online first (the one a web edition is known by).</summary>
    public IEnumerable<string> Issns => new[] { IssnOnline, IssnPrint }.Where(i => i.Length > 0);
}

/// <summary>The head of a Crossref deposit: the depositor's name and e-mail (where Crossref reports the deposit's outcome) and the registrant (the member that owns the DOIs); empty when not given.</summary>
public sealed class CrossrefAccount
{
    public string Depositor { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Registrant { get; set; } = string.Empty;
}

/// <summary>The OAI-PMH static repository's settings: the gateway's base address (oai.xml's baseURL is it followed by oai.xml's own address) and the administrator's e-mail; empty when not given, and then the site has no oai.xml.</summary>
public sealed class OaiSettings
{
    public string Gateway { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public bool IsGiven => Gateway.Length > 0 || Email.Length > 0;
}
