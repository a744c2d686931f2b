using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace EditionBuilder.Search;

/// <summary>Pagefind run as a service (<c>pagefind --service</c>): pages go in and index files come out through its standard input and output, so an index is built in memory and nothing is read from or written to disk.</summary>
/// <remarks>The protocol is the one Pagefind's Node API speaks: each message is a JSON object, base64-encoded and followed by a comma.</remarks>
public sealed class PagefindService : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StringBuilder _errors = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _buffered, _consumed;
    private int _nextId;

    /// <summary>Starts the program as a service, its worker threads capped at <paramref name="threads"/> when given (one of the cores the build leaves it).</summary>
    public PagefindService(PagefindTool tool, int? threads = null)
    {
        // Started in its own folder, not the caller's: Pagefind stops at once (a Rust panic) when its current folder is gone,
        // as it is when the folder `edition serve` was started from has been deleted since.
        var start = new ProcessStartInfo(tool.Program, "--service")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(tool.Program)),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (threads is { } count)
        {
            // Pagefind starts a worker per core (tokio, and rayon where it splits work): two services at once on two cores
            // meant four busy threads on two cores, and Pagefind's CPU grew with the contention (docs/performance.md).
            var value = Math.Max(1, count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["TOKIO_WORKER_THREADS"] = value;
            start.Environment["RAYON_NUM_THREADS"] = value;
        }

        _process = Process.Start(start) ?? throw new PagefindException($"{tool.Program} did not start");
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _input = _process.StandardInput.BaseStream;
        _output = _process.StandardOutput.BaseStream;
    }

    /// <summary>The CPU time Pagefind has used so far (for EDITION_TIMES traces); zero when it cannot be read.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>Makes a new index with these settings; returns its id.</summary>
    public int NewIndex(IReadOnlyList<string> excludeSelectors)
    {
        var response = Send("NewIndex", json =>
        {
            json.WriteStartObject("config");
            json.WriteStartArray("exclude_selectors");
            foreach (var selector in excludeSelectors) json.WriteStringValue(selector);
            json.WriteEndArray();
            json.WriteBoolean("keep_index_url", true);
            json.WriteEndObject();
        });
        return response.GetProperty("index_id").GetInt32();
    }

    /// <summary>Adds a page by its address in the site and its HTML; returns the number of words Pagefind read from it.</summary>
    public int AddPage(int index, string url, string html)
    {
        var response = Send("AddFile", json =>
        {
            json.WriteNumber("index_id", index);
            json.WriteString("url", url);
            json.WriteString("file_contents", html);
        });
        return response.TryGetProperty("page_word_count", out var count) ? count.GetInt32() : 0;
    }

    /// <summary>The index's files, by their path inside the search bundle.</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> Files(int index)
    {
        var response = Send("GetFiles", json => json.WriteNumber("index_id", index));
        return response.GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("path").GetString()!, Convert.FromBase64String(f.GetProperty("content").GetString()!)))
            .ToList();
    }

    private JsonElement Send(string type, Action<Utf8JsonWriter> payload)
    {
        var id = ++_nextId;
        var message = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(message))
        {
            json.WriteStartObject();
            json.WriteNumber("message_id", id);
            json.WriteStartObject("payload");
            json.WriteString("type", type);
            payload(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        try
        {
            var encoded = Encoding.ASCII.GetBytes(Convert.ToBase64String(message.WrittenSpan) + ",");
            _input.Write(encoded);
            _input.Flush();
            using var response = JsonDocument.Parse(Convert.FromBase64String(ReadMessage()));
            var root = response.RootElement;
            var body = root.GetProperty("payload");
            if (body.GetProperty("type").GetString() == "Error")
            {
                throw new PagefindException(body.TryGetProperty("message", out var text) ? text.GetString() ?? "an unknown error" : "an unknown error");
            }

            if (!root.TryGetProperty("message_id", out var answered) || answered.GetInt32() != id)
            {
                throw new PagefindException($"answered out of turn while handling {type}");
            }

            return body.Clone();
        }
        catch (Exception e) when (e is IOException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PagefindException($"stopped answering while handling {type} ({e.Message}){LastErrors()}");
        }
    }

    // Messages end with a comma, which base64 never holds.
    private string ReadMessage()
    {
        var message = new StringBuilder();
        while (true)
        {
            if (_consumed == _buffered)
            {
                _buffered = _output.Read(_buffer, 0, _buffer.Length);
                _consumed = 0;
                if (_buffered == 0) throw new IOException("the program ended");
            }

            var end = Array.IndexOf(_buffer, (byte)',', _consumed, _buffered - _consumed);
            var stop = end < 0 ? _buffered : end;
            message.Append(Encoding.ASCII.GetString(_buffer, _consumed, stop - _consumed));
            _consumed = end < 0 ? _buffered : end + 1;
            if (end >= 0) return message.ToString();
        }
    }

    private string LastErrors()
    {
        lock (_errors)
        {
            var text = _errors.ToString().Trim();
            return text.Length == 0 ? string.Empty : ": " + text.Split('\n')[^1].Trim();
        }
    }

    public void Dispose()
    {
        try
        {
            _input.Dispose();
            if (!_process.WaitForExit(5_000)) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}

/// <summary>Pagefind refused a page or stopped answering.</summary>
public sealed class PagefindException(string message) : Exception(message);
