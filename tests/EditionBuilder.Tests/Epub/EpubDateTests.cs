using EditionBuilder.Epub;
using Xunit;

namespace EditionBuilder.Tests.Epub;

/// <summary>A book's dates come from its article or SOURCE_DATE_EPOCH, never the clock, so rebuilding gives the same bytes.</summary>
public class EpubDateTests
{
    [Theory]
    [InlineData("2016-10-09", 1480000000L, "2016-10-09T00:00:00Z")]
    [InlineData("2016-10", null, "2016-10-01T00:00:00Z")]
    [InlineData("2016", 1480000000L, "2016-01-01T00:00:00Z")]
    [InlineData("", 1480000000L, "2016-11-24T15:06:40Z")]
    [InlineData("autumn 2016", 1480000000L, "2016-11-24T15:06:40Z")]
    [InlineData("2016-13-40", null, "1980-01-01T00:00:00Z")]
    [InlineData("", null, "1980-01-01T00:00:00Z")]
    public void Given_an_article_date_and_SOURCE_DATE_EPOCH_When_the_book_is_dated_Then_the_articles_date_wins_and_the_epoch_stands_in_only_for_a_missing_date(string date, long? epoch, string modified)
    {
        Assert.Equal(modified, EpubDate.Format(EpubDate.Modified(date, epoch)));
    }

    [Theory]
    [InlineData("2016-10-09", "2016-10-09")]
    [InlineData(" 2016-3 ", "")]
    [InlineData("1975", "1975")]
    [InlineData("2016-02-30", "")]
    [InlineData("tomorrow", "")]
    public void Given_an_article_date_When_written_as_dc_date_Then_it_is_W3CDTF_or_left_out(string date, string published)
    {
        Assert.Equal(published, EpubDate.Published(date));
    }

    [Fact]
    public void Given_a_date_before_1980_When_zipped_Then_the_entries_take_the_zip_epoch_but_the_book_keeps_its_date()
    {
        var modified = EpubDate.Modified("1975-05-01", null);

        Assert.Equal("1975-05-01T00:00:00Z", EpubDate.Format(modified));
        Assert.Equal(new DateTime(1980, 1, 1), EpubDate.ZipTime(modified).DateTime);
        Assert.Equal(TimeSpan.Zero, EpubDate.ZipTime(modified).Offset);
    }
}
