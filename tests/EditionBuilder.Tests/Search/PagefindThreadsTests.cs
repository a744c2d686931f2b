using EditionBuilder.Cache;
using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>Pagefind's worker threads, capped so that the Pagefinds running at once share the cores: the cap never changes the index's bytes, and a Pagefind that stops mid-index still fails cleanly with it.</summary>
public class PagefindThreadsTests
{
    private static IReadOnlyList<SearchablePage> SeedPages(PagefindTool tool)
    {
        // The seed built as SearchIndexTests builds it; its searchable pages in path order.
        return SearchIndexTests.BuildSeed(tool).Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && SearchIndex.IsSearchable(f.AsText()))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new SearchablePage(f.Path, f.AsText()))
            .ToList();
    }

    [Fact]
    public void Given_shards_indexed_at_once_When_threads_are_shared_Then_the_Pagefinds_never_hold_more_threads_than_there_are_cores()
    {
        var cores = Environment.ProcessorCount;
        Assert.Equal(cores, SearchIndex.ThreadsEach(1));
        Assert.Equal(cores, SearchIndex.ThreadsEach(0));
        foreach (var shards in new[] { 2, 3, 21, 200 })
        {
            var each = SearchIndex.ThreadsEach(shards);
            Assert.InRange(each, 1, cores);
            Assert.True(each * Math.Min(shards, SearchIndex.Workers) <= Math.Max(cores, SearchIndex.Workers), $"{shards} shards: {each} threads each");
        }
    }

    [SkippableFact]
    public void Given_the_seed_When_indexed_by_a_Pagefind_with_one_thread_and_with_every_core_Then_the_files_have_the_same_bytes()
    {
        var tool = Tools.RequirePagefind();
        var pages = SeedPages(tool);
        var index = new SearchIndex(tool);

        var one = index.BuildShard(string.Empty, pages, threads: 1);
        var every = index.BuildShard(string.Empty, pages, threads: Math.Max(2, Environment.ProcessorCount));

        Assert.Equal(12, pages.Count);
        Assert.Equal(["ar", "en", "fr"], one.Languages);
        Assert.Contains(one.Files, f => f.Path.StartsWith(SearchIndex.Folder + "fragment/", StringComparison.Ordinal));
        Assert.Equal(every.Files.Select(f => (f.Path, FileStamp.Hash(f.Bytes))), one.Files.Select(f => (f.Path, FileStamp.Hash(f.Bytes))));
    }

    [SkippableFact]
    public void Given_a_Pagefind_with_capped_threads_When_it_stops_mid_index_Then_the_shard_fails_with_a_Pagefind_error()
    {
        var tool = Tools.RequirePagefind();
        if (OperatingSystem.IsWindows()) return;
        var pages = SeedPages(tool);
        using var temp = new TempFolder();
        // The real Pagefind behind a pipe that ends after 40,000 bytes (a page or two, passed on byte by byte so none waits in a
        // buffer): it stops in the middle of the shard.
        // The wrapper also writes down the thread settings it was started with.
        var fake = temp.File("fake/pagefind",
            $"#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pagefind 1.6.0'; exit 0; fi\n"
            + $"echo \"$TOKIO_WORKER_THREADS $RAYON_NUM_THREADS\" > \"$(dirname \"$0\")/threads\"\n"
            + $"dd bs=1 count=40000 2>/dev/null | '{tool.Program}' \"$@\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var index = new SearchIndex(new PagefindTool(fake, PagefindTool.PinnedVersion));

        var failure = Assert.Throws<PagefindException>(() => index.BuildShard(string.Empty, pages, threads: 1));

        // Pagefind either answers the cut message with an error or ends; both are a PagefindException in the user's words.
        Assert.True(failure.Message.StartsWith("stopped answering while handling AddFile", StringComparison.Ordinal)
            || failure.Message.StartsWith("Unparseable message", StringComparison.Ordinal), failure.Message);
        Assert.Equal("1 1", File.ReadAllText(Path.Combine(temp.Path, "fake", "threads")).Trim());
    }
}
