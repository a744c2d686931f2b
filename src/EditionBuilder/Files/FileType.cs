namespace EditionBuilder.Files;

/// <summary>The POSIX file type of a path (the S_IFMT bits of statx), seen without following a symbolic link at its end.</summary>
public enum FileType
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>How file types are described to the publisher.</summary>
public static class FileTypeText
{
    /// <summary>"a FIFO (named pipe)", "a device", …: the words a diagnostic uses for a file type.</summary>
    public static string Describe(FileType kind) => kind switch
    {
        FileType.Missing => "missing",
        FileType.Regular => "a regular file",
        FileType.Directory => "a folder",
        FileType.SymbolicLink => "a symbolic link",
        FileType.Fifo => "a FIFO (named pipe)",
        FileType.CharacterDevice => "a character device",
        FileType.BlockDevice => "a block device",
        FileType.Socket => "a socket",
        _ => "a special file",
    };
}
