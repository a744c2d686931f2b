using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary><c>edition serve</c> recovers when its content folder is removed and copied back, or replaced by a rename: it says what happened, rebuilds from the folder now at the path, and keeps rebuilding on its edits.</summary>
public sealed class ServeRecoveryTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private System.Diagnostics.Process? _server;

    private string Content => Path.Combine(_temp.Path, "c");

    public void Dispose()
    {
        if (_server is { HasExited: false }) { _server.Kill(entireProcessTree: true); _server.WaitForExit(); }
        _server?.Dispose();
        _temp.Dispose();
    }

    private static void SetWord(string content, string word)
    {
        var chapter = Path.Combine(content, "small", "ar", "02-alkhatma.md");
        var text = File.ReadAllText(chapter);
        var edited = System.Text.RegularExpressions.Regex.Replace(text, @"خاتمة[^\[\n]*\[\^2\]\.", $"خاتمة {word}[^2].");
        Assert.NotEqual(text, edited);
        File.WriteAllText(chapter, edited);
    }

    [Fact]
    public async Task Given_a_served_content_folder_When_it_is_removed_and_copied_back_or_renamed_into_place_Then_the_preview_says_so_and_serves_the_new_folder()
    {
        SmallEdition.WriteTo(Content);
        var keep = Path.Combine(_temp.Path, "keep");
        SmallEdition.WriteTo(keep);
        SetWord(keep, "المحفوظة");
        var port = Folders.FreePort();
        _server = EditionProcess.Start(_temp.Path, null, "serve", "c", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = new Lines(_server.StandardOutput);
        var errors = new Lines(_server.StandardError);
        await output.WaitFor("serving ");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };

        // rm -rf c; cp -r keep c
        var gone = errors.WaitFor("c is gone");
        Directory.Delete(Content, recursive: true);
        await gone;
        var back = output.WaitFor("c is back");
        var rebuilt = output.WaitFor("rebuilt ");
        Folders.Copy(keep, Content);
        await back;
        await rebuilt;
        await Shows(client, "المحفوظة", "small/02-alkhatma.html");

        // An edit in the copied folder rebuilds.
        rebuilt = output.WaitFor("rebuilt ");
        SetWord(Content, "بعد-النسخ");
        await rebuilt;
        await Shows(client, "بعد-النسخ", "small/02-alkhatma.html");

        // mv c c.old; mv c.new c
        var fresh = Path.Combine(_temp.Path, "c.new");
        SmallEdition.WriteTo(fresh);
        SetWord(fresh, "الجديدة");
        back = output.WaitFor("c is back");
        rebuilt = output.WaitFor("rebuilt ");
        Directory.Move(Content, Path.Combine(_temp.Path, "c.old"));
        Directory.Move(fresh, Content);
        await back;
        await rebuilt;
        await Shows(client, "الجديدة", "small/02-alkhatma.html");

        rebuilt = output.WaitFor("rebuilt ");
        SetWord(Content, "الأخيرة");
        await rebuilt;
        await Shows(client, "الأخيرة", "small/02-alkhatma.html");
        Assert.False(_server.HasExited);
    }

    // The page holds the word, asked again while a rebuild triggered by the rest of a copy may still be on its way (30 s at most).
    private static async Task Shows(HttpClient client, string word, string page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string html;
        do
        {
            html = await client.GetStringAsync(page);
            if (html.Contains(word, StringComparison.Ordinal)) return;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Contains(word, html);
    }

    /// <summary>The lines a process prints, waited for by content rather than by time.</summary>
    private sealed class Lines
    {
        private readonly List<(string Marker, TaskCompletionSource<string> Seen)> _waiting = new();

        public Lines(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_waiting)
                {
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
            lock (_waiting) _waiting.Add((marker, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }
}
