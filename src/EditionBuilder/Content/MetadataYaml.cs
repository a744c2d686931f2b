using System.Globalization;
using System.Text;
using EditionBuilder.Content.Yaml;
using EditionBuilder.Diagnostics;
using EditionBuilder.Model;

namespace EditionBuilder.Content;

/// <summary>Reads and writes article.yml and edition.yml through <see cref="YamlTreeReader"/> (no reflection): unknown keys, values of the wrong form, bad DOIs, ISSNs, ORCID iDs, dates, licences and addresses are errors at the value, in the publisher's words.</summary>
public static class MetadataYaml
{
    /// <summary>Metadata files larger than this are refused rather than read.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private const string TitleShape = "a title per language, such as { ar: …, en: … }";
    private const string AuthorsShape = "a list of names or of { name, affiliation, orcid, email }";
    private const string NameShape = "a name, or a name per script such as { ar: …, en: … }";
    private const string AffiliationShape = "a text, a text per language such as { ar: …, en: … }, or a list of them";
    private const string KeywordsShape = "keywords per language, such as { ar: [ …, … ], en: [ …, … ] }";
    private const string TextShape = "a text";
    // Latin and Arabic commas and semicolons (U+060C, U+061B): "روسيا، إيران" is two keywords.
    private static readonly char[] KeywordSeparators = [',', '\u060C', ';', '\u061B'];

    private static readonly YamlSchema<Author> AuthorSchema = new YamlSchema<Author>("an author")
        .Field("name", (b, key, node, author) => { if (LocalizedText(b, key, node, NameShape) is { } name) author.Name = name; })
        .Field("surname", (b, key, node, author) => { if (LocalizedText(b, key, node, NameShape.Replace("a name", "a surname")) is { } name) author.Surname = name; })
        .Field("given_names", (b, key, node, author) => { if (LocalizedText(b, key, node, NameShape.Replace("a name", "the given names")) is { } name) author.GivenNames = name; })
        .Field("affiliation", (b, key, node, author) => { if (Affiliations(b, key, node) is { } list) author.Affiliations = list; })
        .Field("orcid", (b, key, node, author) => author.Orcid = Orcid(b, key, node))
        .Field("email", (b, key, node, author) => author.Email = Email(b, key, node));

    private static readonly YamlSchema<CrossrefAccount> CrossrefSchema = new YamlSchema<CrossrefAccount>("{ depositor, email, registrant }")
        .Field("depositor", (b, key, node, c) => c.Depositor = b.Text(key, node, "the depositor's name") ?? string.Empty)
        .Field("email", (b, key, node, c) => c.Email = Email(b, key, node))
        .Field("registrant", (b, key, node, c) => c.Registrant = b.Text(key, node, "the registrant's name (the Crossref member that owns the DOIs)") ?? string.Empty);

    private static readonly YamlSchema<OaiSettings> OaiSchema = new YamlSchema<OaiSettings>("{ gateway, email }")
        .Field("gateway", (b, key, node, o) => o.Gateway = WebAddress(b, key, node, "the static repository gateway's address"))
        .Field("email", (b, key, node, o) => o.Email = Email(b, key, node));

    private static readonly YamlSchema<ArticleMetadata> ArticleSchema = new YamlSchema<ArticleMetadata>("article.yml")
        .Field("title", (b, key, node, m) => { if (PerLanguageText(b, key, node, TitleShape) is { } t) m.Title = t; })
        .Field("subtitle", (b, key, node, m) => { if (PerLanguageText(b, key, node, TitleShape.Replace("title", "subtitle")) is { } t) m.Subtitle = t; })
        .Field("authors", (b, key, node, m) => { if (Authors(b, key, node) is { } authors) m.Authors = authors; })
        .Field("doi", (b, key, node, m) => m.Doi = Doi(b, key, node))
        .Field("keywords", (b, key, node, m) =>
        {
            if (b.PerLanguage(key, node, KeywordsShape, Metadata.Languages, (k, n) => b.TextList(k, n, "a list of keywords", KeywordSeparators)) is { } words) m.Keywords = words;
        })
        .Field("journal", (b, key, node, m) => m.Journal = b.Text(key, node, "the journal's name") ?? string.Empty)
        .Field("volume", (b, key, node, m) => m.Volume = b.Text(key, node, "a volume number or name") ?? string.Empty)
        .Field("issue", (b, key, node, m) => m.Issue = b.Text(key, node, "an issue number or name") ?? string.Empty)
        .Field("pages", (b, key, node, m) => Pages(b, key, node, m))
        .Field("first_page", (b, key, node, m) => m.FirstPage = b.Text(key, node, "a page number") ?? string.Empty)
        .Field("last_page", (b, key, node, m) => m.LastPage = b.Text(key, node, "a page number") ?? string.Empty)
        .Field("date", (b, key, node, m) => m.Date = Date(b, key, node))
        .Field("licence", (b, key, node, m) => m.Licence = Licence(b, key, node));

