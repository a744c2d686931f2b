using System.Runtime.InteropServices;

namespace EditionBuilder.Output;

/// <summary>An exclusive flock(2) on a deploy target's releases folder, held while a deploy or rollback reads and changes it, so runs on one target take turns.</summary>
/// <remarks>The lock is on the folder itself (no lock file to clean up), is released by the kernel when the process dies (a killed run never leaves it held), and, taken on a separate open of the folder each time, also keeps threads of one process apart. Linux only; elsewhere runs are not serialized.</remarks>
internal sealed partial class DeployLock : IDisposable
{
    private const int LockExclusive = 2, LockNonBlocking = 4, LockUnlock = 8;
    private const int EINTR = 4, EWOULDBLOCK = 11;
    private const int OReadOnly = 0, OCloseOnExec = 0x80000;

    // O_DIRECTORY and O_NOFOLLOW differ between architectures (include/uapi/asm-generic/fcntl.h against arch/arm64).
    private static readonly int ODirectory = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    private int _descriptor;

    private DeployLock(int descriptor) => _descriptor = descriptor;

    /// <summary>Takes the lock, waiting for the run that holds it; <paramref name="waiting"/> is told once when it has to wait.</summary>
    public static DeployLock Take(string releases, string target, Action<string>? waiting)
    {
        if (!OperatingSystem.IsLinux()) return new DeployLock(-1);
        var descriptor = Open(releases, OReadOnly | ODirectory | ONoFollow | OCloseOnExec);
        if (descriptor < 0) throw new IOException($"could not open {releases} to lock it (errno {Marshal.GetLastPInvokeError()})");
        if (Flock(descriptor, LockExclusive | LockNonBlocking) == 0) return new DeployLock(descriptor);

        var errno = Marshal.GetLastPInvokeError();
        if (errno != EWOULDBLOCK)
        {
            Close(descriptor);
            throw new IOException($"could not lock {releases} (errno {errno})");
        }

        waiting?.Invoke($"waiting for another deploy or rollback of {target} to finish…");
        while (Flock(descriptor, LockExclusive) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR) continue;
            Close(descriptor);
            throw new IOException($"could not lock {releases} (errno {errno})");
        }

        return new DeployLock(descriptor);
    }

    public void Dispose()
    {
        var descriptor = Interlocked.Exchange(ref _descriptor, -1);
        if (descriptor < 0) return;
        Flock(descriptor, LockUnlock);
        Close(descriptor);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
