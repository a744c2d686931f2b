using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EditionBuilder.Tests.Markdown;

/// <summary>Import then read back gives the same article: on the seed, and on generated text full of Markdown-special characters.</summary>
public class RoundTripTests
{
    private const string Alphabet = "*_#>-+=~1.)[]<>&\\`!^:|{}\"' \t\u00A0abcXYZ09سلامعلىيكم";

    [Fact]
    public void Given_the_seed_When_written_and_read_back_Then_every_chapter_and_abstract_is_the_same()
    {
        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read("seed.txt", Repo.SeedBytes(), diagnostics)!;

        foreach (var chapter in article.Chapters)
        {
            var read = ChapterReader.Read(chapter.Slug + ".md", ChapterWriter.Write(chapter), diagnostics);
            Assert.NotNull(read);
            Assert.Equal(chapter, read.Chapter);
        }

        foreach (var summary in article.Abstracts)
        {
            Assert.Equal(summary, ChapterReader.ReadAbstract("abstract.md", ChapterWriter.Write(summary), diagnostics));
        }

        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Given_generated_chapters_full_of_markup_characters_When_written_and_read_back_Then_they_are_the_same()
    {
        var property = Prop.ForAll(ChapterGenerator().ToArbitrary(), chapter =>
        {
            var diagnostics = new DiagnosticBag();
            var markdown = ChapterWriter.Write(chapter);
            var read = ChapterReader.Read("gen.md", markdown, diagnostics);
            var same = read is not null && read.Chapter.Equals(chapter);
            return same.Label($"Markdown:\n{markdown}\nRead back:\n{(read is null ? "(null)" : ChapterWriter.Write(read.Chapter))}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Theory]
    [InlineData("* not a list")]
    [InlineData("# not a heading")]
    [InlineData("1. not a list")]
    [InlineData("12) not a list")]
    [InlineData("> not a quote")]
    [InlineData("- not a list")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[link](javascript:alert(1))")]
    [InlineData("`code` and **bold** and _em_")]
    [InlineData("&amp; &lt; stays literal")]
    [InlineData("ends with a backslash \\")]
    [InlineData("![^3] is not an image nor a note")]
    [InlineData("---")]
    [InlineData("===")]
    [InlineData("~~~")]
    public void Given_text_that_looks_like_markup_When_written_and_read_back_Then_it_is_the_same_text(string text)
    {
        var chapter = new Chapter(1, "عنوان", "01-x", [new Paragraph([new TextRun(text)])], []);

        var read = ChapterReader.Read("x.md", ChapterWriter.Write(chapter), new DiagnosticBag());

        Assert.Equal(text, Assert.Single(read!.Chapter.Paragraphs).PlainText);
    }

    private static Gen<string> TextGenerator() =>
        Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()))
            .Select(chars => new string(chars).Trim())
            .Where(s => s.Length > 0);

    private static Gen<Paragraph> ParagraphGenerator() =>
        Gen.ArrayOf(Gen.OneOf(
                TextGenerator().Select(t => (Inline)new TextRun(t)),
                Gen.Choose(1, 500).Select(n => (Inline)new NoteReference(n))))
            .Select(Normalize)
            .Where(inlines => inlines.Count > 0)
            .Select(inlines => new Paragraph(inlines));

    private static Gen<Note> NoteGenerator(int number) =>
        Gen.ArrayOf(TextGenerator()).Where(lines => lines.Length > 0).Select(lines => new Note(number, lines));

    private static Gen<Chapter> ChapterGenerator() =>
        from title in TextGenerator()
        from paragraphs in Gen.ArrayOf(ParagraphGenerator())
        from notes in Gen.ArrayOf(NoteGenerator(0))
        select new Chapter(1, title, "01-generated", paragraphs, notes.Select((n, i) => n with { Number = i + 1 }).ToList());

    // Text runs in a paragraph are merged and trimmed at the edges, as the importer makes them.
    private static List<Inline> Normalize(Inline[] inlines)
    {
        var result = new List<Inline>();
        foreach (var inline in inlines)
        {
            if (inline is TextRun t && result.Count > 0 && result[^1] is TextRun previous)
            {
                result[^1] = new TextRun(previous.Text + " " + t.Text);
            }
            else
            {
                result.Add(inline);
            }
        }

        if (result.Count > 0 && result[0] is TextRun first) result[0] = new TextRun(first.Text.TrimStart());
        if (result.Count > 0 && result[^1] is TextRun last) result[^1] = new TextRun(last.Text.TrimEnd());
        return result.Where(i => i is not TextRun { Text.Length: 0 }).ToList();
    }
}
