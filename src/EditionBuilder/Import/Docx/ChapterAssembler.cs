using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;
using EditionBuilder.Model;

namespace EditionBuilder.Import.Docx;

/// <summary>
/// Puts the blocks of a Word document into an article: the title and subtitle before the first heading become its front
/// matter, a references section after the body its reference list, English and French sections at the end that are
/// abstracts (by heading, language and place) its abstracts, and everything else chapters, each in its own language, split
/// at the highest heading level the document uses (lower headings stay inside); lists and quotes are gathered, captions
/// join their figures, and each note goes to the chapter that cites it first. No section is ever left out.
/// </summary>
internal sealed class ChapterAssembler(string where, DiagnosticBag diagnostics)
{
    private const int MaxTitleWords = 30;

    // Keywords found in the abstracts' sections, by language.
    private readonly Dictionary<string, IReadOnlyList<string>> _abstractKeywords = new(StringComparer.Ordinal);
    private const int MinAbstractWords = 25;

    /// <summary>The reference list <see cref="Assemble"/> found; null when the document has none.</summary>
    public ReferenceSection? References { get; private set; }

    public (List<Chapter> Chapters, List<Abstract> Abstracts, ArticleOpening Front) Assemble(List<DocxBlock> blocks)
    {
        blocks = AttachCaptions(blocks);
        var front = TakeFront(blocks);
        References = TakeReferences(blocks);
        var abstracts = TakeAbstracts(blocks);
        var chapters = Split(blocks);
        if (_abstractKeywords.Count > 0)
        {
            var keywords = front.Keywords.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
            foreach (var (language, words) in _abstractKeywords) keywords.TryAdd(language, words);
            front = front with { Keywords = keywords };
        }

        return (chapters, abstracts, front);
    }

