namespace EditionBuilder.Cache;

/// <summary>A site file as a build left it: length, modification time and SHA-256 of its bytes. The next build trusts a file whose length and time are unchanged to hold those bytes still (the quick check of make and rsync).</summary>
public sealed record FileStamp(long Length, long ModifiedTicks, string Sha256)
{
    /// <summary>The SHA-256 of a file's bytes as stamps and the build cache write it (lower-case hex).</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    // Hashes of arrays still alive: the live preview's in-memory cache hands the same arrays to every rebuild.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], string> Hashes = new();

    /// <summary>Like <see cref="Hash"/>, computed once per array (arrays are never changed once made).</summary>
    public static string HashOf(byte[] bytes) => Hashes.GetValue(bytes, b => Hash(b));
}
