using System.Globalization;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Import.Census;

/// <summary>What the conservation check found: the source's letters and notes, and how many of them the import's files would lose (zero when all are kept).</summary>
public sealed record ConservationReport(long Letters, int Notes, long LettersLost, int WordsLost, int NoteReferencesLost, int NotesLost)
{
    public bool AllKept => LettersLost == 0 && NoteReferencesLost == 0 && NotesLost == 0;

    /// <summary>"41,697 letters, 40 notes: all kept", for the import's summary.</summary>
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"{Letters:N0} letters, {Notes:N0} {(Notes == 1 ? "note" : "notes")}: ")
        + (AllKept ? "all kept" : string.Create(CultureInfo.InvariantCulture, $"{LettersLost:N0} letters and {NoteReferencesLost + NotesLost:N0} notes or references would be lost"));
}

/// <summary>
/// The import proves it kept the text: every word of the source's census (<see cref="DocxCensus"/>, <see cref="TextExportCensus"/>) must be
/// found among the words of what it wrote (<see cref="WrittenCensus"/>), and every note reference and note. A difference is an error naming
/// the first paragraph whose words are missing; it is never a warning.
/// </summary>
public static partial class ConservationCheck
{
    // Labels the opening recognizer (ManuscriptOpening) reads as what they announce and does not copy ("Keywords:", "E-mail:", "د."), and the parts of
    // an ORCID address around the iD, which article.yml keeps alone (docs/import.md).
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "keywords", "keyword", "key", "words", "mots", "clés", "cles", "index", "terms",
        "الكلمات", "كلمات", "المفتاحية", "مفتاحية", "المفاتيح", "مفاتيح", "الدالة", "دالة",
        "email", "e", "mail", "courriel", "البريد", "الإلكتروني", "الالكتروني", "orcid", "id", "https", "http", "org", "www",
        "د", "أ", "م", "الدكتور", "الدكتورة", "الأستاذ", "الأستاذة", "الباحث", "الباحثة", "البروفيسور", "البروفيسورة",
        "prof", "dr", "pr", "mme", "mr",
    };

    // A title page's author marks ("ليلى حداد1") are read as links between authors and affiliations, not copied.
    private const int TitlePageParagraphs = 20;

    /// <summary>Compares the census of the source with what the import wrote; reports an error (EB0570, EB0571) for any loss.</summary>
    /// <param name="madeText">Note references and notes the import made text of a reference list's entries (ReferenceSection.NoteReferencesMadeText, NotesMadeText): written as no note, they count as kept; their words are checked as every word is.</param>
    public static ConservationReport Check(string path, SourceCensus source, WrittenCensus written, DiagnosticBag diagnostics, (int NoteReferences, int Notes) madeText = default)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in written.Texts.SelectMany(Letters.Words)) found[word] = found.GetValueOrDefault(word) + 1;

        var nameWords = written.AuthorNames.SelectMany(Letters.Words).ToHashSet(StringComparer.Ordinal);

        // Each source word takes one of the written words; those left without one are lost.
        var lost = new List<(int Paragraph, string Word)>();
        for (var i = 0; i < source.Paragraphs.Count; i++)
        {
            foreach (var word in Letters.Words(source.Paragraphs[i].Text))
            {
                if (Take(found, word)) continue;
                if (IsLabel(word, i)) continue;
                if (i < TitlePageParagraphs && TitlePageWord(word, found, nameWords)) continue;
                lost.Add((i, word));
            }
        }

        var referencesLost = Math.Max(0, source.NoteReferences - written.NoteReferences - madeText.NoteReferences);
        var notesLost = Math.Max(0, source.Notes - written.Notes - madeText.Notes);
        var report = new ConservationReport(source.Letters, source.Notes, lost.Sum(l => (long)l.Word.Length), lost.Count, referencesLost, notesLost);
        if (lost.Count > 0) ReportWords(path, source, written, lost, report, diagnostics);
        if (referencesLost + notesLost > 0)
        {
            diagnostics.Error(DiagnosticCodes.ImportNotesLost, path, 0, 0, string.Create(CultureInfo.InvariantCulture,
                $"the source has {source.NoteReferences} note references to {source.Notes} notes; the import would write {written.NoteReferences} references and {written.Notes} notes, so {referencesLost} references and {notesLost} notes would be lost: nothing is written"));
        }

        return report;
    }

    private static bool Take(Dictionary<string, int> found, string word)
    {
        if (!found.TryGetValue(word, out var n) || n == 0) return false;
        found[word] = n - 1;
        return true;
    }

    // On a title page, an author mark written as a raised digit joins its word ("حداد¹" is "حداد" with a mark, but "حداد1" when Word
    // raises a plain 1), and an author may be named twice (pandoc's Author paragraph, then the name line) and kept once in article.yml.
    private static bool TitlePageWord(string word, Dictionary<string, int> found, HashSet<string> nameWords)
    {
        if (nameWords.Contains(word)) return true;
        var bare = GluedMark().Replace(word, string.Empty);
        return bare.Length > 0 && bare.Length < word.Length && (Take(found, bare) || nameWords.Contains(bare));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{1,2}(?=\p{L})|(?<=\p{L})[0-9]{1,2}$")]
    private static partial System.Text.RegularExpressions.Regex GluedMark();

    private static bool IsLabel(string word, int paragraph) =>
        Labels.Contains(word.ToLowerInvariant()) || (paragraph < TitlePageParagraphs && word.Length <= 2 && word.All(char.IsAsciiDigit));

    // The error names the first paragraph with a lost word whose place is lost too: a word is kept when, with its neighbours (three words
    // in a row that hold it), it is found in what was written; so a dropped paragraph loses all its words and a dropped word only itself.
    private static void ReportWords(string path, SourceCensus source, WrittenCensus written, List<(int Paragraph, string Word)> lost, ConservationReport report, DiagnosticBag diagnostics)
    {
        var stream = string.Join('\0', written.Texts.Select(Letters.Only));
        var paragraph = lost[0].Paragraph;
        var words = lost.Where(l => l.Paragraph == paragraph).Select(l => l.Word).ToList();
        foreach (var candidate in lost.Select(l => l.Paragraph).Distinct())
        {
            var missing = Unplaced(Letters.Words(source.Paragraphs[candidate].Text).ToList(), stream);
            if (missing.Count == 0) continue;
            (paragraph, words) = (candidate, missing);
            break;
        }

        var text = source.Paragraphs[paragraph].Text.Trim();
        var all = Letters.Words(text).Count();
        var quoted = words.Count == all ? Shorten(text) : Shorten(string.Join(' ', words));
        var message = string.Create(CultureInfo.InvariantCulture, $"{words.Count} {(words.Count == 1 ? "word" : "words")} would be lost: \"{quoted}\"");
        if (lost.Count > words.Count)
        {
            message += string.Create(CultureInfo.InvariantCulture, $"; in all {lost.Count} words ({report.LettersLost:N0} of {report.Letters:N0} letters) would be lost");
        }

        var place = source.Paragraphs[paragraph];
        diagnostics.Error(DiagnosticCodes.ImportTextLost, place.Line > 0 ? path : path + ":" + place.Where, place.Line, place.Line > 0 ? 1 : 0,
            message + ". The import writes nothing; please report it with the document, or change the paragraph's style in Word");
    }

    private static List<string> Unplaced(List<string> words, string stream)
    {
        var found = new bool[words.Count];
        var width = Math.Min(3, words.Count);
        for (var start = 0; start + width <= words.Count; start++)
        {
            if (!stream.Contains(string.Concat(words.Skip(start).Take(width)), StringComparison.Ordinal)) continue;
            for (var k = start; k < start + width; k++) found[k] = true;
        }

        return words.Where((_, k) => !found[k]).ToList();
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117].TrimEnd() + "…";
}
