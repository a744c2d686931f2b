using EditionBuilder.Output;
using Xunit;

namespace EditionBuilder.Tests.Package;

/// <summary>Unchanged files of a rebuild are linked from the last good site, which is never changed.</summary>
public class SiteFolderWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "eb-writer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Given_a_last_good_site_When_a_rebuild_writes_one_changed_and_one_unchanged_file_Then_only_the_changed_one_is_written_and_the_old_site_is_untouched()
    {
        var previous = Path.Combine(_root, "site");
        Directory.CreateDirectory(Path.Combine(previous, "a"));
        File.WriteAllText(Path.Combine(previous, "a", "same.html"), "same");
        File.WriteAllText(Path.Combine(previous, "a", "edited.html"), "old text");
        var writer = new SiteFolderWriter(Path.Combine(_root, "staging"), previous);

        writer.Write("a/same.html", "same"u8.ToArray());
        writer.Write("a/edited.html", "new text"u8.ToArray());
        writer.Write("a/b/new.html", "new"u8.ToArray());

        Assert.Equal((2, 1), (writer.Written, writer.Linked));
        Assert.Equal("same", File.ReadAllText(Path.Combine(_root, "staging", "a", "same.html")));
        Assert.Equal("new text", File.ReadAllText(Path.Combine(_root, "staging", "a", "edited.html")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(_root, "staging", "a", "b", "new.html")));
        Assert.Equal("old text", File.ReadAllText(Path.Combine(previous, "a", "edited.html")));
    }

    [Fact]
    public void Given_a_path_leaving_the_folder_When_written_Then_it_is_refused()
    {
        var writer = new SiteFolderWriter(Path.Combine(_root, "staging"));

        Assert.Throws<InvalidOperationException>(() => writer.Write("../escape.html", "x"u8.ToArray()));
        Assert.False(File.Exists(Path.Combine(_root, "escape.html")));
    }
}
