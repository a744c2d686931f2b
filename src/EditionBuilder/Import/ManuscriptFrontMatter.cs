using System.Text.RegularExpressions;
using EditionBuilder.Model;

namespace EditionBuilder.Import;

/// <summary>A paragraph of a manuscript's body as a reader gives it to <see cref="ManuscriptFrontMatter"/>: its text, where it is, and whether it has the form of a heading (a short line without closing punctuation, or a title/heading style in a .docx).</summary>
public sealed record ManuscriptParagraph(string Text, int SourceLine, bool LooksLikeHeading, OpeningRole Role = OpeningRole.None);

/// <summary>What a reader knows a paragraph of the opening to be, beyond its words: a Word document's Title, Subtitle and Author styles say it.</summary>
public enum OpeningRole
{
    None,
    Title,
    Subtitle,

    /// <summary>A byline (pandoc writes each author of its metadata in a paragraph styled Author): names, never the title or an affiliation.</summary>
    Author,
}

/// <summary>
/// Recognizes a manuscript's front matter before its first section, for any reader (text export, .docx): the title, a subtitle, authors with
/// affiliations, ORCID iDs and e-mail addresses, the Arabic abstract (ملخص / الملخص) and keywords (الكلمات المفتاحية / كلمات مفتاحية, Keywords,
/// Mots-clés). The opening ends at the first heading directly followed by a body paragraph, at a section named as articles name them
/// (<see cref="SectionHeadings"/>: المقدمة, الخاتمة…) whatever follows it, or after the keywords. Without an abstract or keywords line, an
/// opening of short lines before that heading is read as title and authors only when its first line is not itself such a section; an opening
/// that starts with a body paragraph is never front matter. Lines it cannot place are left as text.
/// </summary>
public static partial class ManuscriptFrontMatter
{
    /// <summary>What was recognized: the front matter, the index of the paragraph where the body starts, the paragraphs before it left as text, and a line per recognized field for the warning.</summary>
    public sealed record Recognition(ArticleFrontMatter FrontMatter, int BodyStart, IReadOnlyList<int> LeftAsText, IReadOnlyList<string> Recognized)
    {
        public static Recognition None { get; } = new(ArticleFrontMatter.Empty, 0, [], []);
    }

    [GeneratedRegex(@"^\s*(?<marker>(?:ال)?ملخص(?:\s+(?:البحث|الدراسة|المقال|المقالة))?)\s*(?:[:：]\s*(?<rest>.*))?$")]
    private static partial Regex AbstractPattern();

