using System.Text.RegularExpressions;
using EditionBuilder.Diagnostics;
using EditionBuilder.Model;

namespace EditionBuilder.Import;

/// <summary>Reads a Word text export (docs/design.md, "The source format"; docs/import.md, "The Word text export") into an <see cref="Article"/>, reporting every problem with its position.</summary>
public static partial class WordExportReader
{
    private const int MaxHeadingLength = 100;
    private const int MaxHeadingWords = 14;
    private const int MinAbstractParagraphWords = 25;
    private const string ClosingPunctuation = ".!?:;…؟؛،,";

    [GeneratedRegex(@"^(?:abstract|summary|r[ée]sum[ée])\s*[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbstractHeading();

    [GeneratedRegex(@"^[ \t\u00A0]*\[(\d{1,9})\][ \t\u00A0]*-")]
    private static partial Regex NoteStartPattern();

    [GeneratedRegex(@"\[bookmark:[ \t\u00A0]*(?:_ftnref(\d{1,9})|[^\]]*)\]|\[(\d{1,9})\]")]
    private static partial Regex MarkerPattern();

    /// <summary>Reads the source bytes (UTF-8 or UTF-16 with a BOM; a legacy code page only when <paramref name="encoding"/> names it); returns null when an error was reported.</summary>
    public static Article? Read(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics, System.Text.Encoding? encoding = null)
    {
        var lines = SourceDecoder.Decode(path, bytes, diagnostics, encoding);
        return lines is null ? null : Read(path, lines, diagnostics);
    }

    /// <summary>Reads decoded lines; returns null when an error was reported.</summary>
    public static Article? Read(string path, IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        ReportControlCharacters(path, lines, diagnostics);
        var notesStart = FindNotesStart(lines);
        var abstractsStart = FindAbstractsStart(lines, notesStart ?? 0);
        var bodyEnd = notesStart ?? abstractsStart;

        var opening = RecognizeOpening(path, lines, bodyEnd, diagnostics);
        var sections = ReadBody(path, lines, bodyEnd, opening, diagnostics);
        if (notesStart is { } first && sections.All(s => s.Paragraphs.Count == 0))
        {
            diagnostics.Error(DiagnosticCodes.NotesWithoutText, path, lines[first].Number, 1,
                "the source has a notes list but no article text before it");
        }

        var notes = notesStart is { } start ? ReadNotes(path, lines, start, abstractsStart, diagnostics) : new List<Note>();
        var (abstracts, abstractKeywords, others, listAfterNotes) = ReadAbstracts(path, lines, abstractsStart, diagnostics);

        CheckReferences(path, sections, notes, diagnostics);
        if (diagnostics.ErrorCount > errorsBefore) return null;

        // Word's export puts the notes after everything, so a reference list or an abstract at the end of the document stands before them.
        var references = TakeReferenceList(sections);
        if (references is null) references = listAfterNotes;
        else if (listAfterNotes is not null) others.Insert(0, (lines.First(l => l.Number == listAfterNotes.Line), listAfterNotes.Lines, listAfterNotes.Section.Language));
        var (bodyAbstracts, bodyKeywords) = TakeTrailingAbstracts(sections, abstracts);
        abstracts.InsertRange(0, bodyAbstracts);
        ReferenceSection? list = null;
        if (references is not null)
        {
            var byKey = notes.ToDictionary(n => n.Key);
            var cited = sections.SelectMany(s => s.Paragraphs).SelectMany(p => p.Paragraph.ReferencedNotes).ToHashSet();
            var (folded, onlyText) = ReferenceNotes.Fold(references.Section, byKey, k => cited.Contains(int.Parse(k.Id, System.Globalization.CultureInfo.InvariantCulture)), path, diagnostics);
            list = folded;
            notes = notes.Where(n => !onlyText.Contains(n.Key)).ToList();
        }

        var keywords = new Dictionary<string, IReadOnlyList<string>>(opening.Opening.Keywords, StringComparer.Ordinal);
        foreach (var (language, words) in abstractKeywords) keywords.TryAdd(language, words);
        foreach (var (language, words) in bodyKeywords) keywords.TryAdd(language, words);
        var chapters = AssignNotes(sections, notes);
        // A Latin block after the abstracts that is no abstract of its own (a second one in a language, or another language) is a chapter.
        foreach (var (title, paragraphs, language) in others)
        {
            var order = chapters.Count + 1;
            chapters.Add(new Chapter(order, title.Text.Trim(), $"{order:00}-{Slug.From(title.Text.Trim())}", paragraphs.Select(p => new Paragraph([new TextRun(p.Text)], p.Number)).ToList(), [])
            {
                Language = language,
            });
        }

        return new Article(chapters, abstracts) { Opening = opening.Opening with { Keywords = keywords }, References = list };
    }

    /// <summary>A reference list as read: the section, the line of its heading, and its entries' lines (for a chapter, should it be a second list).</summary>
    private sealed record ReadList(ReferenceSection Section, int Line, List<SourceLine> Lines);

    // The last section of the body headed as a reference list (المراجع، References, Bibliographie…), after the first section.
    private static ReadList? TakeReferenceList(List<Section> sections)
    {
        for (var s = sections.Count - 1; s > 0; s--)
        {
            var section = sections[s];
            if (!SectionHeadings.IsReferences(section.Title) || section.Paragraphs.Count == 0) continue;
            sections.RemoveAt(s);
            var french = SectionHeadings.IsFrenchReferences(section.Title);
            var entries = section.Paragraphs.Select(p => new ReferenceEntry(p.Paragraph.Inlines, EntryLanguage(p.Paragraph.PlainText, french))).ToList();
            return new ReadList(new ReferenceSection(section.Title, ListLanguage(section.Title, french), entries), section.Line, []);
        }

        return null;
    }

    private static string ListLanguage(string title, bool french) => LanguageGuesser.IsLatinDominant(title) ? (french ? "fr" : "en") : "ar";

    // By its script: Arabic letters are Arabic, Latin ones English unless the list is headed in French or the entry's words are French.
    private static string EntryLanguage(string text, bool french) =>
        !LanguageGuesser.IsLatinDominant(text) ? "ar" : french || LanguageGuesser.Guess(text) == "fr" ? "fr" : "en";

    // Sections at the end of the body headed Abstract, Summary or Résumé, in Latin text that cites no note: abstracts, one per language
    // (one the block after the notes already gives stays a chapter).
    private static (List<Abstract> Abstracts, List<(string Language, IReadOnlyList<string> Words)> Keywords) TakeTrailingAbstracts(List<Section> sections, List<Abstract> afterNotes)
    {
        var found = new List<Abstract>();
        var keywords = new List<(string, IReadOnlyList<string>)>();
        while (sections.Count > 1)
        {
            var last = sections[^1];
            var texts = last.Paragraphs.Select(p => p.Paragraph.PlainText.Trim()).ToList();
            var language = SectionHeadings.AbstractLanguage(last.Title) ?? TitledAbstractLanguage(sections, texts);
            if (language is null || texts.Count == 0 || !texts.All(LanguageGuesser.IsLatinDominant) || last.Paragraphs.Any(p => p.References.Count > 0)
                || afterNotes.Concat(found).Any(a => a.Language == language)) break;
            foreach (var (marker, list) in texts.Select(ManuscriptOpening.Keywords).OfType<(string Language, string List)>())
            {
                var words = ManuscriptOpening.SplitKeywords(list);
                if (words.Count > 0) keywords.Add((marker == "ar" ? "ar" : language, words));
            }

            found.Insert(0, new Abstract(language, last.Title, texts.Where(t => ManuscriptOpening.Keywords(t) is null).ToList(), last.Line));
            sections.RemoveAt(sections.Count - 1);
        }

        return (found, keywords);
    }

    // After a body in Arabic, a last section headed by the article's title in English or French and opening with a paragraph as long as an
    // abstract's is that language's abstract (the layout of Arab journals); null for any other section.
    private static string? TitledAbstractLanguage(List<Section> sections, List<string> texts)
    {
        var last = sections[^1];
        if (SectionHeadings.IsWellKnown(last.Title) || !LanguageGuesser.IsLatinDominant(last.Title) || texts.Count == 0
            || LanguageGuesser.Words(texts[0]).Count() < MinAbstractParagraphWords) return null;
        var body = string.Join(' ', sections.Take(sections.Count - 1).SelectMany(s => s.Paragraphs).Select(p => p.Paragraph.PlainText));
        if (body.Trim().Length == 0 || LanguageGuesser.IsLatinDominant(body)) return null;
        var language = LanguageGuesser.Guess(last.Title + " " + string.Join(' ', texts));
        return language is "en" or "fr" ? language : null;
    }

    /// <summary>What the body's opening holds besides chapters: the recognized opening, the lines it used, and those left as text.</summary>
    private sealed record OpeningLines(ArticleOpening Opening, HashSet<int> Used, HashSet<int> LeftAsText);

    // The manuscript's opening (title, authors, ملخص, keywords) before the first section, never chapters.
    private static OpeningLines RecognizeOpening(string path, IReadOnlyList<SourceLine> lines, int end, DiagnosticBag diagnostics)
    {
        var indexes = new List<int>();
        for (var i = 0; i < end; i++)
        {
            if (!lines[i].IsBlank) indexes.Add(i);
        }

        var paragraphs = indexes.Select(i => new ManuscriptParagraph(lines[i].Text.Trim(), lines[i].Number, IsHeading(lines[i].Text))).ToList();
        var recognition = ManuscriptOpening.Recognize(paragraphs);
        if (recognition.Recognized.Count == 0) return new OpeningLines(ArticleOpening.Empty, [], []);

        var left = recognition.LeftAsText.Select(i => indexes[i]).ToHashSet();
        var used = indexes.Take(recognition.BodyStart).Where(i => !left.Contains(i)).ToHashSet();
        var message = "the manuscript opens with its title, authors or abstract (the opening), read as the article's metadata (it fills article.yml's empty fields) and its Arabic abstract (ar/abstract.md), not as a chapter: "
            + string.Join(", ", recognition.Recognized);
        if (left.Count > 0) message += "; left as text: " + string.Join(", ", left.Order().Select(i => $"line {lines[i].Number}"));
        diagnostics.Warning(DiagnosticCodes.OpeningRecognized, path, lines[indexes[0]].Number, 1, message);
        return new OpeningLines(recognition.Opening, used, left);
    }

    private const int MaxControlCharactersReported = 20;

    // They are kept (the text is the author's) but shown as visible marks; the publisher should know.
    private static void ReportControlCharacters(string path, IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics)
    {
        var reported = 0;
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Text.Length && reported < MaxControlCharactersReported; i++)
            {
                if (!ControlCharacters.IsSuspicious(line.Text[i])) continue;
                diagnostics.Warning(DiagnosticCodes.ControlCharacter, path, line.Number, i + 1,
                    $"control character {ControlCharacters.CodePoint(line.Text[i])} is kept but shown as a visible mark, so it cannot hide or reorder the text");
                reported++;
            }
        }
    }

