using EditionBuilder.Cache;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>The site's stamps as the cache keeps them: read back as written, in path order; anything cut or damaged is refused (every file is then looked at again), never an exception.</summary>
public class OutputStampsTests
{
    private static Dictionary<string, FileStamp> Sample() => new(StringComparer.Ordinal)
    {
        ["small/index.html"] = new(5000, 638_700_000_000_000_001, new string('a', 64)),
        ["index.html"] = new(12, 638_700_000_000_000_002, FileStamp.Hash("x"u8)),
        ["صغير/01.html"] = new(0, 1, new string('0', 64)),
    };

    [Fact]
    public void Given_stamps_When_written_and_read_Then_each_comes_back_and_the_bytes_do_not_depend_on_their_order()
    {
        var stamps = Sample();

        var bytes = OutputStamps.Write(stamps);

        Assert.Equal(stamps, OutputStamps.Read(bytes));
        Assert.Equal(bytes, OutputStamps.Write(stamps.Reverse().ToDictionary()));
    }

    [Fact]
    public void Given_a_stamp_without_a_whole_SHA_256_When_written_Then_it_is_left_out()
    {
        var stamps = Sample();
        stamps["broken.html"] = new FileStamp(1, 1, "abc");

        var read = OutputStamps.Read(OutputStamps.Write(stamps));

        Assert.NotNull(read);
        Assert.DoesNotContain("broken.html", read.Keys);
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public void Given_the_record_cut_anywhere_or_with_any_byte_damaged_When_read_Then_it_is_refused_or_read_without_an_exception()
    {
        var bytes = OutputStamps.Write(Sample());

        for (var length = 0; length < bytes.Length; length++) Assert.Null(OutputStamps.Read(bytes[..length]));
        Assert.Null(OutputStamps.Read((byte[])[.. bytes, 0]));
        for (var i = 0; i < bytes.Length; i++)
        {
            var damaged = bytes.ToArray();
            damaged[i] ^= 0xFF;
            _ = OutputStamps.Read(damaged);
        }
    }
}
