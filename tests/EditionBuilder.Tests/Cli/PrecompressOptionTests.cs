using System.IO.Compression;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>`--precompress`: fast unless asked (the command and the library's published options agree), best on request, and the cache never serves copies made at the other level.</summary>
public class PrecompressOptionTests
{
    private static byte[] Brotli(byte[] bytes, int quality)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        Assert.True(BrotliEncoder.TryCompress(bytes, buffer, out var written, quality, window: 22));
        return buffer[..written];
    }

    private static Support.Cli.Result Build(TempFolder temp, string site, params string[] extra)
    {
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        return Support.Cli.Run(temp.Path, ["build", "content", "-o", site, "--theme", Repo.Templates, "--no-cache", "--no-search", "--no-epub", "--no-jats", "--no-pdf", .. extra]);
    }

    [Fact]
    public void Given_no_precompress_option_When_built_Then_the_copies_are_the_fast_level_brotli_6()
    {
        using var temp = new TempFolder();

        var result = Build(temp, "site");

        Assert.Equal(0, result.ExitCode);
        var page = File.ReadAllBytes(Path.Combine(temp.Path, "site", "small", "01-almqdma.html"));
        Assert.Equal(Brotli(page, 6), File.ReadAllBytes(Path.Combine(temp.Path, "site", "small", "01-almqdma.html.br")));
        Assert.Equal(Precompressor.Gzip(page, Precompressor.Level.Fast), File.ReadAllBytes(Path.Combine(temp.Path, "site", "small", "01-almqdma.html.gz")));
        Assert.Equal(Precompressor.Level.Fast, BuildOptions.Published.Compression);
    }

    [Fact]
    public void Given_precompress_best_When_built_Then_the_pages_are_brotli_11()
    {
        using var temp = new TempFolder();

        var result = Build(temp, "site", "--precompress", "best");

        Assert.Equal(0, result.ExitCode);
        var page = File.ReadAllBytes(Path.Combine(temp.Path, "site", "small", "01-almqdma.html"));
        Assert.Equal(Brotli(page, 11), File.ReadAllBytes(Path.Combine(temp.Path, "site", "small", "01-almqdma.html.br")));
    }

    [Fact]
    public void Given_a_cache_filled_at_the_fast_level_When_built_best_Then_every_copy_is_made_again_and_then_reused()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        var site = Path.Combine(temp.Path, "site");
        var cache = Path.Combine(temp.Path, "cache");
        SmallEdition.WriteTo(content);
        FolderBuilds.Built Run(Precompressor.Level level) =>
            FolderBuilds.Run(content, site, Repo.Templates, cache, BuildOptions.Published.Without("pdf") with { Compression = level }, search: FolderBuilds.NoSearch);

        var fast = Run(Precompressor.Level.Fast);
        var best = Run(Precompressor.Level.Best);
        var again = Run(Precompressor.Level.Best);

        Assert.True(fast.Succeeded && best.Succeeded && again.Succeeded, fast.Said + best.Said + again.Said);
        Assert.True(fast.Build.Compressed > 2);
        Assert.Equal(best.Build.Compressed, best.Build.CompressedNow);
        Assert.Equal(0, again.Build.CompressedNow);
        var page = File.ReadAllBytes(Path.Combine(site, "small", "01-almqdma.html"));
        Assert.Equal(Brotli(page, 11), File.ReadAllBytes(Path.Combine(site, "small", "01-almqdma.html.br")));
    }
}
