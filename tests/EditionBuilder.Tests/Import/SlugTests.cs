using EditionBuilder.Model;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>Slugs are ASCII, stable, and safe in URLs and file names.</summary>
public class SlugTests
{
    [Theory]
    [InlineData("المقدمة", "almqdma")]
    [InlineData("سوريا \"نقطة المركز\" للشراكة", "swrya-nqta-almrkz-llshraka")]
    [InlineData("مستقبل العلاقات الروسية – الإيرانية", "mstqbl-allaqat-alrwsya-aliyranya")]
    [InlineData("Le partenariat russo-iranien en Syrie", "le-partenariat-russo-iranien-en-syrie")]
    [InlineData("Élan, Ça & Œuvre!", "elan-ca-oeuvre")]
    [InlineData("<script>/../", "script")]
    [InlineData("؟؟؟", "section")]
    [InlineData("", "section")]
    public void Given_a_title_When_slugged_Then_the_slug_is_ascii_and_readable(string title, string slug)
    {
        Assert.Equal(slug, Slug.From(title));
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", Slug.From(title));
    }

    [Fact]
    public void Given_a_long_title_When_slugged_Then_it_is_cut_at_a_word_boundary()
    {
        Assert.Equal("the-russian-iranian-partnership-in-syria", Slug.From("The Russian – Iranian partnership in Syria: its impact", 40));
        Assert.Equal("the-russian-iranian-partnership-in", Slug.From("The Russian – Iranian partnership in Syrians: its impact", 40));
    }
}
