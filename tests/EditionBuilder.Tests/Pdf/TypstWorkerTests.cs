using EditionBuilder.Pdf;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pdf;

/// <summary>The compiler kept running between articles: the same bytes as a compiler of its own, no file of one source seen by the next, an error or a timeout in one source not carried to the next.</summary>
public class TypstWorkerTests
{
    // A 1×1 PNG, the smallest image Typst places.
    private static readonly byte[] Pixel = Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489" + "0000000D49444154789C63F8CFC0F01F00050001FF89993D1D0000000049454E44AE426082");

    private static IReadOnlyList<byte[]> Fonts() =>
        SeedSite.Get().Templates.PdfFiles.Where(f => f.Key.EndsWith(".ttf", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value).ToList();

    private static string SeedSource() =>
        new TypstArticle(SeedSite.Get().Content.Edition, SeedSite.Get().Templates.Strings, new PdfPageStyle("a4", "25mm", "١"))
            .Write(PdfArticles.SeedArticle(), new HashSet<string>(), null);

    [SkippableFact]
    public void Given_a_compiler_that_set_another_source_before_When_it_sets_the_seed_Then_the_PDF_is_the_bytes_of_a_compiler_of_its_own()
    {
        var engine = PdfArticles.RequireEngine().Engine!;
        var fonts = Fonts();

        var other = engine.CompileWarm("#set text(lang: \"ar\")\nنص آخر قبل المقالة، بصورة: #image(\"/media/a.png\", width: 1cm)", fonts,
            new Dictionary<string, byte[]> { ["/media/a.png"] = Pixel }, TypstEngine.Timeout);
        var warm = engine.CompileWarm(SeedSource(), fonts, new Dictionary<string, byte[]>(), TypstEngine.Timeout);
        var fresh = engine.CompileAnew(SeedSource(), fonts, new Dictionary<string, byte[]>(), TypstEngine.Timeout);

        Assert.True(other.Pdf is not null, other.Problem + string.Join('\n', other.Messages));
        Assert.NotNull(warm.Pdf);
        Assert.Equal(fresh.Pdf, warm.Pdf);
    }

    [SkippableFact]
    public void Given_a_compiler_that_was_handed_an_image_When_the_next_source_names_it_without_handing_it_Then_the_image_is_not_found()
    {
        var engine = PdfArticles.RequireEngine().Engine!;
        var fonts = Fonts();
        const string source = "#image(\"/media/only-mine.png\", width: 1cm)";

        var withImage = engine.CompileWarm(source, fonts, new Dictionary<string, byte[]> { ["/media/only-mine.png"] = Pixel }, TypstEngine.Timeout);
        var without = engine.CompileWarm(source, fonts, new Dictionary<string, byte[]>(), TypstEngine.Timeout);

        Assert.True(withImage.Pdf is not null, withImage.Problem + string.Join('\n', withImage.Messages));
        Assert.Null(without.Pdf);
        Assert.Contains(without.Messages, m => m.Contains("only-mine.png", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Given_a_source_with_an_error_When_compiled_Then_Typst_s_message_comes_back_and_the_next_source_is_set()
    {
        var engine = PdfArticles.RequireEngine().Engine!;
        var fonts = Fonts();

        var broken = engine.CompileWarm("#let x = (", fonts, new Dictionary<string, byte[]>(), TypstEngine.Timeout);
        var next = engine.CompileWarm("نص سليم", fonts, new Dictionary<string, byte[]>(), TypstEngine.Timeout);

        Assert.Null(broken.Pdf);
        Assert.NotEmpty(broken.Messages);
        Assert.NotNull(next.Pdf);
    }

    [SkippableFact]
    public void Given_a_source_that_takes_longer_than_its_time_When_compiled_Then_it_is_stopped_and_the_next_source_is_set_by_a_new_compiler()
    {
        var engine = PdfArticles.RequireEngine().Engine!;
        var fonts = Fonts();

        var slow = engine.CompileWarm("#for i in range(100000000) { [] }", fonts, new Dictionary<string, byte[]>(), TimeSpan.FromMilliseconds(200));
        var next = engine.CompileWarm("نص بعد المهلة", fonts, new Dictionary<string, byte[]>(), TypstEngine.Timeout);

        Assert.Null(slow.Pdf);
        Assert.Contains("longer than", slow.Problem, StringComparison.Ordinal);
        Assert.NotNull(next.Pdf);
    }
}
