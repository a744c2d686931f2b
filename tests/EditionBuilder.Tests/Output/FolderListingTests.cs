using System.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>The folder listing both rebuild walks use (getdents64 and a statx relative to the folder): it must say of each entry exactly what a statx of its path says, or a rebuild would keep a changed file or drop an unchanged one.</summary>
public class FolderListingTests
{
    [Fact]
    public void Given_files_folders_a_link_and_a_fifo_Then_each_entry_has_the_stat_of_its_path_and_no_link_is_followed()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "01-المقدمة.md"), "نص");
        File.WriteAllBytes(Path.Combine(temp.Path, "empty.txt"), []);
        Directory.CreateDirectory(Path.Combine(temp.Path, "ar"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "link.md"), Path.Combine(temp.Path, "01-المقدمة.md"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "dangling.md"), Path.Combine(temp.Path, "nowhere"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(temp.Path, "pipe"))) mkfifo.WaitForExit();

        var listed = FolderListing.List(temp.Path);

        Assert.NotNull(listed);
        Assert.Equal(["01-المقدمة.md", "ar", "dangling.md", "empty.txt", "link.md", "pipe"], listed.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var (name, stat, raw) in listed)
        {
            Assert.Null(raw);
            Assert.Equal(NativeFiles.Stat(Path.Combine(temp.Path, name)), stat);
        }
        var kinds = listed.ToDictionary(e => e.Name, e => e.Stat.Kind);
        Assert.Equal(FileType.Regular, kinds["01-المقدمة.md"]);
        Assert.Equal(FileType.Directory, kinds["ar"]);
        Assert.Equal(FileType.SymbolicLink, kinds["link.md"]);
        Assert.Equal(FileType.SymbolicLink, kinds["dangling.md"]);
        Assert.Equal(FileType.Fifo, kinds["pipe"]);
        Assert.Equal("نص"u8.Length, listed.Single(e => e.Name == "01-المقدمة.md").Stat.Length);
    }

    [Fact]
    public void Given_more_entries_than_one_read_holds_Then_every_one_is_listed_once()
    {
        using var temp = new TempFolder();
        // 1,500 names of about 60 bytes: over 100 KB of records, more than three of the listing's buffers.
        var names = Enumerable.Range(0, 1500).Select(i => $"{i:D4}-فصل-طويل-الاسم-لملء-المخزن.md").ToList();
        foreach (var name in names) File.WriteAllText(Path.Combine(temp.Path, name), name);

        var listed = FolderListing.List(temp.Path);

        Assert.NotNull(listed);
        Assert.Equal(names, listed.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2024-03-01T10:20:30.1234567Z")]
    [InlineData("1969-12-31T23:59:59.9999999Z")]
    [InlineData("1960-06-15T08:00:00.0000001Z")]
    public void Given_a_modification_time_Then_its_ticks_are_those_FileInfo_gives(string time)
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "page.html");
        File.WriteAllText(file, "<p>");
        File.SetLastWriteTimeUtc(file, DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));

        var listed = FolderListing.List(temp.Path);

        Assert.NotNull(listed);
        Assert.Equal(new FileInfo(file).LastWriteTimeUtc.Ticks, listed.Single().Stat.ModifiedUtcTicks);
    }

    /// <summary>Makes entries whose names are not UTF-8 text (which .NET cannot name) with the shell: byte 0xFF in each name.</summary>
    internal static void MakeUnnamed(string folder, string script)
    {
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { WorkingDirectory = folder })!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    [Fact]
    public void Given_names_that_are_not_text_Then_they_are_listed_with_their_bytes_and_removed_by_them_without_following_a_link()
    {
        using var temp = new TempFolder();
        var outside = temp.File("outside/keep.txt", "the user's own file");
        Directory.CreateDirectory(Path.Combine(temp.Path, "site"));
        File.WriteAllText(Path.Combine(temp.Path, "site", "page.html"), "<p>");
        MakeUnnamed(Path.Combine(temp.Path, "site"), "printf x > \"$(printf 'junk\\377.html')\"; mkdir \"$(printf 'dir\\377')\"; printf y > \"$(printf 'dir\\377')/evil.html\"; ln -s ../outside \"$(printf 'link\\377')\"");

        var listed = FolderListing.List(Path.Combine(temp.Path, "site"))!;
        var unnamed = listed.Where(e => e.RawName is not null).ToList();
        Assert.Equal(["dir\uFFFD", "junk\uFFFD.html", "link\uFFFD"], unnamed.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0xFF, unnamed.Single(e => e.Name == "junk\uFFFD.html").RawName![4]);

        foreach (var entry in unnamed) FolderListing.Remove(Path.Combine(temp.Path, "site"), entry.RawName!);

        Assert.Equal(["page.html"], FolderListing.List(Path.Combine(temp.Path, "site"))!.Select(e => e.Name));
        Assert.Equal("the user's own file", File.ReadAllText(outside));
    }

    [Fact]
    public void Given_a_missing_folder_or_a_file_Then_it_is_a_folder_not_found()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "file.txt");
        File.WriteAllText(file, "x");

        Assert.Throws<DirectoryNotFoundException>(() => FolderListing.List(Path.Combine(temp.Path, "missing")));
        Assert.Throws<DirectoryNotFoundException>(() => FolderListing.List(file));
    }
}
