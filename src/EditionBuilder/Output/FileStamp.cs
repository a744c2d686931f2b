namespace EditionBuilder.Output;

/// <summary>A site file as a build left it: length, modification time and SHA-256 of its bytes. The next build trusts a file whose length and time are unchanged to hold those bytes still (the quick check of make and rsync).</summary>
public sealed record FileStamp(long Length, long ModifiedTicks, string Sha256)
{
    /// <summary>The SHA-256 of a file's bytes as stamps and the build cache write it (lower-case hex).</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
