using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace EditionBuilder.Files;

/// <summary>
/// A regular file mapped into memory, read-only, as <see cref="Memory{T}"/>: its pages come from the page cache as they are read,
/// many to a fault, instead of being copied into fresh memory (a journal's article index is megabytes, and on a small VM
/// every fresh page costs a fault of about 20 µs).
/// </summary>
/// <remarks>
/// Only a regular file is mapped (<see cref="NativeFiles.OpenRegular"/>: never a FIFO, a device or a link). The mapping is
/// released by <see cref="IDisposable.Dispose"/>, after which no memory taken from it may be used (no finalizer: a span does
/// not keep its memory's owner alive), or when the process ends. The cache
/// replaces its files by renaming a new file over the name, so a mapped file never changes under its reader; a file cut short
/// by hand while mapped would end the process (SIGBUS), as it would for any program that maps files.
/// </remarks>
public sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;
    private int _released;

    private MappedFile(MemoryMappedViewAccessor view, byte* pointer, int length)
    {
        _view = view;
        _pointer = pointer;
        _length = length;
    }

    /// <summary>The file at <paramref name="path"/> mapped; null when it is missing, empty, over 2 GB or not a regular file.</summary>
    public static MappedFile? Open(string path)
    {
        using var handle = NativeFiles.OpenRegular(path, out _);
        if (handle is null) return null;
        var length = RandomAccess.GetLength(handle);
        if (length is 0 or > int.MaxValue) return null;
        using var map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        return new MappedFile(view, pointer + view.PointerOffset, (int)length);
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex, pinnable: this);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
    }
}