    private static readonly YamlSchema<EditionMetadata> EditionSchema = new YamlSchema<EditionMetadata>("edition.yml")
        .Field("name", (b, key, node, e) => { if (PerLanguageText(b, key, node, "a name per language, such as { ar: …, en: …, fr: … }") is { } n) e.Name = n; })
        .Field("publisher", (b, key, node, e) => e.Publisher = b.Text(key, node, "the publisher's name") ?? string.Empty)
        .Field("base_url", (b, key, node, e) => e.BaseUrl = BaseUrl(b, key, node))
        .Field("licence", (b, key, node, e) => e.Licence = Licence(b, key, node))
        .Field("version", (b, key, node, e) => e.Version = b.Text(key, node, "a version such as 1 or 2024-1") ?? string.Empty)
        .Field("issn_print", (b, key, node, e) => e.IssnPrint = Issn(b, key, node))
        .Field("issn_online", (b, key, node, e) => e.IssnOnline = Issn(b, key, node))
        .Field("logo", (b, key, node, e) => e.Logo = b.Text(key, node, "an image file's path inside the content folder, such as media/logo.svg") ?? string.Empty)
        .Field("crossref", (b, key, node, e) => CrossrefSchema.Read(b, node, e.Crossref, key))
        .Field("oai", (b, key, node, e) =>
        {
            if (!OaiSchema.Read(b, node, e.Oai, key) || !e.Oai.IsGiven || b.Failed) return;
            // Half a setting would make an oai.xml no gateway can serve: both or neither.
            if (e.Oai.Gateway.Length == 0) b.Error(DiagnosticCodes.OaiSettingMissing, node, "'oai' needs gateway: the address of the static repository gateway that serves oai.xml to harvesters (docs/journal.md)");
            if (e.Oai.Email.Length == 0) b.Error(DiagnosticCodes.OaiSettingMissing, node, "'oai' needs email: the repository administrator's e-mail address, which OAI-PMH asks for");
        })
        .Field("colours", (b, key, node, e) =>
        {
            // Names and values are checked with the logo (EditionLook), which knows the theme's colours.
            if (b.TextMap(key, node, "colours by name, such as { accent: \"#7a2e10\" }") is { } colours) e.Colours = colours;
        });

    /// <summary>The keys article.yml knows, in the order the README lists them.</summary>
    public static IReadOnlyList<string> ArticleKeys => ArticleSchema.Keys;

    /// <summary>The keys edition.yml knows.</summary>
    public static IReadOnlyList<string> EditionKeys => EditionSchema.Keys;

    /// <summary>Reads article.yml; null when an error was reported.</summary>
    public static ArticleMetadata? ReadArticle(string path, string text, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        if (!YamlTreeReader.TryRead(path, text, diagnostics, lineOffset, out var root)) return null;
        var binder = new YamlBinder(path, diagnostics);
        var metadata = new ArticleMetadata();
        ArticleSchema.Read(binder, root, metadata);
        if (root?.Resolved is YamlMapping mapping) CheckPages(binder, mapping, metadata);
        return binder.Failed ? null : metadata;
    }

    /// <summary>Reads edition.yml; null when an error was reported.</summary>
    public static EditionMetadata? ReadEdition(string path, string text, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        if (!YamlTreeReader.TryRead(path, text, diagnostics, lineOffset, out var root)) return null;
        var binder = new YamlBinder(path, diagnostics);
        var edition = new EditionMetadata();
        EditionSchema.Read(binder, root, edition);
        return binder.Failed ? null : edition;
    }

    /// <summary>Reads article.yml or edition.yml by the model asked for; null when an error was reported.</summary>
    public static T? Read<T>(string path, string text, DiagnosticBag diagnostics, int lineOffset = 0)
        where T : class, new()
    {
        object? read = typeof(T) == typeof(ArticleMetadata) ? ReadArticle(path, text, diagnostics, lineOffset)
            : typeof(T) == typeof(EditionMetadata) ? ReadEdition(path, text, diagnostics, lineOffset)
            : throw new NotSupportedException($"no schema for {typeof(T).Name}");
        return (T?)read;
    }

