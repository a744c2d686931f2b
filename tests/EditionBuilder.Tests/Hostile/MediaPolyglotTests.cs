using System.Buffers.Binary;
using System.Text;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Render;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Hostile;

/// <summary>A media folder publishes only images whose name and bytes agree, within the pixel cap; anything else is an error at the file, whether or not a chapter shows it.</summary>
public class MediaPolyglotTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    // A 1×1 GIF.
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    // A PNG whose header declares the given size (the rest of the file does not matter to a decoder's first allocation).
    private static byte[] PngDeclaring(uint width, uint height)
    {
        var bytes = (byte[])Png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    private static (List<Site.SiteFile> Files, DiagnosticBag Diagnostics) Publish(string name, byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var article = SmallEdition.Content().Articles[0] with { Media = [new ArticleMedia("media/" + name, "small/ar/media/" + name, bytes)] };
        return (MediaFiles.Of(article, diagnostics), diagnostics);
    }

    public static TheoryData<string, string, string> Polyglots() => new()
    {
        { "a script that starts as a GIF", "evil.js", "GIF89a=1;alert(document.domain);//" },
        { "a page that starts as a GIF", "poly.html", "GIF89a<html><script src=\"evil.js\"></script>" },
        { "an SVG named as a page", "x.html", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" },
        { "a page named .png", "x.png", "<html><script>alert(1)</script></html>" },
        { "a GIF named .png", "x.png", "GIF89a\u0001\0\u0001\0\0\0\0;" },
        { "a GIF named .svg", "x.svg", "GIF89a\u0001\0\u0001\0\0\0\0;" },
        { "a file with no extension", "README", "GIF89a" },
    };

    [Theory]
    [MemberData(nameof(Polyglots))]
    public void Given_a_file_whose_name_and_bytes_do_not_agree_When_published_Then_it_is_an_error_at_the_file(string attack, string name, string text)
    {
        var (files, diagnostics) = Publish(name, Encoding.Latin1.GetBytes(text));

        Assert.True(files.Count == 0, attack);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(DiagnosticCodes.MediaNotAnImage, error.Code);
        Assert.Equal("small/ar/media/" + name, error.Path);
    }

    [Theory]
    [InlineData("x.png")]
    [InlineData("X.PNG")]
    public void Given_a_png_named_png_When_published_Then_it_is_copied_as_it_is(string name)
    {
        var (files, diagnostics) = Publish(name, Png);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(Png, Assert.Single(files).Bytes);
    }

    [Fact]
    public void Given_a_gif_named_gif_When_published_Then_it_is_copied()
    {
        var (files, diagnostics) = Publish("x.gif", Gif);

        Assert.Empty(diagnostics.Items);
        Assert.Single(files);
    }

    [Fact]
    public void Given_a_png_declaring_20000_by_3000_pixels_When_published_Then_EB0610_refuses_it()
    {
        var (files, diagnostics) = Publish("big.png", PngDeclaring(20000, 3000));

        Assert.Empty(files);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ImageTooManyPixels, error.Code);
        Assert.Equal("small/ar/media/big.png", error.Path);
        Assert.Contains("20000 × 3000", error.Message);
    }

    [Fact]
    public void Given_a_png_of_exactly_50_megapixels_When_published_Then_it_is_accepted()
    {
        var (files, diagnostics) = Publish("edge.png", PngDeclaring(10000, 5000));

        Assert.Empty(diagnostics.Items);
        Assert.Single(files);
    }

    [Fact]
    public void Given_a_png_cut_short_before_its_size_When_published_Then_it_is_an_error_at_the_file()
    {
        var (files, diagnostics) = Publish("cut.png", Png[..14]);

        Assert.Empty(files);
        Assert.Equal(DiagnosticCodes.MediaNotAnImage, Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void Given_a_script_posing_as_a_gif_that_no_chapter_shows_When_built_Then_exit_1_names_the_file_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        temp.File("content/small/ar/media/evil.js", "GIF89a=1;alert(document.domain);//");

        var result = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), Repo.Templates, search: FolderBuilds.NoSearch);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0515"), d => d.Path == Path.Combine(temp.Path, "content", "small", "ar", "media", "evil.js"));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }
}
