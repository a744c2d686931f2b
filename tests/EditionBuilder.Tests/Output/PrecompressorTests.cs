using System.IO.Compression;
using System.Text;
using EditionBuilder.Output;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>The .br and .gz copies: exactly the input once decompressed, brotli 11 for the pages a reader opens, a cheaper quality for large files.</summary>
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

        var br = Precompressor.Brotli(page);

        Assert.Equal(Brotli(page, 11), br);
        Assert.Equal(page, Unbrotli(br));
        Assert.Equal(page, Ungzip(Precompressor.Gzip(page)));
    }

    [Fact]
    public void Given_a_full_text_larger_than_a_page_When_compressed_best_Then_it_is_brotli_7_and_whole()
    {
        var fullText = Page(130 * 1024);

        var br = Precompressor.Brotli(fullText);

        Assert.Equal(Brotli(fullText, 7), br);
        Assert.NotEqual(Brotli(fullText, 11), br);
        Assert.Equal(fullText, Unbrotli(br));
    }

    [Fact]
    public void Given_any_size_When_compressed_fast_Then_it_is_brotli_5()
    {
        var page = Page(12 * 1024);

        Assert.Equal(Brotli(page, 5), Precompressor.Brotli(page, Precompressor.Level.Fast));
    }
}