    /// <summary>Reads a metadata file from disk, refusing one over <see cref="MaxFileBytes"/>; null when an error was reported.</summary>
    public static T? ReadFile<T>(string path, DiagnosticBag diagnostics)
        where T : class, new()
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.MetadataTooLarge, path, 0, 0, $"this file is {length / 1024:N0} KiB; a metadata file over {MaxFileBytes / 1024:N0} KiB is refused");
            return null;
        }

        var errors = diagnostics.ErrorCount;
        var text = Utf8Text.Read(path, diagnostics);
        return diagnostics.ErrorCount > errors ? null : Read<T>(path, text, diagnostics);
    }

    /// <summary>Writes article.yml with every key, empty ones included, so a publisher sees what can be filled in.</summary>
    public static string Write(ArticleMetadata metadata, string headerComment)
    {
        var yaml = new StringBuilder();
        foreach (var line in headerComment.Split('\n')) yaml.Append("# ").Append(line).Append('\n');
        PerLanguage(yaml, "title", metadata.Title, always: true);
        PerLanguage(yaml, "subtitle", metadata.Subtitle, always: false);
        if (!metadata.NamedAuthors.Any()) yaml.Append("authors: []                # names, or { name, affiliation, orcid, email }\n");
        else
        {
            yaml.Append("authors:\n");
            foreach (var author in metadata.NamedAuthors)
            {
                yaml.Append("  - name: ").Append(Flow(author.Name)).Append('\n');
                if (!author.Surname.IsEmpty) yaml.Append("    surname: ").Append(Flow(author.Surname)).Append('\n');
                if (!author.GivenNames.IsEmpty) yaml.Append("    given_names: ").Append(Flow(author.GivenNames)).Append('\n');
                var affiliations = author.Affiliations.Where(a => !a.IsEmpty).ToList();
                if (affiliations.Count == 1) yaml.Append("    affiliation: ").Append(Flow(affiliations[0])).Append('\n');
                else if (affiliations.Count > 1) yaml.Append("    affiliation: [").Append(string.Join(", ", affiliations.Select(Flow))).Append("]\n");
                if (author.Orcid.Length > 0) yaml.Append("    orcid: ").Append(Quote(author.Orcid)).Append('\n');
                if (author.Email.Length > 0) yaml.Append("    email: ").Append(Quote(author.Email)).Append('\n');
            }
        }

        yaml.Append("doi: ").Append(Quote(metadata.Doi)).Append("                    # such as 10.1234/abcd\n");
        var keywords = Metadata.Languages.Where(l => metadata.KeywordsIn(l).Count > 0).ToList();
        if (keywords.Count == 0) yaml.Append("keywords: {}               # per language: { ar: [ …, … ], en: [ …, … ] }\n");
        else
        {
            yaml.Append("keywords:\n");
            foreach (var lang in keywords) yaml.Append("  ").Append(lang).Append(": [").Append(string.Join(", ", metadata.KeywordsIn(lang).Select(Quote))).Append("]\n");
        }

        yaml.Append("journal: ").Append(Quote(metadata.Journal)).Append('\n');
        yaml.Append("volume: ").Append(Quote(metadata.Volume)).Append('\n');
        yaml.Append("issue: ").Append(Quote(metadata.Issue)).Append('\n');
        yaml.Append("first_page: ").Append(Quote(metadata.FirstPage)).Append('\n');
        yaml.Append("last_page: ").Append(Quote(metadata.LastPage)).Append('\n');
        yaml.Append("date: ").Append(Quote(metadata.Date)).Append("                   # YYYY, YYYY-MM or YYYY-MM-DD\n");
        yaml.Append("licence: ").Append(Quote(metadata.Licence)).Append("                # an SPDX id, such as CC-BY-4.0\n");
        return yaml.ToString();
    }

    /// <summary>A YAML double-quoted scalar: quotes and backslashes escaped, and control, bidi and invisible characters written as \uXXXX so a reader of the file sees them.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lonelySurrogate = char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (c == '"') builder.Append("\\\"");
            else if (c == '\\') builder.Append("\\\\");
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\t') builder.Append("\\t");
            else if (ControlCharacters.IsSuspicious(c) || c is '\uFEFF' or '\u2028' or '\u2029' or '\u0085' || lonelySurrogate)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A text or per-language text in flow style: "…" or { ar: "…", en: "…" }.</summary>
    public static string Flow(LocalizedText text) =>
        text.ByLanguage.Count == 0 || text.ByLanguage.Values.All(v => v.Length == 0)
            ? Quote(text.Text)
            : "{ " + string.Join(", ", Metadata.Languages.Where(l => text.ByLanguage.TryGetValue(l, out var v) && v.Length > 0).Select(l => $"{l}: {Quote(text.ByLanguage[l])}")) + " }";

    private static void PerLanguage(StringBuilder yaml, string key, Dictionary<string, string> texts, bool always)
    {
        var languages = Metadata.Languages.Where(l => texts.ContainsKey(l) && (always || texts[l].Length > 0)).ToList();
        if (languages.Count == 0)
        {
            if (always) yaml.Append(key).Append(":\n  ar: \"\"\n");
            return;
        }

        yaml.Append(key).Append(":\n");
        foreach (var lang in languages) yaml.Append("  ").Append(lang).Append(": ").Append(Quote(texts[lang])).Append('\n');
    }

    private static Dictionary<string, string>? PerLanguageText(YamlBinder b, string key, YamlNode node, string shape) =>
        b.PerLanguage(key, node, shape, Metadata.Languages, (k, n) => b.Text(k, n, TextShape));

    private static LocalizedText? LocalizedText(YamlBinder b, string key, YamlNode node, string shape)
    {
        if (node.Resolved is YamlScalar or { IsAbsent: true }) return b.Text(key, node, shape) is { } text ? new LocalizedText { Text = text } : null;
        return b.PerLanguage(key, node, shape, Metadata.Languages, (k, n) => b.Text(k, n, TextShape)) is { } byLanguage ? new LocalizedText { ByLanguage = byLanguage } : null;
    }

    private static List<LocalizedText>? Affiliations(YamlBinder b, string key, YamlNode node)
    {
        if (node.Resolved is not YamlSequence list) return LocalizedText(b, key, node, AffiliationShape) is { } one ? (one.IsEmpty ? [] : [one]) : null;
        var affiliations = new List<LocalizedText>();
        foreach (var item in list.Items)
        {
            if (item.Resolved is YamlSequence)
            {
                b.WrongShape(key, item, "a text or a text per language in each item");
                return null;
            }

            if (LocalizedText(b, key, item, AffiliationShape) is not { } affiliation) return null;
            if (!affiliation.IsEmpty) affiliations.Add(affiliation);
        }

        return affiliations;
    }

    // A single name is one author: "authors: Ahmad Ali" means what it says.
    private static List<Author>? Authors(YamlBinder b, string key, YamlNode node)
    {
        var value = node.Resolved;
        if (value.IsAbsent) return [];
        if (value is YamlScalar name) return [new Author { Name = name.Value.Trim() }];
        if (value is not YamlSequence list)
        {
            b.WrongShape(key, node, AuthorsShape);
            return null;
        }

        var authors = new List<Author>();
        foreach (var item in list.Items)
        {
            switch (item.Resolved)
            {
                case { IsAbsent: true }:
                    continue;
                case YamlScalar plain:
                    authors.Add(new Author { Name = plain.Value.Trim() });
                    break;
                case YamlMapping:
                    var author = new Author();
                    AuthorSchema.Read(b, item, author, key);
                    if (author.Name.IsEmpty && !b.Failed) b.Error(DiagnosticCodes.WrongShape, item, "this author has no name: add name: …");
                    authors.Add(author);
                    break;
                default:
                    b.Error(DiagnosticCodes.WrongShape, item, $"each author is a name or {{ name, affiliation, orcid, email }}, not {item.Describe()}");
                    return null;
            }
        }

        return authors;
    }

    private static string Doi(YamlBinder b, string key, YamlNode node)
    {
        var text = b.Text(key, node, "a DOI such as 10.1234/abcd");
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Identifiers.Doi(text) is { } doi) return doi;
        b.Error(DiagnosticCodes.InvalidDoi, node, $"'{text}' is not a DOI: a DOI is 10., a registrant number of 4 to 9 digits, '/' and a suffix without spaces (10.1234/abcd)");
        return string.Empty;
    }

    private static string Orcid(YamlBinder b, string key, YamlNode node)
    {
        var text = b.Text(key, node, "an ORCID iD such as 0000-0002-1825-0097");
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Identifiers.Orcid(text, out var checkDigitWrong) is { } orcid) return orcid;
        b.Error(DiagnosticCodes.InvalidOrcid, node, checkDigitWrong
            ? $"'{text}' is not a valid ORCID iD: its last character (the check digit) does not match the others; copy it again from orcid.org"
            : $"'{text}' is not an ORCID iD: write four groups of four digits (the last may be X), such as 0000-0002-1825-0097");
        return string.Empty;
    }

    private static string Email(YamlBinder b, string key, YamlNode node)
    {
        var text = b.Text(key, node, "an e-mail address");
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Identifiers.IsEmail(text)) return text;
        b.Error(DiagnosticCodes.InvalidEmail, node, $"'{text}' is not an e-mail address (name@example.org)");
        return string.Empty;
    }

    private static string Issn(YamlBinder b, string key, YamlNode node)
    {
        var text = b.Text(key, node, "an ISSN such as 2049-3630");
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Identifiers.Issn(text, out var checkDigitWrong) is { } issn) return issn;
        b.Error(DiagnosticCodes.InvalidIssn, node, checkDigitWrong
            ? $"'{text}' is not a valid ISSN: its last character (the check digit) does not match the first seven digits; check the number"
            : $"'{text}' is not an ISSN: write two groups of four digits, the last of which may be X (2049-3630)");
        return string.Empty;
    }

    private static string Date(YamlBinder b, string key, YamlNode node)
    {
        var text = b.Text(key, node, "a date written YYYY, YYYY-MM or YYYY-MM-DD");
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (PublicationDate.Parse(text) is { } date) return date.Iso;
        var suggestion = PublicationDate.Suggest(text);
        b.Error(DiagnosticCodes.InvalidDate, node, $"'{text}' is not a date written YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601)"
            + (suggestion is not null ? $"; did you mean {suggestion}?" : ", such as 2024-03-15"));
        return string.Empty;
    }

    private static string Licence(YamlBinder b, string key, YamlNode node)
    {
        var text = b.Text(key, node, "an SPDX licence id such as CC-BY-4.0");
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Licences.Find(text) is { } licence) return licence.Id;
        var suggestion = Licences.Suggest(text);
        b.Error(DiagnosticCodes.UnknownLicence, node, suggestion is not null
            ? $"'{text}' is not a licence id the edition knows; did you mean '{suggestion}'?"
            : $"'{text}' is not a licence id the edition knows; use an SPDX id such as {string.Join(", ", Licences.All.Take(4).Select(l => l.Id))} (docs/diagnostics.md lists them all)");
        return string.Empty;
    }

    private static string WebAddress(YamlBinder b, string key, YamlNode node, string what)
    {
        var text = b.Text(key, node, what);
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Identifiers.IsWebAddress(text)) return text;
        b.Error(DiagnosticCodes.InvalidBaseUrl, node, $"'{key}' '{text}' is not a web address: it must start with https:// or http:// and name a host");
        return string.Empty;
    }

    private static string BaseUrl(YamlBinder b, string key, YamlNode node)
    {
        var text = b.Text(key, node, "a web address such as https://example.org/journal/");
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Identifiers.IsWebAddress(text)) return text;
        b.Error(DiagnosticCodes.InvalidBaseUrl, node, $"base_url '{text}' is not a web address: it must start with https:// or http:// and name a host (https://example.org/journal/)");
        return string.Empty;
    }

    // "pages: 12-34", "12–34" or "12": the first and last page.
    private static void Pages(YamlBinder b, string key, YamlNode node, ArticleMetadata m)
    {
        var text = b.Text(key, node, "a page range such as 12-34");
        if (string.IsNullOrEmpty(text)) return;
        var parts = text.Split(['-', '–', '—'], StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && parts.All(p => p.Length > 0 && !p.Any(char.IsWhiteSpace)))
        {
            m.FirstPage = parts[0];
            m.LastPage = parts.Length == 2 ? parts[1] : string.Empty;
            return;
        }

        b.Error(DiagnosticCodes.InvalidPages, node, $"pages '{text}' is not a page range: write the first and last page, such as 12-34");
    }

    private static void CheckPages(YamlBinder b, YamlMapping root, ArticleMetadata m)
    {
        var entries = root.Entries.Where(e => !e.Value.IsAbsent).ToDictionary(e => e.Key.Value, e => e.Value, StringComparer.Ordinal);
        if (entries.ContainsKey("pages") && (entries.TryGetValue("first_page", out var other) || entries.TryGetValue("last_page", out other)))
        {
            b.Error(DiagnosticCodes.InvalidPages, other, "give either pages: (12-34) or first_page:/last_page:, not both");
            return;
        }

        if (int.TryParse(m.FirstPage, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(m.LastPage, NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last < first)
        {
            var at = entries.GetValueOrDefault("last_page") ?? entries["pages"];
            b.Error(DiagnosticCodes.InvalidPages, at, $"the last page ({last}) comes before the first ({first})");
        }
    }
}
