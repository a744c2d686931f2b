using System.Net;
using System.Net.Sockets;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary><c>edition serve</c>: a loopback preview that rebuilds on change, tells the open page to reload, and keeps serving the last good build when an edit breaks it.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private System.Diagnostics.Process? _server;

    [Fact]
    public async Task Given_a_served_edition_When_a_chapter_changes_Then_the_page_is_told_to_reload_and_shows_the_change()
    {
        SmallEdition.WriteTo(Path.Combine(_temp.Path, "content"));
        var port = Folders.FreePort();
        _server = EditionProcess.Start(_temp.Path, null, "serve", "content", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ready = await ReadUntil(_server.StandardOutput, "serving ");
        Assert.Contains($"http://127.0.0.1:{port}", ready);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };

        var page = await client.GetStringAsync("small/02-alkhatma.html");
        Assert.Contains("__edition/reload.js", page);
        Assert.Contains("خاتمة", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("small/nothing.html")).StatusCode);

        using var events = await client.GetStreamAsync("__edition/events");
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync());
        var chapter = Path.Combine(_temp.Path, "content", "small", "ar", "02-alkhatma.md");
        await File.WriteAllTextAsync(chapter, (await File.ReadAllTextAsync(chapter)).Replace("خاتمة[^2].", "خاتمة معدلة[^2].", StringComparison.Ordinal));

        var reload = reader.ReadLineAsync();
        Assert.Same(reload, await Task.WhenAny(reload, Task.Delay(TimeSpan.FromSeconds(15))));
        Assert.Equal(string.Empty, await reload);
        Assert.Equal("data: rebuilt", await reader.ReadLineAsync());
        Assert.Contains("خاتمة معدلة", await client.GetStringAsync("small/02-alkhatma.html"));

        // A broken edit keeps the last good build on screen.
        var failed = ReadUntil(_server.StandardError, "rebuild failed");
        await File.AppendAllTextAsync(chapter, "\nإحالة بلا ملاحظة[^77].\n");
        await failed;
        Assert.Contains("خاتمة معدلة", await client.GetStringAsync("small/02-alkhatma.html"));
    }

    [Fact]
    public async Task Given_a_served_edition_When_edits_break_it_in_three_ways_each_followed_by_a_good_edit_Then_it_stays_up_serving_the_last_good_site()
    {
        var content = Path.Combine(_temp.Path, "content");
        SmallEdition.WriteTo(content);
        var port = Folders.FreePort();
        _server = EditionProcess.Start(_temp.Path, null, "serve", "content", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = new Lines(_server.StandardOutput);
        var errors = new Lines(_server.StandardError);
        await output.WaitFor("serving ");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
        var chapter = Path.Combine(content, "small", "ar", "02-alkhatma.md");
        var metadata = Path.Combine(content, "small", "article.yml");
        var goodChapter = await File.ReadAllTextAsync(chapter);
        var goodMetadata = await File.ReadAllTextAsync(metadata);

        async Task GoodEdit(string word)
        {
            var rebuilt = output.WaitFor("rebuilt ");
            await File.WriteAllTextAsync(chapter, goodChapter.Replace("خاتمة[^2].", $"خاتمة {word}[^2].", StringComparison.Ordinal));
            await rebuilt;
            Assert.Contains(word, await client.GetStringAsync("small/02-alkhatma.html"));
        }

        async Task BrokenEdit(Func<Task> edit, string lastGood)
        {
            var failed = errors.WaitFor("rebuild failed");
            await edit();
            await failed;
            Assert.False(_server.HasExited);
            Assert.Contains(lastGood, await client.GetStringAsync("small/02-alkhatma.html"));
        }

        // An empty value in article.yml ("not given"), then a YAML syntax error.
        var settled = Task.WhenAny(output.WaitFor("rebuilt "), errors.WaitFor("rebuild failed"));
        await File.WriteAllTextAsync(metadata, goodMetadata + "date:\n");
        await await settled;
        Assert.False(_server.HasExited);
        Assert.Contains("خاتمة", await client.GetStringAsync("small/02-alkhatma.html"));
        await BrokenEdit(() => File.WriteAllTextAsync(metadata, goodMetadata + "volume: [\n"), "خاتمة");
        await File.WriteAllTextAsync(metadata, goodMetadata);
        await GoodEdit("أولى");

        // Two thousand nested quotes.
        await BrokenEdit(() => File.WriteAllTextAsync(chapter, goodChapter + "\n" + new string('>', 2000) + " نص\n"), "أولى");
        await GoodEdit("ثانية");

        // An editor's lock file: Emacs makes .#name as a dangling symbolic link on the first edit. It is ignored, so the build is good.
        var rebuilt = output.WaitFor("rebuilt ");
        File.CreateSymbolicLink(Path.Combine(content, "small", "ar", ".#02-alkhatma.md"), "user@host.1234:1700000000");
        await rebuilt;
        await GoodEdit("ثالثة");

        // Only this machine's host names are answered (DNS rebinding).
        using var request = new HttpRequestMessage(HttpMethod.Get, "small/02-alkhatma.html");
        request.Headers.Host = "attacker.example:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.SendAsync(request)).StatusCode);
        Assert.False(_server.HasExited);
    }

    /// <summary>The lines a process prints, waited for by content rather than by time.</summary>
    private sealed class Lines
    {
        private readonly List<string> _lines = new();
        private readonly List<(string Marker, TaskCompletionSource<string> Seen)> _waiting = new();

        public Lines(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                    foreach (var waiter in _waiting.Where(w => line.StartsWith(w.Marker, StringComparison.Ordinal)).ToList())
                    {
                        waiter.Seen.TrySetResult(line);
                        _waiting.Remove(waiter);
                    }
                }
            }
        });

        /// <summary>Completes with the next line starting with the marker (printed after this call).</summary>
        public Task<string> WaitFor(string marker)
        {
            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lines) _waiting.Add((marker, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static async Task<string> ReadUntil(StreamReader output, string marker)
    {
        var deadline = Task.Delay(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = output.ReadLineAsync();
            if (await Task.WhenAny(line, deadline) == deadline) throw new TimeoutException($"no '{marker}' line from edition serve");
            var text = await line ?? throw new InvalidOperationException("edition serve stopped");
            if (text.StartsWith(marker, StringComparison.Ordinal)) return text;
        }
    }


    [Fact]
    public void Given_a_port_in_use_When_serve_starts_Then_it_says_so_in_one_line_before_building_and_exits_2()
    {
        SmallEdition.WriteTo(Path.Combine(_temp.Path, "content"));
        var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;

            var result = Support.Cli.Run(_temp.Path, "serve", "content", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-search");

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith($"edition: port {port} on 127.0.0.1 is in use", result.Errors);
            Assert.DoesNotContain("internal failure", result.Errors);
            Assert.Empty(result.Output); // said before any build
        }
        finally
        {
            busy.Stop();
        }
    }

    public void Dispose()
    {
        if (_server is { HasExited: false }) { _server.Kill(entireProcessTree: true); _server.WaitForExit(); }
        _server?.Dispose();
        _temp.Dispose();
    }
}
