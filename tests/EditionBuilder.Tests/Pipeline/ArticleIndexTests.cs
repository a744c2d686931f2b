using EditionBuilder.Cache;
using EditionBuilder.Pipeline;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>The article index (articles' cache entries and article keys in one file): read back as written, holding what one build used and made, and anything cut or damaged is an empty index (every article a miss), never an exception.</summary>
public class ArticleIndexTests
{
    private static string Key(char c) => new(c, 64);

    private static byte[] Entry(string title) => ArticleEntryCodec.Write(new BuildCache.ArticleEntry(new ArticleSummary("a", title, [], "a/index.html"), []));

    private static byte[] Sample()
    {
        var index = ArticleIndex.Read(null);
        index.RememberArticleKey(Key('1'), Key('a'));
        index.RememberArticleKey(Key('2'), Key('b'));
        index.PutArticle(Key('a'), Entry("أول"));
        index.PutArticle(Key('b'), Entry("ثان"));
        return index.Write().ToArray();
    }

    [Fact]
    public void Given_an_index_When_written_and_read_Then_its_keys_and_entries_come_back()
    {
        var read = ArticleIndex.Read(Sample());

        Assert.Equal(Key('a'), read.ArticleKeyFor(Key('1')));
        Assert.Equal(Key('b'), read.ArticleKeyFor(Key('2')));
        Assert.Null(read.ArticleKeyFor(Key('3')));
        Assert.Equal("أول", read.GetArticle(Key('a'))?.Summary.Title);
        Assert.Equal("ثان", read.GetArticle(Key('b'))?.Summary.Title);
        Assert.False(read.Changed); // used just what it held
    }

    [Fact]
    public void Given_an_index_read_as_part_of_a_file_When_read_Then_it_is_read_from_that_part_only()
    {
        byte[] file = [.. "header\n"u8.ToArray(), .. Sample(), .. "trailer"u8.ToArray()];

        var read = ArticleIndex.Read(new ArraySegment<byte>(file, 7, file.Length - 7 - 7));

        Assert.Equal(Key('a'), read.ArticleKeyFor(Key('1')));
        Assert.Equal("ثان", read.GetArticle(Key('b'))?.Summary.Title);
        Assert.Null(ArticleIndex.Read(new ArraySegment<byte>(file, 7, file.Length - 7)).ArticleKeyFor(Key('1'))); // the trailer is not an index
    }

    [Fact]
    public void Given_a_build_that_used_part_of_the_index_When_written_Then_it_keeps_only_what_was_used_and_made()
    {
        var index = ArticleIndex.Read(Sample());
        Assert.NotNull(index.GetArticle(Key('a')));
        Assert.Equal(Key('a'), index.ArticleKeyFor(Key('1')));
        index.PutArticle(Key('c'), Entry("ثالث"));

        var next = ArticleIndex.Read(index.Write().ToArray());

        Assert.Equal(Key('a'), next.ArticleKeyFor(Key('1')));
        Assert.Null(next.ArticleKeyFor(Key('2')));
        Assert.Null(next.GetArticle(Key('b')));
        Assert.Equal("ثالث", next.GetArticle(Key('c'))?.Summary.Title);
    }

    [Fact]
    public void Given_the_same_index_built_in_another_order_When_written_Then_the_bytes_are_the_same()
    {
        var other = ArticleIndex.Read(null);
        other.PutArticle(Key('b'), Entry("ثان"));
        other.RememberArticleKey(Key('2'), Key('b'));
        other.PutArticle(Key('a'), Entry("أول"));
        other.RememberArticleKey(Key('1'), Key('a'));

        Assert.Equal(Sample(), other.Write().ToArray());
    }

    [Fact]
    public void Given_an_index_cut_anywhere_or_with_a_byte_too_many_When_read_Then_it_is_empty()
    {
        var bytes = Sample();

        for (var length = 0; length < bytes.Length; length++) Assert.Null(ArticleIndex.Read(bytes[..length]).ArticleKeyFor(Key('1')));
        Assert.Null(ArticleIndex.Read((byte[])[.. bytes, 0]).ArticleKeyFor(Key('1')));
    }

    [Fact]
    public void Given_an_index_with_any_one_byte_damaged_When_read_Then_no_exception_is_thrown()
    {
        var bytes = Sample();

        // The seal around the file catches every change; the reader itself must never throw or allocate from a damaged count.
        for (var at = 0; at < bytes.Length; at++)
        {
            foreach (var value in new byte[] { 0, 0x7f, 0xff })
            {
                var damaged = (byte[])bytes.Clone();
                damaged[at] = value;
                var index = ArticleIndex.Read(damaged);
                _ = index.GetArticle(Key('a'));
                _ = index.ArticleKeyFor(Key('1'));
            }
        }
    }

    [Fact]
    public void Given_a_key_that_is_not_a_sha256_When_remembered_Then_it_is_not_kept()
    {
        var index = ArticleIndex.Read(null);
        index.RememberArticleKey("not a key", Key('a'));
        index.PutArticle("ABC", Entry("x"));

        var read = ArticleIndex.Read(index.Write().ToArray());

        Assert.Null(read.ArticleKeyFor("not a key"));
        Assert.Null(read.GetArticle("ABC"));
    }
}
