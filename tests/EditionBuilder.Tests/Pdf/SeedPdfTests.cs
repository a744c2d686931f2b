using System.Text;
using System.Text.RegularExpressions;
using EditionBuilder.Markdown.Notes;
using NoteKind = EditionBuilder.Model.NoteKind;
using NoteKey = EditionBuilder.Model.NoteKey;
using EditionBuilder.Tests.Support;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Xunit;

namespace EditionBuilder.Tests.Pdf;

/// <summary>The seed article's PDF read back by poppler-utils: every Arabic letter of its chapters in reading order, each footnote at the foot of the page of its reference, every font embedded, metadata and tags, the same bytes twice.</summary>
public partial class SeedPdfTests
{
    [GeneratedRegex(@"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")]
    private static partial Regex ArabicWord();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex AnyWord();

    [SkippableFact]
    public void Given_the_seed_When_set_as_a_PDF_Then_at_least_99_percent_of_the_Arabic_letters_of_its_chapters_are_there_in_reading_order_and_no_word_is_reversed()
    {
        var expected = ArabicWords(ChapterText());
        var actual = ArabicWords(string.Join('\n', PdfArticles.Lines(PdfArticles.Seed).SelectMany(p => p)));

        var kept = InOrder(expected, actual);
        var letters = expected.Sum(w => w.Length);

        Assert.True(letters > 20000, $"the seed's chapters hold {letters} Arabic letters");
        Assert.True(kept >= 0.99 * letters, $"{kept} of {letters} Arabic letters of the chapters are in the PDF in reading order ({100.0 * kept / letters:0.00}%)");
        // No word is reversed: no Arabic word of the PDF is a word of the article backwards. Almost all are words of the article (chapters, notes,
        // title page, headers); the few that are not are pieces poppler splits off a word at a diacritic (لاعببا for لاعبًا).
        var known = new HashSet<string>(expected.Concat(ArabicWords(NoteText())).Concat(ArabicWords(FrontText())), StringComparer.Ordinal);
        var reversed = actual.Where(w => w.Length > 2 && !known.Contains(w) && known.Contains(new string(w.Reverse().ToArray()))).ToList();
        Assert.True(reversed.Count == 0, $"reversed words in the PDF: {string.Join(' ', reversed.Take(20))}");
        var unknown = actual.Where(w => !known.Contains(w)).ToList();
        Assert.True(unknown.Count <= actual.Count / 100, $"{unknown.Count} of {actual.Count} Arabic words of the PDF are no word of the article: {string.Join(' ', unknown.Take(20))}");
    }

    [SkippableFact]
    public void Given_the_seed_When_set_as_a_PDF_Then_at_least_80_percent_of_the_footnotes_are_on_the_page_of_their_reference_and_the_rest_one_page_later()
    {
        var lines = PdfArticles.Lines(PdfArticles.Seed).Select(p => string.Join('\n', p)).ToList();
        var pages = lines.Select(p => " " + string.Join(' ', ArabicWords(p)) + " ").ToList();
        var pageWords = lines.Select(p => Words(p).ToHashSet(StringComparer.Ordinal)).ToList();
        var onPage = 0;
        var later = 0;
        var lost = new List<string>();
        var references = FirstReferences();
        var from = 0;
        foreach (var (key, before, note) in references)
        {
            var page = Enumerable.Range(from, pages.Count - from).FirstOrDefault(p => pages[p].Contains($" {before} ", StringComparison.Ordinal), -1);
            if (page < 0)
            {
                lost.Add($"{key}: its reference's words «{before}» are on no page");
                continue;
            }

            from = page;
            // A note's words as a set: a Latin note's words come right to left in a line read right to left.
            bool Holds(int p) => p < pages.Count && note.Split(' ').All(pageWords[p].Contains);
            if (Holds(page)) onPage++;
            else if (Holds(page + 1)) later++;
            else lost.Add($"{key}: «{note}» is not on page {page + 1} or the next");
        }

        Assert.Equal(40, references.Count);
        Assert.True(lost.Count == 0, string.Join('\n', lost));
        Assert.True(onPage >= 0.8 * references.Count, $"{onPage} of {references.Count} notes are on the page of their reference, {later} one page later");
    }

