using System.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>One file written whole or not at all: concurrent writers leave one of them whole, a failure leaves the old file and no temporary, and a link, a FIFO or a folder at the name is never written through.</summary>
public class AtomicFileTests
{
    // Large enough that two writers' bytes interleave on disk if they shared a temporary file.
    private static byte[] Payload(byte fill) => Enumerable.Repeat(fill, 4 * 1024 * 1024).ToArray();

    private static string[] Entries(string folder) => Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task Given_two_writers_of_the_same_file_at_once_Then_both_complete_and_the_file_is_one_of_them_whole()
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "state");
        byte[] first = Payload((byte)'a'), second = Payload((byte)'b');

        for (var round = 0; round < 10; round++)
        {
            using var start = new Barrier(2);
            var writers = new[] { first, second }.Select(bytes => Task.Run(() =>
            {
                start.SignalAndWait();
                AtomicFile.Write(target, bytes);
            })).ToArray();
            await Task.WhenAll(writers);

            var written = File.ReadAllBytes(target);
            Assert.True(written.SequenceEqual(first) || written.SequenceEqual(second), "the file is one writer's bytes, whole");
            Assert.Equal(["state"], Entries(temp.Path));
        }
    }

    [Fact]
    public void Given_a_writer_that_fails_half_way_Then_the_old_file_is_kept_and_no_temporary_is_left()
    {
        using var temp = new TempFolder();
        var target = temp.File("crossref.xml", "the last good deposit");

        var failure = Assert.Throws<IOException>(() => AtomicFile.Write(target, stream =>
        {
            stream.Write(Payload((byte)'x'));
            throw new IOException("no space left on device");
        }));

        Assert.Equal("no space left on device", failure.Message);
        Assert.Equal("the last good deposit", File.ReadAllText(target));
        Assert.Equal(["crossref.xml"], Entries(temp.Path));
    }

    [Fact]
    public void Given_a_file_When_written_Then_it_holds_the_new_bytes_and_a_missing_one_is_created()
    {
        using var temp = new TempFolder();
        var existing = temp.File("old.txt", "old");
        var missing = Path.Combine(temp.Path, "new.txt");

        AtomicFile.Write(existing, "new"u8.ToArray());
        AtomicFile.Write(missing, "made"u8.ToArray(), flushToDisk: false);

        Assert.Equal(("new", "made"), (File.ReadAllText(existing), File.ReadAllText(missing)));
        Assert.Equal(["new.txt", "old.txt"], Entries(temp.Path));
    }

    [Fact]
    public void Given_a_symbolic_link_at_the_name_When_refused_Then_nothing_changes_and_when_replaced_Then_the_link_goes_and_its_target_is_untouched()
    {
        using var temp = new TempFolder();
        var victim = temp.File("victim.txt", "keep me");
        var target = Path.Combine(temp.Path, "out.xml");
        File.CreateSymbolicLink(target, victim);

        var refused = Assert.Throws<IOException>(() => AtomicFile.Write(target, "written through"u8.ToArray()));

        Assert.Contains("is a symbolic link", refused.Message, StringComparison.Ordinal);
        Assert.Equal(victim, new FileInfo(target).LinkTarget);
        Assert.Equal(["out.xml", "victim.txt"], Entries(temp.Path));

        AtomicFile.Write(target, "in the link's place"u8.ToArray(), AtomicFile.NotAFile.Replace);

        Assert.Equal(FileType.Regular, NativeFiles.Kind(target));
        Assert.Equal(("in the link's place", "keep me"), (File.ReadAllText(target), File.ReadAllText(victim)));
        Assert.Equal(["out.xml", "victim.txt"], Entries(temp.Path));
    }

    [Fact]
    public void Given_a_fifo_at_the_name_When_refused_or_replaced_Then_it_is_never_opened()
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "entry");
        using (var mkfifo = Process.Start("mkfifo", target)) mkfifo.WaitForExit();

        Assert.Throws<IOException>(() => AtomicFile.Write(target, "x"u8.ToArray()));
        Assert.Equal(FileType.Fifo, NativeFiles.Kind(target));

        AtomicFile.Write(target, "x"u8.ToArray(), AtomicFile.NotAFile.Replace);

        Assert.Equal("x", File.ReadAllText(target));
        Assert.Equal(["entry"], Entries(temp.Path));
    }

    [Theory]
    [InlineData(AtomicFile.NotAFile.Refuse)]
    [InlineData(AtomicFile.NotAFile.Replace)]
    public void Given_a_folder_at_the_name_Then_it_is_refused_either_way_and_kept(AtomicFile.NotAFile notAFile)
    {
        using var temp = new TempFolder();
        var folder = temp.File("site/index.html", "a page");

        Assert.Throws<IOException>(() => AtomicFile.Write(Path.GetDirectoryName(folder)!, "x"u8.ToArray(), notAFile));

        Assert.Equal("a page", File.ReadAllText(folder));
        Assert.Equal(["site"], Entries(temp.Path));
    }

    [Fact]
    public void Given_temporaries_Then_only_those_of_a_process_no_longer_running_or_of_this_one_are_leftovers()
    {
        var dead = DeployTests.DeadProcessId();

        Assert.True(AtomicFile.IsLeftover($"/x/entry.page.{dead}.{Guid.NewGuid():N}.tmp"));
        Assert.True(AtomicFile.IsLeftover($"/x/entry.page.{Environment.ProcessId}.0123.tmp"));
        Assert.False(AtomicFile.IsLeftover($"/x/entry.page.1.{Guid.NewGuid():N}.tmp")); // init runs
        Assert.False(AtomicFile.IsLeftover($"/x/entry.page.{dead}.{Guid.NewGuid():N}"));
        Assert.False(AtomicFile.IsLeftover("/x/notes.tmp"));
    }
}
