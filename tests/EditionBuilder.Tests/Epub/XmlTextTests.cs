using Xunit;
using EditionBuilder.Markup;

namespace EditionBuilder.Tests.Epub;

/// <summary>The characters a book's XML cannot hold are found and replaced; everything else, Arabic and emoji included, stays as written.</summary>
public class XmlTextTests
{
    [Theory]
    [InlineData("نص عربي\tمع\nسطر\r\n😀", -1)]
    [InlineData("ab\u0001c", 2)]
    [InlineData("abc\uFFFF", 3)]
    [InlineData("😀\uFFFE", 2)]
    public void Given_a_text_When_searched_Then_the_first_character_XML_cannot_hold_is_found(string text, int at)
    {
        Assert.Equal(at, XmlText.FirstUnstorable(text));
    }

    [Fact]
    public void Given_a_lone_surrogate_When_searched_Then_it_is_found_and_a_pair_is_not()
    {
        // Built here, not in InlineData: the test runner's serialisation would turn a lone surrogate into U+FFFD.
        Assert.Equal(1, XmlText.FirstUnstorable("a" + (char)0xD83D));
        Assert.Equal(1, XmlText.FirstUnstorable("a" + (char)0xDE00 + "b"));
        Assert.Equal(-1, XmlText.FirstUnstorable("a" + (char)0xD83D + (char)0xDE00 + "b"));
    }

    [Fact]
    public void Given_a_text_with_characters_XML_cannot_hold_When_made_storable_Then_only_they_become_U_FFFD()
    {
        Assert.Equal("نص\uFFFD😀\uFFFD\uFFFD\t", XmlText.Storable("نص\u0002😀\uFFFF" + (char)0xDC00 + "\t"));
    }
}