    [SkippableFact]
    public void Given_the_seed_When_set_as_a_PDF_Then_every_font_is_embedded_and_the_Arabic_one_is_Noto_Naskh_Arabic()
    {
        var rows = PdfArticles.Fonts(PdfArticles.Seed).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.Contains("NotoNaskhArabic-Regular", StringComparison.Ordinal));
        // Columns: name, type, encoding, emb, sub, uni, object, generation: emb is the fourth from the end.
        Assert.All(rows, r => Assert.Equal("yes", r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [SkippableFact]
    public void Given_the_seed_When_set_as_a_PDF_Then_it_is_A4_tagged_titled_in_Arabic_and_says_its_language()
    {
        var info = PdfArticles.Info(PdfArticles.Seed);

        Assert.Equal(SeedSite.Get().Content.Articles[0].Metadata.TitleIn("ar"), info["Title"]);
        Assert.Equal("yes", info["Tagged"]);
        Assert.Contains("(A4)", info["Page size"]);
        Assert.StartsWith("Typst", info["Creator"]);
        Assert.False(info.ContainsKey("CreationDate"), "the seed has no date and no SOURCE_DATE_EPOCH was given: the PDF names no date rather than the clock's");
        Assert.Contains("/Lang (ar)", Encoding.Latin1.GetString(PdfArticles.Seed));
    }

    [SkippableFact]
    public void Given_the_seed_When_set_twice_by_two_compiler_processes_Then_the_PDFs_are_the_same_bytes()
    {
        var engine = PdfArticles.RequireEngine().Engine!;
        var source = new EditionBuilder.Pdf.TypstArticle(SeedSite.Get().Content.Edition, SeedSite.Get().Templates.Strings, new EditionBuilder.Pdf.PdfPageStyle("a4", "25mm", "١"))
            .Write(PdfArticles.SeedArticle(), new HashSet<string>(), null);
        var fonts = SeedSite.Get().Templates.PdfFiles.Where(f => f.Key.EndsWith(".ttf", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value).ToList();

        var first = engine.CompileAnew(source, fonts, new Dictionary<string, byte[]>(), EditionBuilder.Pdf.TypstEngine.Timeout);
        var second = engine.CompileAnew(source, fonts, new Dictionary<string, byte[]>(), EditionBuilder.Pdf.TypstEngine.Timeout);

        Assert.NotNull(first.Pdf);
        Assert.Equal(first.Pdf, second.Pdf);
        // The writer's PDF is the same source, fonts and page: the same bytes again.
        Assert.Equal(first.Pdf, PdfArticles.Seed);
    }

    [SkippableFact]
    public void Given_the_seed_When_set_as_a_PDF_Then_the_title_page_has_the_title_and_the_English_and_French_abstracts_come_last_left_to_right()
    {
        var pages = PdfArticles.Pages(PdfArticles.Seed);
        var metadata = SeedSite.Get().Content.Articles[0].Metadata;

        Assert.Contains(string.Join(' ', ArabicWords(metadata.TitleIn("ar")).Take(3)), string.Join(' ', ArabicWords(pages[0])));
        Assert.Contains("The Russian", pages[^2] + pages[^1]);
        Assert.Contains("partenariat", pages[^1]);
        // Left to right: pdftotext reads an English line from its start.
        Assert.Contains(pages[^2].Split('\n'), l => l.StartsWith("The ", StringComparison.Ordinal) || l.StartsWith("This ", StringComparison.Ordinal));
    }

    // The Arabic words of a text, diacritics and tatweel left out (a PDF's text layer may not keep their order), presentation forms folded.
    private static List<string> ArabicWords(string text)
    {
        var folded = new string(text.Normalize(NormalizationForm.FormKC).Where(c => c is not ('\u0640' or (>= '\u064B' and <= '\u065F') or '\u0670')).ToArray());
        return ArabicWord().Matches(folded).Select(m => m.Value).ToList();
    }

    private static List<string> Words(string text)
    {
        var folded = new string(text.Normalize(NormalizationForm.FormKC).Where(c => c is not ('\u0640' or (>= '\u064B' and <= '\u065F') or '\u0670')).ToArray());
        return AnyWord().Matches(folded).Select(m => m.Value).ToList();
    }

    // How many letters of the expected words the actual words hold in the same order: a longest common subsequence of words, weighted by their letters.
    private static int InOrder(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string w) => ids.TryGetValue(w, out var id) ? id : ids[w] = ids.Count;
        var e = expected.Select(Id).ToArray();
        var a = actual.Select(Id).ToArray();
        var previous = new int[a.Length + 1];
        var current = new int[a.Length + 1];
        for (var i = 1; i <= e.Length; i++)
        {
            var weight = expected[i - 1].Length;
            for (var j = 1; j <= a.Length; j++)
            {
                current[j] = e[i - 1] == a[j - 1] ? previous[j - 1] + weight : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[a.Length];
    }

    // The chapters' titles and text in reading order, their notes left out.
    private static string ChapterText()
    {
        var text = new StringBuilder();
        foreach (var chapter in PdfArticles.SeedArticle().Chapters)
        {
            text.Append(chapter.FrontMatter.Title).Append('\n');
            foreach (var literal in chapter.Document.Descendants<LiteralInline>().Where(l => !InNote(l))) text.Append(literal.Content.ToString()).Append(' ');
        }

        return text.ToString();
    }

    private static string NoteText() => string.Join(' ', PdfArticles.SeedArticle().Chapters
        .SelectMany(c => c.Document.Descendants<NoteDefinition>()).SelectMany(d => d.Descendants<LiteralInline>()).Select(l => l.Content.ToString()));

    private static string FrontText()
    {
        var article = PdfArticles.SeedArticle();
        var edition = SeedSite.Get().Content.Edition;
        var strings = SeedSite.Get().Templates.Strings;
        return string.Join(' ', new[] { article.Metadata.TitleIn("ar"), edition.NameIn("ar"), strings.Get("ar", "notes_heading"), strings.Get("ar", "archived_copy") }
            .Concat(article.Abstracts.SelectMany(a => a.Document.Descendants<LiteralInline>().Select(l => l.Content.ToString())))
            .Concat(article.Abstracts.Select(a => a.FrontMatter.Title)));
    }

    private static bool InNote(Inline inline)
    {
        var top = inline as ContainerInline ?? inline.Parent;
        while (top?.Parent is not null) top = top.Parent;
        for (Block? block = top?.ParentBlock; block is not null; block = block.Parent)
        {
            if (block is NoteDefinition or NoteGroup) return true;
        }

        return false;
    }

    // Each footnote's first reference: the three words before it and the first three words of its note (Arabic words when it has them).
    private static List<(NoteKey Key, string Before, string Note)> FirstReferences()
    {
        var article = PdfArticles.SeedArticle();
        var definitions = article.Chapters.SelectMany(c => c.Document.Descendants<NoteDefinition>()).ToDictionary(d => d.Key);
        var seen = new HashSet<NoteKey>();
        var found = new List<(NoteKey, string, string)>();
        foreach (var chapter in article.Chapters)
        {
            foreach (var paragraph in chapter.Document.Descendants<ParagraphBlock>().Where(p => p.Inline is not null && !InNote(p.Inline)))
            {
                var before = new StringBuilder();
                foreach (var inline in paragraph.Inline!.Descendants<Inline>())
                {
                    if (inline is LiteralInline literal) before.Append(literal.Content.ToString());
                    if (inline is not NoteReferenceInline reference || !seen.Add(reference.Key) || reference.Key.Kind != NoteKind.Footnote) continue;
                    var words = ArabicWords(before.ToString());
                    var note = string.Concat(definitions[reference.Key].Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                    var noteWords = ArabicWords(note).Count >= 3 ? ArabicWords(note) : Words(note);
                    found.Add((reference.Key, string.Join(' ', words.TakeLast(3)), string.Join(' ', noteWords.Take(3))));
                }
            }
        }

        return found;
    }
}