    private static int? FindNotesStart(IReadOnlyList<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (NoteStartPattern().IsMatch(lines[i].Text)) return i;
        }

        return null;
    }

    // The abstracts start at a Latin title line followed by a long Latin paragraph, with no note after it.
    private static int FindAbstractsStart(IReadOnlyList<SourceLine> lines, int from)
    {
        var lastNote = -1;
        for (var i = lines.Count - 1; i >= from; i--)
        {
            if (NoteStartPattern().IsMatch(lines[i].Text)) { lastNote = i; break; }
        }

        for (var i = Math.Max(from, lastNote + 1); i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            // A reference list after the notes starts the back matter: read as a note's continuation, it would end up inside the last note.
            if (text.Length > 0 && lastNote >= 0 && IsTitleLike(text, 200, 30) && SectionHeadings.IsReferences(text)) return i;
            if (text.Length == 0 || !LanguageGuesser.IsLatinDominant(text) || !IsTitleLike(text, 200, 30)) continue;
            // A line that names itself an abstract ("Abstract", "Résumé") starts the abstracts however short they are: read as a note's
            // continuation, a one-sentence abstract would end up inside the last note.
            if (AbstractHeading().IsMatch(text) && RestIsLatin(lines, i)) return i;
            var next = NextNonBlank(lines, i + 1);
            if (next < 0) continue;
            var nextText = lines[next].Text;
            if (LanguageGuesser.IsLatinDominant(nextText) && LanguageGuesser.Words(nextText).Count() >= MinAbstractParagraphWords
                && RestIsLatin(lines, i)) return i;
        }

        return lines.Count;
    }

    private static bool RestIsLatin(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank && !LanguageGuesser.IsLatinDominant(lines[i].Text)) return false;
        }

        return true;
    }

    private static int NextNonBlank(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank) return i;
        }

        return -1;
    }

    private static bool IsTitleLike(string text, int maxLength, int maxWords) =>
        text.Length <= maxLength
        && !ClosingPunctuation.Contains(text[^1])
        && LanguageGuesser.Words(text).Count() <= maxWords;

    private static bool IsHeading(string line)
    {
        var text = line.Trim();
        return text.Length > 0 && IsTitleLike(text, MaxHeadingLength, MaxHeadingWords) && !MarkerPattern().IsMatch(text);
    }

    private sealed record Section(string Title, int Line, List<ParsedParagraph> Paragraphs);

    private sealed record ParsedParagraph(Paragraph Paragraph, List<(int Number, int Column)> Bookmarks, List<(int Number, int Column)> References);

    private const int OneChapterWarningParagraphs = 15;

    /// <summary>
    /// Splits the body into sections. A heading candidate is a short line (at most 100 characters and 14 words) without closing punctuation
    /// and without note marks. In a document that puts blank lines before its headings (most candidates follow a blank line, as in the seed),
    /// a candidate is a heading when it follows a blank line or opens the text. In a document whose paragraphs are separated by spacing only
    /// (more candidates follow a paragraph directly than a blank line), a candidate is also a heading when a body paragraph follows it; there
    /// numbered or ordinal lines (1- …, أولًا: …, a) …) are headings only when most such headings are numbered, and otherwise stay paragraphs.
    /// </summary>
    private static List<Section> ReadBody(string path, IReadOnlyList<SourceLine> lines, int end, OpeningLines opening, DiagnosticBag diagnostics)
    {
        var headings = EntriesAreNoHeadings(lines, FindHeadings(lines, end, opening));
        var sections = new List<Section>();
        for (var i = 0; i < end; i++)
        {
            var line = lines[i];
            if (line.IsBlank || opening.Used.Contains(i)) continue;

            if (headings.Contains(i))
            {
                sections.Add(new Section(line.Text.Trim(), line.Number, new List<ParsedParagraph>()));
                continue;
            }

            if (sections.Count == 0)
            {
                diagnostics.Warning(DiagnosticCodes.TextBeforeFirstHeading, path, line.Number, 1,
                    "text before the first section heading; it opens an untitled first chapter");
                sections.Add(new Section(string.Empty, line.Number, new List<ParsedParagraph>()));
            }

            // A line that held only export markup (a bookmark) has no text to keep.
            var paragraph = ParseParagraph(line);
            if (paragraph.Paragraph.Inlines.Count > 0 || paragraph.Bookmarks.Count > 0) sections[^1].Paragraphs.Add(paragraph);
        }

        if (sections.Count == 1 && sections[0].Paragraphs.Count >= OneChapterWarningParagraphs)
        {
            diagnostics.Warning(DiagnosticCodes.OneChapter, path, sections[0].Line, 1,
                $"the whole text is one chapter of {sections[0].Paragraphs.Count} paragraphs: no section heading was recognized. A heading is a short line "
                + "(at most 14 words) without closing punctuation, after a blank line, or, in a document without blank lines, directly followed by a paragraph; "
                + "numbered lines (1- …, أولًا: …) stay paragraphs unless most headings are numbered (docs/import.md, \"Headings\")");
        }

        return sections;
    }

    private static HashSet<int> FindHeadings(IReadOnlyList<SourceLine> lines, int end, OpeningLines opening)
    {
        // Each body line: is it a candidate, does a blank line (or the start) come before it, is the next line a body paragraph?
        var body = new List<(int Index, bool Candidate, bool AfterBlank)>();
        var afterBlank = true;
        for (var i = 0; i < end; i++)
        {
            if (lines[i].IsBlank || opening.Used.Contains(i)) { afterBlank = true; continue; }
            body.Add((i, !opening.LeftAsText.Contains(i) && IsHeading(lines[i].Text), afterBlank));
            afterBlank = false;
        }

        bool BeforeParagraph(int k) => k + 1 < body.Count && !body[k + 1].Candidate;
        var afterBlankCount = body.Skip(1).Count(b => b.Candidate && b.AfterBlank);
        var spacingOnly = body.Where((b, k) => b.Candidate && !b.AfterBlank && BeforeParagraph(k)).Count();
        // A section named as articles name them (المقدمة, الخاتمة…) is a heading wherever it stands.
        var headings = body.Where(b => b.Candidate && SectionHeadings.IsWellKnown(lines[b.Index].Text)).Select(b => b.Index).ToHashSet();
        if (spacingOnly <= afterBlankCount)
        {
            foreach (var b in body.Where(b => b.Candidate && b.AfterBlank)) headings.Add(b.Index);
            return headings;
        }

        // Paragraph spacing instead of blank lines: a candidate before a paragraph is a heading when it looks like the document's other headings.
        var found = body.Where((b, k) => b.Candidate && (b.AfterBlank || BeforeParagraph(k))).ToList();
        var numbered = found.Count(b => IsNumbered(lines[b.Index].Text));
        var headingsAreNumbered = numbered * 2 > found.Count;
        foreach (var b in found.Where(b => IsNumbered(lines[b.Index].Text) == headingsAreNumbered)) headings.Add(b.Index);
        return headings;
    }

    // Under a reference list's heading, a line without closing punctuation is an entry (one ending in its URL or DOI), not a heading: only a
    // section named as articles name them, an abstract's name, or a title line before a paragraph as long as an abstract's ends the list.
    private static HashSet<int> EntriesAreNoHeadings(IReadOnlyList<SourceLine> lines, HashSet<int> headings)
    {
        var inList = false;
        foreach (var index in headings.Order().ToList())
        {
            var text = lines[index].Text.Trim();
            if (inList && !SectionHeadings.IsWellKnown(text) && !AbstractHeading().IsMatch(text) && !SectionHeadings.IsAbstract(text)
                && !(LanguageGuesser.IsLatinDominant(text) && NextIsLong(lines, index)))
            {
                headings.Remove(index);
                continue;
            }

            inList = SectionHeadings.IsReferences(text);
        }

        return headings;
    }

    [GeneratedRegex(@"^\s*(?:[\d٠-٩]{1,3}|[IVXLCivxlc]{1,5}|[A-Za-zأ-ي])\s*[-–.)\]/:]\s*|^\s*[•·▪◦‣*\-–]\s|^\s*(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)(?:ا|ًا|اً|ا)\s*[:\-–]")]
    private static partial Regex NumberedPattern();

    // "1- …", "أ) …", "IV. …", "• …", "أولًا: …": a list item or an ordinal paragraph.
    private static bool IsNumbered(string text) => NumberedPattern().IsMatch(text);

    private static ParsedParagraph ParseParagraph(SourceLine line)
    {
        var text = line.Text;
        var inlines = new List<Inline>();
        var bookmarks = new List<(int, int)>();
        var references = new List<(int, int)>();
        var pending = new System.Text.StringBuilder();
        var position = 0;
        foreach (Match match in MarkerPattern().Matches(text))
        {
            pending.Append(text, position, match.Index - position);
            position = match.Index + match.Length;
            if (match.Groups[2].Success)
            {
                Flush();
                var number = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                inlines.Add(new NoteReference(number));
                references.Add((number, match.Index + 1));
            }
            else if (match.Groups[1].Success)
            {
                bookmarks.Add((int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Index + 1));
            }
        }

        pending.Append(text, position, text.Length - position);
        Flush();
        TrimEdges(inlines);
        return new ParsedParagraph(new Paragraph(inlines, line.Number), bookmarks, references);

        void Flush()
        {
            if (pending.Length > 0) inlines.Add(new TextRun(pending.ToString()));
            pending.Clear();
        }
    }

    // White space at the edges of a line is layout, not text: Markdown and HTML drop it too.
    private static void TrimEdges(List<Inline> inlines)
    {
        if (inlines.Count > 0 && inlines[0] is TextRun first)
        {
            var trimmed = first.Text.TrimStart();
            if (trimmed.Length == 0) inlines.RemoveAt(0); else inlines[0] = new TextRun(trimmed);
        }

        if (inlines.Count > 0 && inlines[^1] is TextRun last)
        {
            var trimmed = last.Text.TrimEnd();
            if (trimmed.Length == 0) inlines.RemoveAt(inlines.Count - 1); else inlines[^1] = new TextRun(trimmed);
        }
    }

    private static List<Note> ReadNotes(string path, IReadOnlyList<SourceLine> lines, int start, int end, DiagnosticBag diagnostics)
    {
        var notes = new List<Note>();
        var seen = new HashSet<int>();
        int? current = null;
        var currentLine = 0;
        var text = new List<string>();
        var previous = 0;
        var keepCurrent = false;

        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var match = NoteStartPattern().Match(line.Text);
            if (match.Success)
            {
                Close();
                var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var column = match.Groups[1].Index + 1;
                keepCurrent = seen.Add(number);
                if (!keepCurrent)
                {
                    diagnostics.Error(DiagnosticCodes.NoteDefinedTwice, path, line.Number, column,
                        $"note {number} is defined twice; the first definition is kept in mind, remove one");
                }
                else if (number <= previous)
                {
                    diagnostics.Warning(DiagnosticCodes.NotesOutOfOrder, path, line.Number, column,
                        $"note {number} comes after note {previous}: notes are out of order");
                }

                previous = Math.Max(previous, number);
                current = number;
                currentLine = line.Number;
                var rest = line.Text[(match.Index + match.Length)..].Trim();
                if (rest.Length > 0) text.Add(rest);
            }
            else if (!line.IsBlank)
            {
                text.Add(line.Text.Trim());
            }
        }

        Close();
        return notes;

        void Close()
        {
            if (current is { } n && keepCurrent)
            {
                if (text.Count == 0)
                {
                    diagnostics.Error(DiagnosticCodes.EmptyNote, path, currentLine, 1, $"note {n} has no text");
                }

                // A note written in English or French (a source cited in its language) reads left to right inside the right-to-left
                // page, unless its lines open with a full stop or comma: then the author placed them for a right-to-left line
                // (".Reuters, 2015" shows as "Reuters, 2015." there), and that is how it is shown.
                var note = new Note(n, text.ToList(), currentLine);
                if (LanguageGuesser.IsLatinDominant(string.Join(' ', text)) && !text.Any(line => line.TrimStart().StartsWith('.') || line.TrimStart().StartsWith(',')))
                {
                    note = note with { Paragraphs = [note.Paragraphs[0] with { Direction = TextDirection.LeftToRight }] };
                }

                notes.Add(note);
            }

            text.Clear();
            current = null;
        }
    }

    private static (List<Abstract> Abstracts, Dictionary<string, IReadOnlyList<string>> Keywords, List<(SourceLine Title, List<SourceLine> Paragraphs, string Language)> Others, ReadList? References) ReadAbstracts(
        string path, IReadOnlyList<SourceLine> lines, int start, DiagnosticBag diagnostics)
    {
        ReadList? references = null;
        var others = new List<(SourceLine, List<SourceLine>, string)>();
        var blocks = new List<(SourceLine Title, List<string> Paragraphs)>();
        var blockLines = new List<List<SourceLine>>();
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank) continue;
            var text = line.Text.Trim();
            // A block starts at a title line before a paragraph as long as an abstract's, or at a line naming an abstract or a reference list.
            var named = IsTitleLike(text, 200, 30) && (AbstractHeading().IsMatch(text) || SectionHeadings.IsReferences(text));
            var startsBlock = blocks.Count == 0
                || (IsTitleLike(text, 200, 30) && blocks[^1].Paragraphs.Count > 0 && (named || NextIsLong(lines, i)) && ManuscriptOpening.Keywords(text) is null);
            if (startsBlock) { blocks.Add((line, new List<string>())); blockLines.Add([]); }
            else { blocks[^1].Paragraphs.Add(text); blockLines[^1].Add(line with { Text = text }); }
        }

        var abstracts = new List<Abstract>();
        var keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var b = 0; b < blocks.Count; b++)
        {
            var (title, block) = blocks[b];
            if (references is null && block.Count > 0 && SectionHeadings.IsReferences(title.Text.Trim()))
            {
                var heading = title.Text.Trim();
                var french = SectionHeadings.IsFrenchReferences(heading);
                var entries = block.Select(text => new ReferenceEntry([new TextRun(text)], EntryLanguage(text, french))).ToList();
                references = new ReadList(new ReferenceSection(heading, ListLanguage(heading, french), entries), title.Number, blockLines[b]);
                continue;
            }

            // "Keywords: …" / "Mots-clés : …" lines are the abstract's keywords, not its text.
            var paragraphs = block.Where(p => ManuscriptOpening.Keywords(p) is null).ToList();
            var language = LanguageGuesser.Guess(title.Text + " " + string.Join(' ', paragraphs));
            if (language is not ("en" or "fr") || abstracts.Any(a => a.Language == language))
            {
                diagnostics.Warning(DiagnosticCodes.AbstractLanguageUnknown, path, title.Number, 1,
                    language is "en" or "fr"
                        ? $"a second abstract in the same language ({language}) is no abstract: it is kept as a chapter of its own"
                        : "an abstract whose language is neither English nor French is no abstract: it is kept as a chapter of its own");
                others.Add((title, blockLines[b], language is "fr" ? "fr" : LanguageGuesser.IsLatinDominant(title.Text + string.Join(' ', block)) ? "en" : "ar"));
                continue;
            }

            foreach (var (marker, list) in block.Select(ManuscriptOpening.Keywords).OfType<(string Language, string List)>())
            {
                var words = ManuscriptOpening.SplitKeywords(list);
                if (words.Count > 0) keywords.TryAdd(marker == "ar" ? "ar" : language, words);
            }

            abstracts.Add(new Abstract(language, title.Text.Trim(), paragraphs, title.Number));
        }

        return (abstracts, keywords, others, references);
    }

    private static bool NextIsLong(IReadOnlyList<SourceLine> lines, int i)
    {
        var next = NextNonBlank(lines, i + 1);
        return next >= 0 && LanguageGuesser.Words(lines[next].Text).Count() >= MinAbstractParagraphWords;
    }

    private static void CheckReferences(string path, List<Section> sections, List<Note> notes, DiagnosticBag diagnostics)
    {
        var defined = notes.Select(n => n.Number).ToHashSet();
        var cited = new HashSet<int>();
        foreach (var paragraph in sections.SelectMany(s => s.Paragraphs))
        {
            var line = paragraph.Paragraph.SourceLine;
            var referenced = paragraph.References.Select(r => r.Number).ToHashSet();
            var bookmarked = paragraph.Bookmarks.Select(b => b.Number).ToHashSet();
            foreach (var (number, column) in paragraph.References)
            {
                cited.Add(number);
                if (!defined.Contains(number))
                {
                    diagnostics.Error(DiagnosticCodes.ReferenceWithoutNote, path, line, column,
                        $"reference [{number}] has no note {number} in the notes list");
                }
                else if (!bookmarked.Contains(number))
                {
                    diagnostics.Warning(DiagnosticCodes.ReferenceWithoutBookmark, path, line, column,
                        $"reference [{number}] has no [bookmark: _ftnref{number}] at the start of its paragraph");
                }
            }

            foreach (var (number, column) in paragraph.Bookmarks.Where(b => !referenced.Contains(b.Number)))
            {
                diagnostics.Error(DiagnosticCodes.BookmarkWithoutReference, path, line, column,
                    $"bookmark _ftnref{number} marks this paragraph, but the paragraph has no reference [{number}]");
            }
        }

        foreach (var note in notes.Where(n => !cited.Contains(n.Number)))
        {
            diagnostics.Warning(DiagnosticCodes.UncitedNote, path, note.SourceLine, 1,
                $"note {note.Number} is not cited in the text; it is kept at the end of the last chapter");
        }
    }

    // Each note is defined in the chapter that cites it first; uncited notes go to the last chapter.
    private static List<Chapter> AssignNotes(List<Section> sections, List<Note> notes)
    {
        var home = new Dictionary<int, int>();
        for (var s = 0; s < sections.Count; s++)
        {
            foreach (var number in sections[s].Paragraphs.SelectMany(p => p.Paragraph.ReferencedNotes))
            {
                home.TryAdd(number, s);
            }
        }

        var chapters = new List<Chapter>();
        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var chapterNotes = notes.Where(n => home.TryGetValue(n.Number, out var h) ? h == s : s == sections.Count - 1).ToList();
            var order = s + 1;
            var slug = $"{order:00}-{Slug.From(section.Title)}";
            chapters.Add(new Chapter(order, section.Title, slug, section.Paragraphs.Select(p => p.Paragraph).ToList(), chapterNotes));
        }

        return chapters;
    }
}
