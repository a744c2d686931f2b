using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Hostile;

/// <summary>The content folder's theme/ is read like content (no link out of the content folder, the theme folder itself included), and a logo lives where the README says it may: media/logo.svg.</summary>
public sealed class ThemeAndLogoPlaceTests : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly TempFolder _temp = new();

    public ThemeAndLogoPlaceTests() => SmallEdition.WriteTo(Content);

    public void Dispose() => _temp.Dispose();

    private string Content => Path.Combine(_temp.Path, "content");

    private FolderBuilds.Built Build() => FolderBuilds.Run(Content, Path.Combine(_temp.Path, "site"), search: FolderBuilds.NoSearch);

    [Fact]
    public void Given_the_content_theme_folder_is_a_link_out_of_the_content_folder_When_built_Then_EB0603_names_it_and_nothing_is_published()
    {
        _temp.File("secret/assets/id_rsa.txt", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        File.CreateSymbolicLink(Path.Combine(Content, "theme"), Path.Combine(_temp.Path, "secret"));

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0603"), d => d.Path == Path.Combine(Content, "theme"));
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "site")));
    }

    [Fact]
    public void Given_a_folder_of_the_content_theme_linking_two_levels_down_out_of_the_content_folder_When_built_Then_EB0603_names_the_link()
    {
        _temp.File("secret/id_rsa.txt", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        _temp.File("content/theme/assets/custom.css", "main { color: #123456; }\n");
        File.CreateSymbolicLink(Path.Combine(Content, "theme", "assets", "keys"), Path.Combine(_temp.Path, "secret"));

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0603"), d => d.Path == Path.Combine(Content, "theme", "assets", "keys"));
    }

    [Fact]
    public void Given_the_content_theme_folder_is_a_link_to_a_folder_inside_the_content_folder_When_built_Then_it_is_used()
    {
        _temp.File("content/shared-look/assets/custom.css", "main { border-top: 4px solid #123456; }\n");
        File.CreateSymbolicLink(Path.Combine(Content, "theme"), Path.Combine(Content, "shared-look"));

        var result = Build();

        Assert.True(result.Succeeded, result.Said);
        Assert.Contains("#123456", File.ReadAllText(Path.Combine(_temp.Path, "site", "assets", "custom.css")));
    }

    [Theory]
    [InlineData("media")]
    [InlineData("assets")]
    public void Given_the_readmes_logo_in_a_media_or_assets_folder_When_built_Then_every_page_shows_it(string folder)
    {
        _temp.File($"content/{folder}/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>");
        File.AppendAllText(Path.Combine(Content, "edition.yml"), $"logo: {folder}/logo.svg\n");

        var result = Build();

        Assert.True(result.Succeeded, result.Said);
        Assert.Contains("assets/logo.svg", File.ReadAllText(Path.Combine(_temp.Path, "site", "small", "index.html")));
        Assert.Contains("<circle", File.ReadAllText(Path.Combine(_temp.Path, "site", "assets", "logo.svg")));
    }

    [Fact]
    public void Given_a_media_folder_that_is_an_article_When_built_Then_EB0605_still_refuses_its_name()
    {
        _temp.File("content/media/article.yml", "title: { ar: مقال }\n");

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors("EB0605"));
    }

    [Fact]
    public void Given_a_logo_that_is_not_there_When_built_Then_the_error_says_where_a_logo_may_live()
    {
        File.AppendAllText(Path.Combine(Content, "edition.yml"), "logo: media/logo.svg\n");

        var result = Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors("EB0606"));
        Assert.StartsWith("logo: 'media/logo.svg' is not a file inside the content folder; put the image", error.Message);
        Assert.Contains("(logo: media/logo.svg)", error.ToString());
    }

    [Fact]
    public void Given_a_png_logo_named_svg_When_built_Then_EB0606_says_the_name_and_bytes_disagree()
    {
        _temp.File("content/media/logo.svg", Png);
        File.AppendAllText(Path.Combine(Content, "edition.yml"), "logo: media/logo.svg\n");

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0606"), d => d.Message.StartsWith("the logo cannot be used: the file is named .svg but its bytes are PNG", StringComparison.Ordinal));
    }
}
