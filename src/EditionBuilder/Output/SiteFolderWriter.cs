using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace EditionBuilder.Output;

/// <summary>Writes a site's files into a fresh folder; a file whose bytes the last good site already holds is hard-linked from it rather than written again.</summary>
/// <remarks>Creating an inode costs far more than linking one on ext4, and most files of a rebuild are unchanged. The last good site is only read, never changed.</remarks>
public sealed partial class SiteFolderWriter(string root, string? previous = null)
{
    private readonly ConcurrentDictionary<string, Lazy<bool>> _folders = new(StringComparer.Ordinal);
    private int _written, _linked;

    public string Root { get; } = root;

    /// <summary>Files written with new bytes.</summary>
    public int Written => _written;

    /// <summary>Files linked unchanged from the last good site.</summary>
    public int Linked => _linked;

    public void Write(string relative, byte[] bytes)
    {
        var full = AtomicFolder.SafeCombine(Root, relative);
        var folder = Path.GetDirectoryName(full)!;
        // Each folder is made once; a second writer to the same folder waits for the first.
        _ = _folders.GetOrAdd(folder, f => new Lazy<bool>(() => Directory.CreateDirectory(f).Exists)).Value;
        if (previous is not null && TryLinkSame(AtomicFolder.SafeCombine(previous, relative), full, bytes))
        {
            Interlocked.Increment(ref _linked);
            return;
        }

        using (var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
        }

        Interlocked.Increment(ref _written);
    }

    private static bool TryLinkSame(string existing, string created, byte[] bytes)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        try
        {
            // One lstat: a symbolic link is never linked (link(2) would link the symlink itself, not the file).
            var info = new FileInfo(existing);
            if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.Length != bytes.Length) return false;
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
            try
            {
                using (var handle = File.OpenHandle(existing))
                {
                    var read = 0;
                    while (read < bytes.Length)
                    {
                        var n = RandomAccess.Read(handle, buffer.AsSpan(read, bytes.Length - read), read);
                        if (n == 0) return false;
                        read += n;
                    }
                }

                if (!buffer.AsSpan(0, bytes.Length).SequenceEqual(bytes)) return false;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return Link(existing, created) == 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string created);
}
