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
        await File.AppendAllTextAsync(chapter, "\nإحالة بلا ملاحظة[^77].\n");
        await Task.Delay(1500);
        Assert.Contains("خاتمة معدلة", await client.GetStringAsync("small/02-alkhatma.html"));
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


    public void Dispose()
    {
        if (_server is { HasExited: false }) { _server.Kill(entireProcessTree: true); _server.WaitForExit(); }
        _server?.Dispose();
        _temp.Dispose();
    }
}
