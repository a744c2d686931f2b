using System.Collections;

namespace EditionBuilder.Cache;

/// <summary>A page's ids as its cache entry keeps them: one block of bytes (a count, then each id as BinaryWriter writes a string), made into strings only when a link's fragment names the page.</summary>
/// <remarks>Most pages of a rebuild are replayed and never the target of a fragment the build checks: decoding every page's ids was most of the cost of reading a journal's article entries. The block is checked whole when read (<see cref="IsWellFormed"/>), so decoding it later cannot fail.</remarks>
internal sealed class PackedIds : IReadOnlyList<string>
{
    private readonly byte[] _block;
    private string[]? _ids;

    private PackedIds(byte[] block) => _block = block;

    /// <summary>The ids, or null when the block is not one: a count and exactly that many strings, nothing after.</summary>
    public static PackedIds? From(byte[] block) => IsWellFormed(block) ? new PackedIds(block) : null;

    public static byte[] Pack(IReadOnlyList<string> ids)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8);
        writer.Write7BitEncodedInt(ids.Count);
        foreach (var id in ids) writer.Write(id);
        writer.Flush();
        return stream.ToArray();
    }

    public int Count => Ids.Length;

    public string this[int index] => Ids[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Ids).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string[] Ids => _ids ??= Unpack(_block);

    private static string[] Unpack(byte[] block)
    {
        using var reader = new BinaryReader(new MemoryStream(block, writable: false), System.Text.Encoding.UTF8);
        var ids = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < ids.Length; i++) ids[i] = reader.ReadString();
        return ids;
    }

    // Walks the lengths without making a string: a count, then each string's 7-bit length and that many bytes, ending exactly.
    private static bool IsWellFormed(ReadOnlySpan<byte> block)
    {
        var at = 0;
        if (!TryLength(block, ref at, out var count)) return false;
        for (var i = 0; i < count; i++)
        {
            if (!TryLength(block, ref at, out var length) || length > block.Length - at) return false;
            at += length;
        }

        return at == block.Length;
    }

    private static bool TryLength(ReadOnlySpan<byte> block, ref int at, out int value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= block.Length) return false;
            var b = block[at++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value >= 0;
        }

        return false;
    }
}
