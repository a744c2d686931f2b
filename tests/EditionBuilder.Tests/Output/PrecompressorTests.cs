using System.IO.Compression;
using System.Text;
using EditionBuilder.Output;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>The .br and .gz copies: exactly the input once decompressed; fast is brotli 6 and gzip's usual level; best is brotli 11 for the pages a reader opens, a cheaper quality for large files.</summary>
public class PrecompressorTests
{
    // Text that compresses like a page: Arabic words and markup, varied so no two lines are the same.
    private static byte[] Page(int bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < bytes / 2; i++) text.Append($"<p id=\"p-{i}\">بدأت حركة الترجمة في بغداد في القرن {i} للهجرة، وكان لها أثر بالغ في العلوم {i * 7 % 13}.</p>\n");
        var all = Encoding.UTF8.GetBytes(text.ToString());
        return all[..Math.Min(bytes, all.Length)];
    }

    private static byte[] Brotli(byte[] bytes, int quality)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        Assert.True(BrotliEncoder.TryCompress(bytes, buffer, out var written, quality, window: 22));
        return buffer[..written];
    }

    private static byte[] Unbrotli(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)) brotli.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Ungzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress)) gzip.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData(12 * 1024)]
    [InlineData(64 * 1024)]
    public void Given_a_page_a_reader_opens_When_compressed_best_Then_it_is_brotli_11(int size)
    {
        var page = Page(size);

        var br = Precompressor.Brotli(page, Precompressor.Level.Best);

        Assert.Equal(Brotli(page, 11), br);
        Assert.Equal(page, Unbrotli(br));
        Assert.Equal(page, Ungzip(Precompressor.Gzip(page, Precompressor.Level.Best)));
    }

    [Fact]
    public void Given_a_full_text_larger_than_a_page_When_compressed_best_Then_it_is_brotli_7_and_whole()
    {
        var fullText = Page(130 * 1024);

        var br = Precompressor.Brotli(fullText, Precompressor.Level.Best);

        Assert.Equal(Brotli(fullText, 7), br);
        Assert.NotEqual(Brotli(fullText, 11), br);
        Assert.Equal(fullText, Unbrotli(br));
    }

    private static byte[] Gzip(byte[] bytes, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    [Theory]
    [InlineData(12 * 1024)]
    [InlineData(130 * 1024)]
    public void Given_any_size_When_compressed_fast_Then_it_is_brotli_6_and_gzip_optimal_and_whole(int size)
    {
        var page = Page(size);

        var br = Precompressor.Brotli(page, Precompressor.Level.Fast);
        var gz = Precompressor.Gzip(page, Precompressor.Level.Fast);

        Assert.Equal(Brotli(page, 6), br);
        Assert.Equal(Gzip(page, CompressionLevel.Optimal), gz);
        Assert.Equal(page, Unbrotli(br));
        Assert.Equal(page, Ungzip(gz));
    }

    [Fact]
    public void Given_a_page_When_compressed_best_Then_its_gzip_copy_is_the_smallest_size()
    {
        var page = Page(12 * 1024);

        Assert.Equal(Gzip(page, CompressionLevel.SmallestSize), Precompressor.Gzip(page, Precompressor.Level.Best));
    }

    [Fact]
    public void Given_the_two_levels_Then_each_names_its_own_rule_for_the_cache_key()
    {
        Assert.Equal("brotli 6; gzip optimal", Precompressor.Rule(Precompressor.Level.Fast));
        Assert.Equal("brotli 11 up to 64 KiB, 7 above", Precompressor.Rule(Precompressor.Level.Best));
    }
}
