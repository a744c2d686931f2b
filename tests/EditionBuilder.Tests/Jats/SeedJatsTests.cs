using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EditionBuilder.Markdown;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Jats;

/// <summary>The seed article's JATS file: its sections, notes, abstracts, titles and every Arabic letter of its chapters.</summary>
public partial class SeedJatsTests
{
    private static XDocument Seed => JatsArticles.Parse(JatsArticles.Seed);

    [Fact]
    public void Given_the_seed_When_written_as_JATS_Then_the_body_has_one_titled_sec_per_chapter_10_in_all()
    {
        var sections = Seed.Root!.Element("body")!.Elements("sec").ToList();
        var chapters = SeedSite.Get().Content.Articles[0].Chapters.Select(c => FrontMatter.Read(c.Path, FrontMatter.Split(c.Text).Yaml, new())!).OrderBy(f => f.Order).ToList();

        Assert.Equal(10, sections.Count);
        Assert.Equal(chapters.Select(c => c.Title), sections.Select(s => s.Element("title")!.Value));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"sec-{i}"), sections.Select(s => (string)s.Attribute("id")!));
    }

    [Fact]
    public void Given_the_seed_When_written_as_JATS_Then_its_40_references_are_xrefs_to_40_fns_labelled_with_their_original_numbers()
    {
        var xrefs = Seed.Descendants("xref").ToList();
        var fns = Seed.Root!.Element("back")!.Element("fn-group")!.Elements("fn").ToList();

        // The source holds 80 note marks: 40 references in the text and the 40 labels of its notes list.
        Assert.Equal(40, xrefs.Count);
        Assert.Equal(40, fns.Count);
        Assert.Equal(80, xrefs.Count + fns.Count(f => f.Element("label") is not null));
        Assert.All(xrefs, x => Assert.Equal("fn", (string?)x.Attribute("ref-type")));
        Assert.Equal(Enumerable.Range(1, 40).Select(n => n.ToString(CultureInfo.InvariantCulture)), fns.Select(f => f.Element("label")!.Value));
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"fn-{n}"), fns.Select(f => (string)f.Attribute("id")!));
        // Each reference shows its note's number and points to it; every note is cited.
        Assert.All(xrefs, x => Assert.Equal("fn-" + x.Value, (string?)x.Attribute("rid")));
        Assert.Equal(fns.Select(f => (string)f.Attribute("id")!).Order(), xrefs.Select(x => (string)x.Attribute("rid")!).Distinct().Order());
        Assert.All(fns, f => Assert.NotEmpty(f.Elements("p")));
    }

    [Fact]
    public void Given_the_seed_When_written_as_JATS_Then_the_English_and_French_abstracts_are_trans_abstracts_of_5_and_4_paragraphs_and_the_titles_trans_titles()
    {
        var meta = Seed.Root!.Element("front")!.Element("article-meta")!;
        var abstracts = meta.Elements("trans-abstract").ToDictionary(a => (string)a.Attribute(XNamespace.Xml + "lang")!, a => a.Elements("p").Count());
        var titles = meta.Element("title-group")!.Elements("trans-title-group").ToDictionary(g => (string)g.Attribute(XNamespace.Xml + "lang")!, g => g.Element("trans-title")!.Value);
        var metadata = SeedSite.Get().Content.Articles[0].Metadata;

        Assert.Equal(new Dictionary<string, int> { ["en"] = 5, ["fr"] = 4 }, abstracts);
        Assert.Equal(new Dictionary<string, string> { ["en"] = metadata.Title["en"], ["fr"] = metadata.Title["fr"] }, titles);
        Assert.Equal(metadata.Title["ar"], meta.Element("title-group")!.Element("article-title")!.Value);
        Assert.Equal("ar", (string?)Seed.Root.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public void Given_the_seed_When_written_as_JATS_Then_every_Arabic_letter_of_the_chapters_is_in_the_body_and_of_the_notes_in_back_in_order()
    {
        var text = new StringBuilder();
        var notes = new StringBuilder();
        foreach (var chapter in SeedSite.Get().Content.Articles[0].Chapters.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            var parts = FrontMatter.Split(chapter.Text);
            text.Append(FrontMatter.Read(chapter.Path, parts.Yaml, new())!.Title);
            var firstNote = NoteDefinitionLine().Match(parts.Body);
            text.Append(firstNote.Success ? parts.Body[..firstNote.Index] : parts.Body);
            if (firstNote.Success) notes.Append(parts.Body[firstNote.Index..]);
        }

        var body = Seed.Root!.Element("body")!.Value;
        var back = Seed.Root.Element("back")!.Value;
        var archivedCopy = SeedSite.Get().Templates.Strings.Get("ar", "archived_copy");

        Assert.True(ArabicLetters(text.ToString()).Length > 20_000);
        Assert.Equal(ArabicLetters(text.ToString()), ArabicLetters(body));
        // back adds only the links to archived copies (the theme's words) beside the cited addresses.
        Assert.Equal(ArabicLetters(notes.ToString()), ArabicLetters(back.Replace(archivedCopy, string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_the_seed_When_written_as_JATS_Then_paragraphs_carry_the_site_ids_and_the_file_is_UTF8_without_a_BOM_and_the_same_bytes_twice()
    {
        var ids = Seed.Root!.Element("body")!.Descendants("p").Select(p => (string?)p.Attribute("id") ?? string.Empty).ToList();

        var full = SeedSite.Get().Rendered.Single(f => f.Path == "russian-iranian-partnership/full.html").Composed().AsText();
        var siteIds = Regex.Matches(full, @"id=""(p-\d+-\d+)""").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(siteIds, ids);
        Assert.Equal("p-1-1", ids[0]);
        var bytes = Encoding.UTF8.GetBytes(JatsArticles.Seed);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(JatsArticles.Seed, JatsArticles.Write(SeedSite.Get().Content));
    }

    private static string ArabicLetters(string text) =>
        string.Concat(text.Where(c => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or >= '\u06FA' and <= '\u06FC'));

    [GeneratedRegex(@"^\[\^[^\]]+\](\{[^}]*\})?:", RegexOptions.Multiline)]
    private static partial Regex NoteDefinitionLine();
}
