using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Federation.Gateway.Audit.Spool;

/// <summary>
/// The file operations the spool makes records durable with — a seam so tests put a disk that fails
/// (ENOSPC, EIO) under the writer: as root, file permissions do not stop a write.
/// </summary>
internal interface ISpoolStorage
{
    /// <summary>Opens <paramref name="path"/> to read and write, making it when <paramref name="create"/> (it must not exist then).</summary>
    ISpoolFile Open(string path, bool create);

    /// <summary>Makes the directory's entries (a file made, renamed, deleted) durable.</summary>
    void SyncDirectory(string path);
}

/// <summary>One segment file, written at explicit offsets.</summary>
internal interface ISpoolFile : IDisposable
{
    long Length { get; }

    int Read(Span<byte> buffer, long offset);

    void Write(ReadOnlySpan<byte> data, long offset);

    /// <summary>fsync: the data and the length are on the disk when this returns.</summary>
    void Flush();

    /// <summary>
    /// fdatasync: the data is on the disk when this returns, and the metadata needed to read it back (the
    /// length) — but not times. Enough for a write below a length that was already fsync'd, and it spares
    /// the file system's journal commit.
    /// </summary>
    void FlushData();

    void SetLength(long length);
}

/// <summary>The real files, through <see cref="RandomAccess"/>.</summary>
internal sealed class FileSpoolStorage : ISpoolStorage
{
    public static FileSpoolStorage Instance { get; } = new();

    public ISpoolFile Open(string path, bool create)
    {
        var options = new FileStreamOptions
        {
            Mode = create ? FileMode.CreateNew : FileMode.Open,
            Access = FileAccess.ReadWrite,
            // Readers (the shipper, the reading API) read while the writer appends; the spool's lock file keeps other writers out.
            Share = FileShare.ReadWrite | FileShare.Delete,
        };
        if (create && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Unbuffered: every write goes at an explicit offset through RandomAccess on the stream's handle.
        options.BufferSize = 0;
        return new SegmentFile(new FileStream(path, options));
    }

    public void SyncDirectory(string path)
    {
        // .NET opens no directory handle to fsync; without it a file made or renamed can vanish in a crash.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = OpenDirectory(path, 0x10000 /* O_DIRECTORY */);
        if (descriptor < 0)
        {
            throw new IOException($"The audit spool directory {path} could not be opened to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (SyncDescriptor(descriptor) != 0)
            {
                throw new IOException($"The audit spool directory {path} could not be synced (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = CloseDescriptor(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenDirectory([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int SyncDescriptor(int descriptor);

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static extern int SyncData(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseDescriptor(int descriptor);

    private sealed class SegmentFile(FileStream stream) : ISpoolFile
    {
        private readonly SafeFileHandle handle = stream.SafeFileHandle;

        public long Length => RandomAccess.GetLength(handle);

        public int Read(Span<byte> buffer, long offset) => RandomAccess.Read(handle, buffer, offset);

        public void Write(ReadOnlySpan<byte> data, long offset) => RandomAccess.Write(handle, data, offset);

        public void Flush() => RandomAccess.FlushToDisk(handle);

        public void FlushData()
        {
            if (!OperatingSystem.IsLinux())
            {
                RandomAccess.FlushToDisk(handle);
                return;
            }

            var added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                if (SyncData((int)handle.DangerousGetHandle()) != 0)
                {
                    throw new IOException($"The audit spool segment could not be synced (errno {Marshal.GetLastPInvokeError()}).");
                }
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        public void SetLength(long length) => RandomAccess.SetLength(handle, length);

        public void Dispose() => stream.Dispose();
    }
}
