using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
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
    public void Given_generated_chapters_of_every_block_and_inline_When_written_and_read_back_Then_they_are_the_chapter_as_normalized()
    {
        var property = Prop.ForAll(ModelGenerators.Chapter().ToArbitrary(), chapter =>
        {
            var expected = MarkdownNormalizer.Normalize(chapter);
            var markdown = ChapterWriter.Write(chapter);
            var read = ChapterReader.Read("gen.md", markdown, new DiagnosticBag());
            var same = read is not null && read.Chapter.Equals(expected);
            return same.Label($"Markdown:\n{markdown}\nRead back:\n{(read is null ? "(null)" : ChapterWriter.Write(read.Chapter))}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void Given_generated_chapters_When_normalized_twice_Then_the_second_changes_nothing()
    {
        var property = Prop.ForAll(ModelGenerators.Chapter().ToArbitrary(), chapter =>
        {
            var once = MarkdownNormalizer.Normalize(chapter);
            return once.Equals(MarkdownNormalizer.Normalize(once));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
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
}