    [GeneratedRegex(@"^\s*(?<marker>(?:ال)?كلمات\s+(?:ال)?(?:مفتاحية|مفاتيح|دالة)|key\s*-?\s*words|mots[\s-]*cl[ée]s|index\s+terms)\s*(?:[:：]\s*(?<rest>.*)|(?<rest>)$)", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordsPattern();

    [GeneratedRegex(@"[^\s@<>()\[\],;:،""']+@[^\s@<>()\[\],;:،""']+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?:https?://)?(?:orcid\.org/)?\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrcidPattern();

    [GeneratedRegex(@"^\s*(?:e-?mail|courriel|البريد(?:\s+الإلكتروني|\s+الالكتروني)?|orcid(?:\s+id)?)\s*[:：]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ContactLabelPattern();

    [GeneratedRegex(@"^(?:(?:أ\.\s*د\.?|أ\.?\s?د\.|د\.|أ\.|م\.|الدكتورة?|الأستاذة?|الباحثة?|البروفيسورة?|prof\.?|dr\.?|pr\.?|mme|mr\.?|m\.)\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex HonorificPattern();

    [GeneratedRegex(@"\s*(?<marks>[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]+(?:\s*,\s*[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]+)*)\s*$")]
    private static partial Regex TrailingMarksPattern();

    [GeneratedRegex(@"^\s*(?<mark>[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]+)\s*[-.)]?\s*(?=\S)")]
    private static partial Regex LeadingMarkPattern();

    private static readonly string[] AffiliationWords =
    [
        "جامعة", "الجامعة", "كلية", "معهد", "المعهد", "مركز", "المركز", "قسم", "مختبر", "أكاديمية", "الأكاديمية", "وزارة", "مؤسسة",
        "university", "université", "universite", "universidad", "institute", "institut", "faculty", "faculté", "department", "département",
        "college", "school", "école", "laboratory", "laboratoire", "center", "centre", "academy", "académie", "cnrs", "inserm",
    ];

    private static readonly char[] KeywordSeparators = ['،', ',', ';', '؛', '|'];

    /// <summary>Recognizes the front matter at the start of <paramref name="paragraphs"/> (a manuscript's body, before its notes).</summary>
    public static Recognition Recognize(IReadOnlyList<ManuscriptParagraph> paragraphs)
    {
        var opening = new List<int>();
        Abstract? summary = null;
        var keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var recognized = new List<string>();
        var i = 0;
        var afterMarkers = false;
        var emptyMarkers = new List<int>();
        while (i < paragraphs.Count)
        {
            var p = paragraphs[i];
            if (Keywords(p.Text) is { } found)
            {
                var (language, rest) = found;
                var consumed = 1;
                if (rest.Length == 0 && i + 1 < paragraphs.Count && LanguageGuesser.Words(paragraphs[i + 1].Text).Count() <= 30) { rest = paragraphs[i + 1].Text; consumed = 2; }
                var words = SplitKeywords(rest);
                if (words.Count > 0 && !keywords.ContainsKey(language))
                {
                    keywords[language] = words;
                    recognized.Add($"{words.Count} keywords ({language}, line {p.SourceLine})");
                }

                i += consumed;
                afterMarkers = true;
                continue;
            }

            if (!afterMarkers && summary is null && AbstractPattern().Match(p.Text) is { Success: true } marker)
            {
                var texts = new List<string>();
                if (marker.Groups["rest"].Value.Trim().Length > 0) texts.Add(marker.Groups["rest"].Value.Trim());
                var first = p.SourceLine;
                var last = p.SourceLine;
                i++;
                while (i < paragraphs.Count && Keywords(paragraphs[i].Text) is null && !IsSectionHeading(paragraphs, i))
                {
                    texts.Add(paragraphs[i].Text.Trim());
                    last = paragraphs[i].SourceLine;
                    i++;
                }

                afterMarkers = true;
                if (texts.Count == 0)
                {
                    emptyMarkers.Add(i - 1);
                    continue;
                }

                summary = new Abstract("ar", marker.Groups["marker"].Value, texts, first);
                recognized.Add($"the abstract '{summary.Title}' ({texts.Count} paragraphs, lines {first}–{last})");
                continue;
            }

            if (afterMarkers || (p.Role != OpeningRole.Author && IsSectionHeading(paragraphs, i)) || !IsOpeningLine(p)) break;
            opening.Add(i);
            i++;
        }

        var bodyStart = i;
        var hasMarkers = summary is not null || keywords.Count > 0;
        if (!hasMarkers)
        {
            // Short lines, then a section: a title page only if it does not start like the body itself.
            var stoppedAtHeading = bodyStart < paragraphs.Count && (paragraphs[bodyStart].LooksLikeHeading || SectionHeadings.IsWellKnown(paragraphs[bodyStart].Text));
            if (opening.Count == 0 || !stoppedAtHeading || SectionHeadings.IsWellKnown(paragraphs[opening[0]].Text)) return Recognition.None;
        }

        var (title, subtitle, authors, leftAsText) = ReadOpening(paragraphs, opening, recognized);
        var frontMatter = new ArticleFrontMatter(title, subtitle, authors, summary, keywords);
        return new Recognition(frontMatter, bodyStart, leftAsText.Concat(emptyMarkers).Order().ToList(), recognized.OrderBy(LineOf).ToList());
    }

    /// <summary>The language and the list of a keywords line ("الكلمات المفتاحية: …" is ar, "Keywords: …" en, "Mots-clés : …" fr); null for any other line.</summary>
    public static (string Language, string List)? Keywords(string text)
    {
        var match = KeywordsPattern().Match(text);
        if (!match.Success) return null;
        var marker = match.Groups["marker"].Value.ToLowerInvariant();
        var language = LanguageGuesser.IsArabicLetter(marker[0]) ? "ar" : marker.StartsWith("mots", StringComparison.Ordinal) ? "fr" : "en";
        return (language, match.Groups["rest"].Value.Trim());
    }

    /// <summary>The keywords of a list written "a، b، c." (Arabic or Latin commas, semicolons), trimmed of a final full stop.</summary>
    public static IReadOnlyList<string> SplitKeywords(string list) =>
        list.Split(KeywordSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(k => k.TrimEnd('.', '。', ' ', '\u00A0'))
            .Where(k => k.Length > 0)
            .ToList();

    // Title, subtitle, then authors with their affiliations, ORCID iDs and e-mails, in the order a title page gives them.
    private static (string Title, string Subtitle, List<FrontMatterAuthor> Authors, List<int> LeftAsText) ReadOpening(
        IReadOnlyList<ManuscriptParagraph> paragraphs, List<int> opening, List<string> recognized)
    {
        var title = string.Empty;
        var subtitle = string.Empty;
        var authors = new List<AuthorBuilder>();
        var left = new List<int>();
        var styledTitle = opening.Any(i => paragraphs[i].Role == OpeningRole.Title);
        var afterByline = false;
        // Who an unmarked affiliation line belongs to: the author of the name line just before it, when that line named one person and
        // did not follow another name line ("name / name / affiliation" is unsure; the line then stays in the text).
        var soleAuthor = false;
        var previousWasName = false;
        string? lastName = null;
        foreach (var index in opening)
        {
            var p = paragraphs[index];
            var text = p.Text.Trim();
            var wasName = previousWasName;
            var wasByline = afterByline;
            previousWasName = false;
            afterByline = false;
            var byline = p.Role == OpeningRole.Author;
            if (p.Role is OpeningRole.Title or OpeningRole.Subtitle)
            {
                // A style says what it is: Title lines make the title, Subtitle lines the subtitle, whatever their words.
                if (p.Role == OpeningRole.Title) title = title.Length == 0 ? text : title + " " + text;
                else subtitle = subtitle.Length == 0 ? text : subtitle + " " + text;
                recognized.Add($"the {(p.Role == OpeningRole.Title ? "title" : "subtitle")} (line {p.SourceLine})");
                continue;
            }

            if (!byline && title.Length == 0 && !styledTitle && !IsAffiliation(text) && !IsContact(text))
            {
                title = text;
                recognized.Add($"the title (line {p.SourceLine})");
                continue;
            }

            if (EmailPattern().Match(text) is { Success: true } email && authors.Count > 0)
            {
                authors[^1].Email = email.Value;
                recognized.Add($"an e-mail address (line {p.SourceLine})");
                var rest = ContactLabelPattern().Replace(text.Replace(email.Value, string.Empty), string.Empty).Trim(' ', '،', ',', '-', '–', '(', ')');
                if (rest.Length > 0 && IsAffiliation(rest)) authors[^1].Affiliations.Add(rest);
                continue;
            }

            if (OrcidPattern().Match(text) is { Success: true } orcid && authors.Count > 0)
            {
                authors[^1].Orcid = orcid.Groups[1].Value.ToUpperInvariant();
                recognized.Add($"an ORCID iD (line {p.SourceLine})");
                continue;
            }

            if (NameWithAffiliation(text) is { } named)
            {
                // "ليلى حداد، كلية الآداب، الجامعة الأردنية": the person and their own affiliation on one line.
                named.Author.Affiliations.Add(named.Affiliation);
                authors.Add(named.Author);
                recognized.Add($"the author {named.Author.Name} with an affiliation (line {p.SourceLine})");
                (soleAuthor, previousWasName, lastName, afterByline) = (true, true, named.Author.Name, byline);
                continue;
            }

            if (!byline && IsAffiliation(text) && authors.Count > 0)
            {
                var mark = LeadingMarkPattern().Match(text);
                var affiliation = mark.Success ? text[mark.Length..].Trim() : text;
                var owners = mark.Success ? authors.Where(a => a.Marks.Contains(Digits(mark.Groups["mark"].Value))).ToList() : [];
                if (owners.Count == 0 && !soleAuthor)
                {
                    left.Add(index); // never given to an author it may not belong to
                    continue;
                }

                foreach (var owner in owners.Count > 0 ? owners : [authors[^1]]) owner.Affiliations.Add(affiliation);
                recognized.Add($"an affiliation (line {p.SourceLine})");
                continue;
            }

            if (!byline && authors.Count == 0 && subtitle.Length == 0 && IsSubtitle(text, title))
            {
                subtitle = text.TrimStart(':', '：', '-', '–', '—', ' ');
                recognized.Add($"the subtitle (line {p.SourceLine})");
                continue;
            }

            var names = Names(text);
            if (names.Count == 0)
            {
                left.Add(index);
                continue;
            }

            // The same person named twice in a row (a byline, then the name line) is still one author; after a byline (pandoc's Author
            // paragraphs), a line naming one of its authors again starts that author's own lines (name, then affiliation).
            var again = names.Count == 1 && wasByline && !byline && authors.Any(a => a.Name == names[0].Name);
            authors.AddRange(names);
            soleAuthor = names.Count == 1 && (!wasName || names[0].Name == lastName || again);
            afterByline = byline;
            lastName = names.Count == 1 ? names[0].Name : null;
            previousWasName = true;
            recognized.Add(names.Count == 1 ? $"the author {names[0].Name} (line {p.SourceLine})" : $"{names.Count} authors (line {p.SourceLine})");
        }

        // One person named twice (a name line and a byline) is one author, with what both lines said.
        var merged = authors.GroupBy(a => a.Name, StringComparer.Ordinal).Select(g => new FrontMatterAuthor(
            g.Key,
            g.SelectMany(a => a.Affiliations).Distinct(StringComparer.Ordinal).ToList(),
            g.Select(a => a.Orcid).FirstOrDefault(o => o.Length > 0) ?? string.Empty,
            g.Select(a => a.Email).FirstOrDefault(e => e.Length > 0) ?? string.Empty)).ToList();
        return (title, subtitle, merged, left);
    }

    // One line of names: "د. أحمد علي1"، or several separated by commas ("أحمد علي، سارة خليل"); each 1 to 6 words, no digits but reference marks.
    // A section's name (المقدمة) or a lone word with the article (الإشكالية) is a common noun, never a person's name.
    private static List<AuthorBuilder> Names(string line)
    {
        if (SectionHeadings.IsWellKnown(line) || SectionHeadings.IsLoneDefiniteNoun(line)) return [];
        var names = new List<AuthorBuilder>();
        foreach (var part in line.Split(['،', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var marks = TrailingMarksPattern().Match(part);
            var name = marks.Success ? part[..marks.Index] : part;
            name = HonorificPattern().Replace(name.Trim(), string.Empty).Trim();
            var words = LanguageGuesser.Words(name).Count();
            if (words is < 1 or > 6 || name.Any(char.IsDigit) || name.Any(c => "!?؟:;؛".Contains(c))) return [];
            names.Add(new AuthorBuilder(name, marks.Success ? marks.Groups["marks"].Value.Split(',', StringSplitOptions.TrimEntries).Select(Digits).ToHashSet(StringComparer.Ordinal) : []));
        }

        // "Beirut, Lebanon" is a place, not two authors: several names must each have two words or more.
        return names.Count > 1 && names.Any(n => LanguageGuesser.Words(n.Name).Count() < 2) ? [] : names;
    }

    // A name, then an affiliation after the first comma: one author with their own affiliation; null for any other line.
    private static (AuthorBuilder Author, string Affiliation)? NameWithAffiliation(string text)
    {
        var comma = text.IndexOfAny(['،', ',']);
        if (comma <= 0) return null;
        var name = text[..comma].Trim();
        var affiliation = text[(comma + 1)..].Trim();
        if (affiliation.Length == 0 || IsAffiliation(name) || IsContact(text) || !IsAffiliation(affiliation)) return null;
        return Names(name) is [var author] ? (author, affiliation) : null;
    }

    private static bool IsSubtitle(string text, string title) =>
        text.StartsWith(':') || text.StartsWith('：') || text.StartsWith('-') || text.StartsWith('–') || text.StartsWith('—')
        || title.EndsWith(':') || title.EndsWith('：')
        || LanguageGuesser.Words(text).Count() > 5
        || LanguageGuesser.Words(text).Any(w => SubtitleWords.Contains(w));

    // Words a phrase has and a person's name never does: prepositions, and the nouns subtitles open with.
    private static readonly HashSet<string> SubtitleWords = new(StringComparer.Ordinal)
    {
        "في", "من", "على", "إلى", "الى", "عن", "بين", "حول", "نحو", "دراسة", "قراءة", "مقاربة", "تحليل",
        "of", "in", "on", "the", "dans", "sur",
    };

    // A line a title page holds: short and unpunctuated (title, subtitle, name), an affiliation, an e-mail or an ORCID iD.
    private static bool IsOpeningLine(ManuscriptParagraph p) =>
        p.LooksLikeHeading || ((IsAffiliation(p.Text) || IsContact(p.Text)) && LanguageGuesser.Words(p.Text).Count() <= 20);

    private static bool IsContact(string text) => EmailPattern().IsMatch(text) || OrcidPattern().IsMatch(text);

    private static bool IsAffiliation(string text)
    {
        foreach (var word in LanguageGuesser.Words(text))
        {
            if (AffiliationWords.Contains(word)) return true;
            if (word.Length > 2 && word[0] is 'و' or 'ب' or 'ل' && AffiliationWords.Contains(word[1..])) return true;
        }

        return false;
    }

    // A heading directly followed by a body paragraph, or a section named as articles name them (المقدمة, الخاتمة…) whatever follows: the first section.
    private static bool IsSectionHeading(IReadOnlyList<ManuscriptParagraph> paragraphs, int i) =>
        SectionHeadings.IsWellKnown(paragraphs[i].Text)
        || (paragraphs[i].LooksLikeHeading && Keywords(paragraphs[i].Text) is null && !IsContact(paragraphs[i].Text)
            && i + 1 < paragraphs.Count && IsBody(paragraphs[i + 1]));

    private static bool IsBody(ManuscriptParagraph p)
    {
        return !p.LooksLikeHeading && Keywords(p.Text) is null && !AbstractPattern().IsMatch(p.Text)
            && !((IsAffiliation(p.Text) || IsContact(p.Text)) && LanguageGuesser.Words(p.Text).Count() <= 20);
    }

    private static string Digits(string marks) =>
        new(marks.Select(c => c switch { '¹' => '1', '²' => '2', '³' => '3', '⁰' => '0', >= '⁴' and <= '⁹' => (char)('4' + (c - '⁴')), _ => c }).ToArray());

    private static int LineOf(string entry)
    {
        var match = Regex.Match(entry, @"lines? (\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private sealed class AuthorBuilder(string name, HashSet<string> marks)
    {
        public string Name { get; } = name;

        public HashSet<string> Marks { get; } = marks;

        public List<string> Affiliations { get; } = new();

        public string Orcid { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;
    }
}
