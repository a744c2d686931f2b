namespace EditionBuilder.Files;

/// <summary>Writes a file whole or not at all: into a temporary file of its own beside it, flushed to disk, then renamed over it in one step, so a reader, a crash or a second writer never sees half a file.</summary>
/// <remarks>The temporary is "&lt;name&gt;.&lt;pid&gt;.&lt;random&gt;.tmp" in the same folder (a rename never crosses file systems), created new (never opened through a link), and removed when anything fails;
/// <see cref="IsLeftover"/> tells those a killed process left. A link at the target's name is never written through: the rename replaces the name, not what it points to.</remarks>
public static class AtomicFile
{
    /// <summary>What to do when the target's name is not a regular file (a symbolic link, a FIFO, a device): neither is ever written through.</summary>
    public enum NotAFile
    {
        /// <summary>Refuse with an <see cref="IOException"/>: the name is the user's, and a link there is theirs too.</summary>
        Refuse,

        /// <summary>Put the file in its place: the name is the tool's own (a cache entry, a deploy's state), and anything else there is damage to repair.</summary>
        Replace,
    }

    /// <summary>Writes these bytes as the file at <paramref name="path"/>.</summary>
    public static void Write(string path, ReadOnlyMemory<byte> bytes, NotAFile notAFile = NotAFile.Refuse, bool flushToDisk = true) =>
        Write(path, stream => stream.Write(bytes.Span), notAFile, flushToDisk);

    /// <summary>Writes what <paramref name="write"/> writes to the stream as the file at <paramref name="path"/>; the folder must exist.</summary>
    /// <param name="flushToDisk">Whether the bytes reach the disk before the rename, so a power cut leaves the old file or the new one, never an empty one; a caller whose files carry their own checksum may skip it.</param>
    public static void Write(string path, Action<FileStream> write, NotAFile notAFile = NotAFile.Refuse, bool flushToDisk = true)
    {
        // A folder is never replaced either way: rename(2) refuses to put a file over one (EISDIR).
        var kind = NativeFiles.Kind(path);
        if (notAFile == NotAFile.Refuse && kind is not (FileType.Missing or FileType.Regular))
        {
            throw new IOException($"{path} is {FileTypeText.Describe(kind)}, not a regular file: it is never written through or replaced");
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(file);
                file.Flush(flushToDisk);
            }

            // rename(2): replaces the name whatever it is now (a link made since the check above is replaced, not followed).
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            if (NativeFiles.Kind(temporary) == FileType.Regular) TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Whether a file is a temporary "&lt;name&gt;.&lt;pid&gt;.&lt;random&gt;.tmp" of a process no longer running (or of this one, which is not writing it any more when it cleans).</summary>
    public static bool IsLeftover(string file)
    {
        var parts = Path.GetFileName(file).Split('.');
        return parts.Length >= 4 && parts[^1] == "tmp" && int.TryParse(parts[^3], out var pid)
            && (pid == Environment.ProcessId || !NativeFiles.IsRunning(pid));
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