    // A caption paragraph right after (or else right before) a figure is the figure's caption.
    private static List<DocxBlock> AttachCaptions(List<DocxBlock> blocks)
    {
        var result = new List<DocxBlock>(blocks);
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i] is not DocxFigure { Figure.Caption.Count: 0 } figure) continue;
            var after = i + 1 < result.Count ? result[i + 1] as DocxParagraph : null;
            var before = i > 0 ? result[i - 1] as DocxParagraph : null;
            if (after is { IsCaption: true, Inlines.Count: > 0 })
            {
                result[i] = figure with { Figure = figure.Figure with { Caption = after.Inlines } };
                result.RemoveAt(i + 1);
            }
            else if (before is { IsCaption: true, Inlines.Count: > 0 })
            {
                result[i] = figure with { Figure = figure.Figure with { Caption = before.Inlines } };
                result.RemoveAt(i - 1);
                i--;
            }
        }

        return result;
    }

    private const int MaxOpeningLineLength = 100;
    private const int MaxOpeningLineWords = 14;
    private const string ClosingPunctuation = ".!?:;…؟؛،,";

    // The opening before the body (title, subtitle, authors, affiliations, ملخص, keywords) is read by the recognizer the text
    // export uses (ManuscriptOpening); a styled heading, title or subtitle, or a short line without closing punctuation,
    // is what it takes for a line of the opening. Without any of that, the Title and Subtitle styles alone give the title.
    private ArticleOpening TakeFront(List<DocxBlock> blocks)
    {
        var indexes = new List<int>();
        // A list is body text, never a line of the opening (its items are not authors): the opening ends before it.
        for (var i = 0; i < blocks.Count && blocks[i] is DocxParagraph { List: null } p; i++)
        {
            if (p.Text.Trim().Length > 0) indexes.Add(i);
        }

        var paragraphs = indexes.Select(i => (DocxParagraph)blocks[i])
            .Select(p => new ManuscriptParagraph(p.Text.Trim(), p.Paragraph, p.HeadingLevel is not null || p.IsTitle || p.IsSubtitle || p.IsAuthor || IsShortLine(p.Text.Trim()),
                p.IsTitle ? OpeningRole.Title : p.IsSubtitle ? OpeningRole.Subtitle : p.IsAuthor && p.HeadingLevel is null ? OpeningRole.Author : OpeningRole.None))
            .ToList();
        var recognition = ManuscriptOpening.Recognize(paragraphs);
        // Nothing found but what the Title and Subtitle styles already say: their title, without a warning.
        var stylesOnly = paragraphs.Take(recognition.BodyStart).All(p => p.Role is OpeningRole.Title or OpeningRole.Subtitle);
        if (recognition.Recognized.Count == 0 || stylesOnly) return TakeStyledTitle(blocks);

        var left = recognition.LeftAsText.ToHashSet();
        for (var k = 0; k < recognition.BodyStart; k++)
        {
            if (!left.Contains(k)) blocks[indexes[k]] = ((DocxParagraph)blocks[indexes[k]]) with { Inlines = [] };
        }

        var message = "the document opens with its title, authors or abstract (the opening), read as the article's metadata (it fills article.yml's empty fields) and its Arabic abstract (ar/abstract.md), not as a chapter: "
            + string.Join(", ", recognition.Recognized).Replace("line ", "paragraph ", StringComparison.Ordinal).Replace("lines ", "paragraphs ", StringComparison.Ordinal);
        if (left.Count > 0) message += "; left as text: " + string.Join(", ", left.Order().Select(k => $"paragraph {paragraphs[k].SourceLine}"));
        diagnostics.Warning(DiagnosticCodes.OpeningRecognized, where + $":paragraph {paragraphs[0].SourceLine}", 0, 0, message);
        return recognition.Opening;
    }

    private static bool IsShortLine(string text) =>
        text.Length is > 0 and <= MaxOpeningLineLength && !ClosingPunctuation.Contains(text[^1]) && LanguageGuesser.Words(text).Count() <= MaxOpeningLineWords;

    // The Title and Subtitle styles before the first heading, when the recognizer found no front matter.
    private static ArticleOpening TakeStyledTitle(List<DocxBlock> blocks)
    {
        var firstHeading = blocks.FindIndex(b => b is DocxParagraph { HeadingLevel: not null });
        var end = firstHeading < 0 ? blocks.Count : firstHeading;
        var title = new List<string>();
        var subtitle = new List<string>();
        for (var i = 0; i < end; i++)
        {
            if (blocks[i] is not DocxParagraph p || !(p.IsTitle || p.IsSubtitle)) continue;
            (p.IsTitle ? title : subtitle).Add(p.Text.Trim());
            blocks[i] = p with { Inlines = [] };
        }

        return title.Count == 0 && subtitle.Count == 0
            ? ArticleOpening.Empty
            : ArticleOpening.Empty with { Title = string.Join(' ', title), Subtitle = string.Join(' ', subtitle) };
    }

    private static bool IsLatin(DocxParagraph p) => LanguageGuesser.IsLatinDominant(p.Text);

    private static string? AbstractLanguage(DocxParagraph title, IEnumerable<DocxParagraph> content)
    {
        var paragraphs = content.Prepend(title).ToList();
        var declared = paragraphs.Where(p => p.Language is "en" or "fr").GroupBy(p => p.Language).OrderByDescending(g => g.Sum(p => p.Text.Length)).FirstOrDefault()?.Key;
        return declared ?? LanguageGuesser.Guess(string.Join(' ', paragraphs.Select(p => p.Text)));
    }

    // A references section after the body (by its heading, in any language), wherever it stands: before the abstracts too. Its heading is
    // a heading style or, in a document written without them, a plain short paragraph (References, المراجع); else the paragraphs in
    // Word's Bibliography style after the body are the list.
    private ReferenceSection? TakeReferences(List<DocxBlock> blocks)
    {
        for (var i = blocks.Count - 1; i > 0; i--)
        {
            if (blocks[i] is not DocxParagraph heading || !SectionHeadings.IsReferences(heading.Text.Trim())) continue;
            var plain = heading.HeadingLevel is null;
            if (plain && (heading.List is not null || heading.IsQuote || !IsTitleLike(heading.Text))) continue;
            var end = plain ? PlainSectionEnd(blocks, i) : HeadedSectionEnd(blocks, i, heading.HeadingLevel!.Value);
            var content = blocks.Skip(i + 1).Take(end - i - 1).ToList();
            var hasBodyBefore = blocks.Take(i).Any(b => b is not DocxParagraph p || p.Inlines.Count > 0);
            // Only paragraphs make entries; a section holding a table or a figure, or with sub-headings, stays a chapter.
            var entries = content.OfType<DocxParagraph>().Where(p => p.Text.Trim().Length > 0).ToList();
            if (!hasBodyBefore || content.Any(b => b is not DocxParagraph { HeadingLevel: null }) || entries.Count == 0 || plain && !OnlyAbstractsAfter(blocks, i, end))
            {
                if (plain) continue;
                return TakeBibliographyStyled(blocks);
            }

            var title = heading.Text.Trim();
            var french = SectionHeadings.IsFrenchReferences(title);
            var language = LanguageGuesser.IsLatinDominant(title) ? (french ? "fr" : "en") : "ar";
            blocks.RemoveRange(i, end - i);
            return new ReferenceSection(title, language, entries.Select(p => new ReferenceEntry(p.Inlines, EntryLanguage(p, french))).ToList());
        }

        return TakeBibliographyStyled(blocks);
    }

    // A list found without a heading style stands after the body: only what may be abstracts follows it (Latin paragraphs, under an
    // abstract's heading, or any heading after an Arabic body), so a plain "Sources" line in a chapter's middle takes nothing away.
    private static bool OnlyAbstractsAfter(List<DocxBlock> blocks, int start, int end)
    {
        var after = blocks.Skip(end).ToList();
        if (!after.All(b => b is DocxParagraph { List: null } p && (p.Text.Trim().Length == 0 || IsLatin(p)))) return false;
        var bodyIsArabic = !LanguageGuesser.IsLatinDominant(string.Join(' ', blocks.Take(start).OfType<DocxParagraph>().Select(p => p.Text)));
        return after.OfType<DocxParagraph>().All(p => p.HeadingLevel is null || bodyIsArabic || SectionHeadings.IsAbstract(p.Text.Trim()));
    }

    private static int HeadedSectionEnd(List<DocxBlock> blocks, int start, int level)
    {
        var end = start + 1;
        while (end < blocks.Count && !(blocks[end] is DocxParagraph { HeadingLevel: { } next } && next <= level)) end++;
        return end;
    }

    // A references section under a plain paragraph ends at the next heading, the next section named as articles name them (Abstract,
    // Résumé, الخاتمة…), or a Latin title line followed by a paragraph as long as an abstract's (the English abstract headed by the
    // article's title, as Arab journals print it).
    private static int PlainSectionEnd(List<DocxBlock> blocks, int start)
    {
        for (var end = start + 1; end < blocks.Count; end++)
        {
            if (blocks[end] is not DocxParagraph p) continue;
            if (p.HeadingLevel is not null) return end;
            var text = p.Text.Trim();
            if (text.Length == 0 || p.List is not null || !IsTitleLike(text)) continue;
            if (SectionHeadings.IsAbstract(text) || SectionHeadings.IsWellKnown(text) || SectionHeadings.IsReferences(text)) return end;
            var next = blocks.Skip(end + 1).OfType<DocxParagraph>().FirstOrDefault(n => n.Text.Trim().Length > 0);
            if (IsLatin(p) && next is not null && IsLatin(next) && LanguageGuesser.Words(next.Text).Count() >= MinAbstractWords) return end;
        }

        return blocks.Count;
    }

    // Paragraphs in Word's Bibliography style (the one Word's own citations, LibreOffice and pandoc write a list in) after the body, with no
    // references heading: the last run of them is the list, under the heading of its section when it holds nothing else.
    private ReferenceSection? TakeBibliographyStyled(List<DocxBlock> blocks)
    {
        var last = blocks.FindLastIndex(b => b is DocxParagraph { IsBibliography: true, HeadingLevel: null } p && p.Text.Trim().Length > 0);
        if (last < 0) return null;
        var first = last;
        while (first > 0 && blocks[first - 1] is DocxParagraph { HeadingLevel: null } p && (p.IsBibliography || p.Inlines.Count == 0)) first--;
        var end = last + 1;
        while (end < blocks.Count && blocks[end] is DocxParagraph { HeadingLevel: null, Inlines.Count: 0 }) end++;
        var start = first;
        string? title = null;
        if (first > 0 && blocks[first - 1] is DocxParagraph { HeadingLevel: { } level } heading && heading.Text.Trim().Length > 0
            && HeadedSectionEnd(blocks, first - 1, level) == end)
        {
            title = heading.Text.Trim();
            start = first - 1;
        }

        if (!blocks.Take(start).Any(b => b is not DocxParagraph p || p.Text.Trim().Length > 0)) return null; // no body before: it is the body
        if (!OnlyAbstractsAfter(blocks, start, end)) return null; // in the body's middle: a style used for something else
        var entries = blocks.Skip(first).Take(end - first).OfType<DocxParagraph>().Where(p => p.Text.Trim().Length > 0).ToList();
        var french = title is not null && SectionHeadings.IsFrenchReferences(title);
        var languages = entries.Select(p => EntryLanguage(p, french)).ToList();
        var language = title is not null
            ? LanguageGuesser.IsLatinDominant(title) ? (french ? "fr" : "en") : "ar"
            : languages.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        if (title is null)
        {
            // The list needs a heading on its page: the usual one in the language most of its entries are in, which the editor may change.
            title = language switch { "ar" => "المراجع", "fr" => "Références", _ => "References" };
            diagnostics.Warning(DiagnosticCodes.BibliographyWithoutHeading, where + $":paragraph {blocks[first].Paragraph}", 0, 0,
                $"{entries.Count} paragraphs in Word's Bibliography style, with no heading above them, are the article's reference list (ar/references.md), headed \"{title}\"; change its title there if the article names it otherwise");
        }

        blocks.RemoveRange(start, end - start);
        return new ReferenceSection(title, language, entries.Select((p, k) => new ReferenceEntry(p.Inlines, languages[k])).ToList());
    }

    // The runs' own w:lang says it; else the script and the words: Arabic letters are Arabic (or w:lang's bidi language), Latin ones French when the list is headed
    // in French or the entry's words are (é, ç, "et", "de la"), else the style's or the document's language when it is Latin, else English.
    // A document's default (en-US in most Word installations) says nothing of one entry.
    private static string EntryLanguage(DocxParagraph p, bool french)
    {
        var latin = LanguageGuesser.IsLatinDominant(p.Text);
        if (p.LanguageIsOwn && p.Language is { Length: >= 2 } own && (own != "ar" || !latin)) return own;
        if (!latin) return p.Language is { Length: >= 2 } declared ? declared : "ar"; // Arabic letters take w:lang's bidi language (ar, fa)
        if (french) return "fr";
        if (LanguageGuesser.Guess(p.Text) is ("en" or "fr") and var guessed) return guessed;
        return p.Language is { Length: >= 2 } inherited && inherited != "ar" ? inherited : "en";
    }

    // Abstracts stand at the end, after the body: sections whose text is Latin and English or French (by w:lang, else by their words),
    // headed "Abstract", "Résumé"… or, after an Arabic body, by the article's title in that language; or, in a document without such
    // headings, a Latin title line followed by Latin paragraphs, as in the text export. One per language; any other section stays a
    // chapter in its own language.
    private List<Abstract> TakeAbstracts(List<DocxBlock> blocks)
    {
        var found = new List<(int Start, int End, Abstract Abstract)>();
        var end = blocks.Count;
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (blocks[i] is not DocxParagraph { HeadingLevel: not null } heading) continue;
            var content = blocks.Skip(i + 1).Take(end - i - 1).ToList();
            var paragraphs = content.OfType<DocxParagraph>().Where(p => p.Text.Trim().Length > 0).ToList();
            if (!IsLatin(heading) || paragraphs.Count == 0 || !paragraphs.All(IsLatin) || paragraphs.Any(CitesNotes)
                || content.Any(b => b is not DocxParagraph { HeadingLevel: null, List: null })) break;
            found.Add((i, end, Summary(heading, paragraphs)));
            end = i;
        }

        // Named abstracts anywhere in that run; a title-like heading only after a body in Arabic.
        var bodyIsArabic = blocks.Take(end).OfType<DocxParagraph>().Any(p => p.Text.Trim().Length > 0) && !LanguageGuesser.IsLatinDominant(string.Join(' ', blocks.Take(end).OfType<DocxParagraph>().Select(p => p.Text)));
        found = found.Where(f => SectionHeadings.IsAbstract(f.Abstract.Title) || (bodyIsArabic && !SectionHeadings.IsWellKnown(f.Abstract.Title))).ToList();
        if (found.Count == 0) found = TrailingPlainAbstracts(blocks);
        if (found.Count == 0) return [];

        var abstracts = new List<Abstract>();
        var taken = new List<(int Start, int End, string Language)>();
        foreach (var (start, stop, summary) in found.OrderBy(f => f.Start))
        {
            if (summary.Language is not ("en" or "fr") || abstracts.Any(a => a.Language == summary.Language)) continue; // stays a chapter
            abstracts.Add(summary);
            taken.Add((start, stop, summary.Language));
        }

        foreach (var (start, stop, language) in taken.OrderByDescending(t => t.Start))
        {
            var paragraphs = blocks.Skip(start).Take(stop - start).OfType<DocxParagraph>();
            // "Keywords: …" / "Mots-clés : …" paragraphs are the abstract's keywords, not its text (as in the text export).
            foreach (var (marker, list) in paragraphs.Select(p => ManuscriptOpening.Keywords(p.Text)).OfType<(string Language, string List)>())
            {
                var words = ManuscriptOpening.SplitKeywords(list);
                if (words.Count > 0) _abstractKeywords.TryAdd(marker == "ar" ? "ar" : language, words);
            }

            blocks.RemoveRange(start, stop - start);
        }

        return abstracts;
    }

    // An abstract is plain text: a section that cites notes stays a chapter, so its references keep their notes.
    private static bool CitesNotes(DocxParagraph p) => InlineText.Descendants(p.Inlines).OfType<NoteReference>().Any();

    // "Résumé" is French and "Abstract" English whatever w:lang the document's default style gives every paragraph.
    private static Abstract Summary(DocxParagraph title, List<DocxParagraph> paragraphs) =>
        new(SectionHeadings.AbstractLanguage(title.Text.Trim()) ?? AbstractLanguage(title, paragraphs) ?? "?", title.Text.Trim(), paragraphs.Where(p => ManuscriptOpening.Keywords(p.Text) is null).Select(p => p.Text.Trim()).ToList());

    private static List<(int Start, int End, Abstract Abstract)> TrailingPlainAbstracts(List<DocxBlock> blocks)
    {
        var start = blocks.Count;
        while (start > 0 && blocks[start - 1] is DocxParagraph { HeadingLevel: null, List: null } p && (p.Text.Trim().Length == 0 || IsLatin(p)) && !CitesNotes(p)) start--;
        var paragraphs = blocks.Skip(start).OfType<DocxParagraph>().Where(p => p.Text.Trim().Length > 0).ToList();
        var groups = new List<(int Start, DocxParagraph Title, List<DocxParagraph> Content)>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var next = i + 1 < paragraphs.Count ? paragraphs[i + 1] : null;
            var titleLike = IsTitleLike(p.Text) && next is not null && LanguageGuesser.Words(next.Text).Count() >= MinAbstractWords;
            if (titleLike && (groups.Count == 0 || groups[^1].Content.Count > 0)) groups.Add((blocks.IndexOf(p), p, []));
            else if (groups.Count > 0) groups[^1].Content.Add(p);
        }

        var found = new List<(int Start, int End, Abstract Abstract)>();
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Content.Count == 0) continue;
            var stop = g + 1 < groups.Count ? groups[g + 1].Start : blocks.Count;
            found.Add((groups[g].Start, stop, Summary(groups[g].Title, groups[g].Content)));
        }

        return found;
    }

    // A plain paragraph (no heading style, not a list item) that is a well-known section's name.
    private static bool IsNamedSection(DocxBlock block) =>
        block is DocxParagraph { HeadingLevel: null, List: null } p && SectionHeadings.IsWellKnown(p.Text.Trim());

    private static bool IsTitleLike(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 200 && !".!?:;…؟؛،,".Contains(trimmed[^1]) && LanguageGuesser.Words(trimmed).Count() <= MaxTitleWords;
    }

    private List<Chapter> Split(List<DocxBlock> blocks)
    {
        var levels = blocks.OfType<DocxParagraph>().Where(p => p.HeadingLevel is not null && p.Text.Trim().Length > 0).Select(p => p.HeadingLevel!.Value).ToList();
        var sections = new List<(DocxParagraph? Heading, List<DocxBlock> Content)>();
        if (levels.Count == 0 && blocks.Any(IsNamedSection))
        {
            // No heading styles, but sections named as articles name them (المقدمة, الخاتمة…), as the text export finds them.
            blocks = blocks.Select(b => b is DocxParagraph p && IsNamedSection(p) ? p with { HeadingLevel = 1 } : b).ToList();
            levels = [1];
            diagnostics.Warning(DiagnosticCodes.DocxHeadingsByName, where, 0, 0,
                "the document has no headings (Heading 1…), so it is split only at the sections named as articles name them (المقدمة، الخاتمة…); "
                + "in Word, give each section heading the Heading 1 style to split at the others too");
        }

        if (levels.Count == 0)
        {
            diagnostics.Warning(DiagnosticCodes.DocxNoHeadings, where, 0, 0,
                "the document has no headings (Heading 1…), so it is one chapter; in Word, give each section heading the Heading 1 style to split it");
            sections.Add((null, blocks));
        }
        else
        {
            var top = levels.Min();
            foreach (var block in blocks)
            {
                if (block is DocxParagraph { HeadingLevel: { } level } heading && level == top && heading.Text.Trim().Length > 0)
                {
                    sections.Add((heading, []));
                    continue;
                }

                if (sections.Count == 0)
                {
                    if (block is DocxParagraph p && p.Inlines.Count == 0) continue;
                    diagnostics.Warning(DiagnosticCodes.DocxTextBeforeHeading, where + $":paragraph {block.Paragraph}", 0, 0,
                        "text before the first heading; it opens an untitled first chapter");
                    sections.Add((null, []));
                }

                sections[^1].Content.Add(block);
            }

            for (var i = 0; i < sections.Count; i++)
            {
                sections[i] = (sections[i].Heading, sections[i].Content.Select(b => b is DocxParagraph { HeadingLevel: { } l } h && l > top
                    ? h with { HeadingLevel = Math.Min(6, l - top + 1) } : b is DocxParagraph { HeadingLevel: not null } same ? same with { HeadingLevel = null } : b).ToList());
            }
        }

        var chapters = new List<Chapter>();
        foreach (var (heading, content) in sections)
        {
            var order = chapters.Count + 1;
            var title = heading?.Text.Trim() ?? string.Empty;
            var blocksOfChapter = new List<Block>();
            if (heading is not null && heading.Inlines.OfType<NoteReference>().Any())
            {
                diagnostics.Warning(DiagnosticCodes.DocxReferenceInHeading, where + $":paragraph {heading.Paragraph}", 0, 0,
                    "a note reference in a chapter heading is moved to a line of its own under the heading (a chapter's title is plain text)");
                blocksOfChapter.Add(new Paragraph(heading.Inlines.OfType<NoteReference>().ToList<Inline>()));
            }

            blocksOfChapter.AddRange(Gather(content));
            chapters.Add(new Chapter(order, title, $"{order:00}-{Slug.From(title)}", blocksOfChapter, []) { Language = LanguageOf(heading, content) });
        }

        return chapters;
    }

    // A chapter is Arabic unless most of its letters are Latin: then its paragraphs' w:lang says which language (else its words; else English).
    private static string LanguageOf(DocxParagraph? heading, List<DocxBlock> content)
    {
        var paragraphs = content.OfType<DocxParagraph>().Where(p => p.HeadingLevel is null && p.Text.Trim().Length > 0).ToList();
        if (heading is not null) paragraphs.Insert(0, heading);
        var text = string.Join(' ', paragraphs.Select(p => p.Text));
        if (!LanguageGuesser.IsLatinDominant(text)) return "ar";
        var declared = paragraphs.Where(p => p.Language is "en" or "fr").GroupBy(p => p.Language!).OrderByDescending(g => g.Sum(p => p.Text.Length)).FirstOrDefault()?.Key;
        return declared ?? (LanguageGuesser.Guess(text) == "fr" ? "fr" : "en");
    }

    // Consecutive list paragraphs become lists (nested by level), consecutive quote paragraphs one quote.
    private static List<Block> Gather(List<DocxBlock> blocks)
    {
        var result = new List<Block>();
        for (var i = 0; i < blocks.Count;)
        {
            switch (blocks[i])
            {
                case DocxParagraph { List: not null }:
                    var items = new List<DocxParagraph>();
                    while (i < blocks.Count && blocks[i] is DocxParagraph { List: not null } item) { items.Add(item); i++; }
                    result.AddRange(Lists(items, 0, items.Count));
                    continue;
                case DocxParagraph { IsQuote: true, HeadingLevel: null }:
                    var quoted = new List<Block>();
                    while (i < blocks.Count && blocks[i] is DocxParagraph { IsQuote: true, HeadingLevel: null, List: null } q) { quoted.Add(ToBlock(q)); i++; }
                    result.Add(new Quote(quoted));
                    continue;
                default:
                    result.Add(ToBlock(blocks[i]));
                    i++;
                    continue;
            }
        }

        return result;
    }

    private static Block ToBlock(DocxBlock block) => block switch
    {
        DocxParagraph { HeadingLevel: { } level } h => new Heading(level, h.Inlines),
        DocxParagraph p => new Paragraph(p.Inlines) { Direction = p.Direction },
        DocxTable t => t.Table,
        DocxFigure f => f.Figure,
        _ => new Paragraph([]),
    };

    // Items [from, to) at the shallowest level among them form lists; deeper items nest in the item before them.
    private static List<Block> Lists(List<DocxParagraph> items, int from, int to)
    {
        var result = new List<Block>();
        if (from >= to) return result;
        var level = items.Skip(from).Take(to - from).Min(p => p.List!.Level);
        ItemList? current = null;
        var currentItems = new List<ListItem>();
        for (var i = from; i < to;)
        {
            var item = items[i];
            var end = i + 1;
            while (end < to && items[end].List!.Level > level) end++;
            if (item.List!.Level > level)
            {
                // Deeper items with no item above them at this level stand in their own list.
                Flush();
                result.AddRange(Lists(items, i, end));
                i = end;
                continue;
            }

            if (current is not null && (current.Ordered != item.List.Ordered || currentItems.Count > 0 && items[i - 1].List!.NumId != item.List.NumId && items[i - 1].List!.Level == level)) Flush();
            current ??= new ItemList(item.List.Ordered, item.List.Number, []);
            var itemBlocks = new List<Block> { new Paragraph(item.Inlines) { Direction = item.Direction } };
            itemBlocks.AddRange(Lists(items, i + 1, end));
            currentItems.Add(new ListItem(itemBlocks));
            i = end;
        }

        Flush();
        return result;

        void Flush()
        {
            if (current is not null && currentItems.Count > 0) result.Add(current with { Items = currentItems.ToList() });
            current = null;
            currentItems.Clear();
        }
    }

    /// <summary>Gives each note to the first chapter that cites it; notes cited nowhere in the chapters (only in an abstract) go to the last.</summary>
    public static List<Chapter> PlaceNotes(List<Chapter> chapters, IReadOnlyDictionary<NoteKey, Note> notes)
    {
        var placed = new HashSet<NoteKey>();
        var result = new List<Chapter>();
        foreach (var chapter in chapters)
        {
            var own = chapter.NoteReferences.Select(r => r.Key).Where(k => notes.ContainsKey(k) && placed.Add(k)).Select(k => notes[k]).ToList();
            result.Add(chapter with { Notes = own });
        }

        var rest = notes.Keys.Where(k => !placed.Contains(k)).ToList();
        if (rest.Count > 0 && result.Count > 0) result[^1] = result[^1] with { Notes = [.. result[^1].Notes, .. rest.Select(k => notes[k])] };
        return result.Select(MarkdownNormalizer.Normalize).ToList();
    }
}
