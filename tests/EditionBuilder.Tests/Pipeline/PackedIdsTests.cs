using EditionBuilder.Cache;
using EditionBuilder.Pipeline;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>A page's ids as the cache packs them: read back as written when asked for, and a block that is not whole refused when read, so that asking later never fails.</summary>
public class PackedIdsTests
{
    private static readonly string[] Ids = ["top", "p-1-1", "fn-1", "fnref-1", "مقدمة", ""];

    [Fact]
    public void Given_ids_When_packed_and_read_Then_they_come_back_in_order()
    {
        var read = PackedIds.From(PackedIds.Pack(Ids));

        Assert.NotNull(read);
        Assert.Equal(Ids, read);
        Assert.Equal(Ids.Length, read.Count);
        Assert.Equal("مقدمة", read[4]);
        Assert.Empty(PackedIds.From(PackedIds.Pack([]))!);
    }

    [Fact]
    public void Given_a_block_cut_anywhere_or_with_a_byte_too_many_or_a_huge_count_When_read_Then_it_is_refused()
    {
        var block = PackedIds.Pack(Ids);

        for (var length = 0; length < block.Length; length++) Assert.Null(PackedIds.From(block[..length]));
        Assert.Null(PackedIds.From([.. block, 0]));
        Assert.Null(PackedIds.From([0xFF, 0xFF, 0xFF, 0xFF, 0x7F]));
        Assert.Null(PackedIds.From([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]));
    }

    [Fact]
    public void Given_any_one_byte_of_a_block_damaged_When_read_and_asked_for_Then_nothing_throws()
    {
        var block = PackedIds.Pack(Ids);
        for (var i = 0; i < block.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var damaged = block.ToArray();
                damaged[i] ^= (byte)(1 << bit);
                _ = PackedIds.From(damaged)?.ToList();
            }
        }
    }
}
