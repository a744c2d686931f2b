using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace EditionBuilder.Pdf;

/// <summary>One Typst compiler kept running under Node.js for a build's many articles: started once with the fonts, it compiles one source after another, so an article pays for its own compile and not for Node's start, the compiler's load and the fonts' parse (measured about 0.5 s of CPU each time).</summary>
/// <remarks>The same sandbox as a one-off compiler (<see cref="TypstEngine"/>): an empty workspace and home, fonts only from the request, no network. Requests are one JSON line each on standard input; each answer on standard output is a status byte, a 4-byte big-endian length and that many bytes (the PDF, or Typst's diagnostics as JSON). Between sources the compiler's shadow files are cleared and its caches trimmed, so one article's images never serve another and memory stays bounded.</remarks>
internal sealed class TypstWorker : IDisposable
{
    // `node -e` with the package's folder as its argument: first line the fonts, then a source per line until standard input ends.
    private const string Driver = """
        const readline = require('readline');
        const { NodeCompiler } = require(process.argv[1]);
        const path = require('path');
        let compiler = null;
        const answer = (status, bytes) => {
          const head = Buffer.alloc(5);
          head.writeUInt8(status, 0);
          head.writeUInt32BE(bytes.length, 1);
          process.stdout.write(Buffer.concat([head, bytes]));
        };
        const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
        lines.on('line', line => {
          const request = JSON.parse(line);
          if (compiler === null) {
            const fonts = request.fonts.map(f => Buffer.from(f, 'base64'));
            compiler = NodeCompiler.create({ workspace: process.cwd(), fontArgs: [{ fontBlobs: fonts }] });
            return;
          }
          compiler.resetShadow();
          for (const [file, data] of Object.entries(request.files)) compiler.mapShadow(path.join(process.cwd(), file), Buffer.from(data, 'base64'));
          try {
            const result = compiler.compile({ mainFileContent: request.source });
            const error = result.takeError();
            if (error || !result.result) {
              const shown = error ? error.shortDiagnostics.map(d => ({ message: String(d.message), span: d.span ? String(d.span) : '', hints: (d.hints || []).map(String) })) : [];
              answer(1, Buffer.from(JSON.stringify(shown), 'utf8'));
            } else {
              answer(0, compiler.pdf(result.result));
            }
          } catch (e) {
            answer(2, Buffer.from(String(e && e.message || e), 'utf8'));
          }
          compiler.resetShadow();
          // Keeps what the next article of the same build reuses (the template, the fonts' shaping), drops the rest.
          compiler.evictCache(10);
        });
        lines.on('close', () => process.exit(0));
        """;

    private readonly Process _process;
    private readonly DirectoryInfo _sandbox;
    private readonly Stream _output;
    private readonly Task<string> _errors;

    private TypstWorker(Process process, DirectoryInfo sandbox)
    {
        _process = process;
        _sandbox = sandbox;
        _output = process.StandardOutput.BaseStream;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The fonts this worker was started with (by their hash): a request with other fonts needs another worker.</summary>
    public required string FontsKey { get; init; }

    /// <summary>Starts a compiler process and hands it the fonts.</summary>
    public static TypstWorker Start(TypstEngine engine, IReadOnlyList<byte[]> fonts, string fontsKey)
    {
        var sandbox = Directory.CreateTempSubdirectory("edition-typst-");
        var start = TypstEngine.SandboxedStart(engine, sandbox.FullName, Driver);
        var process = Process.Start(start) ?? throw new IOException($"{engine.Node} did not start");
        var worker = new TypstWorker(process, sandbox) { FontsKey = fontsKey };
        try
        {
            worker.Send(new Dictionary<string, object> { ["fonts"] = fonts.Select(Convert.ToBase64String).ToList() });
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        return worker;
    }

    /// <summary>Whether the worker can take another source: false once it ended or was stopped mid-source (the caller disposes it).</summary>
    public bool Usable { get; private set; } = true;

    /// <summary>Compiles one source; a worker that ends or takes longer than <paramref name="timeout"/> is stopped and no longer <see cref="Usable"/>.</summary>
    public TypstResult Compile(string source, IReadOnlyDictionary<string, byte[]> files, TimeSpan timeout)
    {
        try
        {
            Send(new Dictionary<string, object>
            {
                ["source"] = source,
                ["files"] = files.ToDictionary(f => f.Key, f => Convert.ToBase64String(f.Value), StringComparer.Ordinal),
            });
        }
        catch (IOException)
        {
            // The process ended before it read the source: its exit and errors say why.
            return Ended();
        }

        var reading = ReadAnswer();
        if (!reading.Wait(timeout))
        {
            Usable = false;
            Kill();
            return new TypstResult(null, $"the compiler took longer than {timeout.TotalSeconds:0} s and was stopped", []);
        }

        if (reading.Result is not { } answer) return Ended();
        var (status, bytes) = answer;
        if (status == 0 && bytes.Length > 0) return new TypstResult(bytes, string.Empty, []);
        if (status == 1) return new TypstResult(null, "the compiler ended with code 1", TypstEngine.Diagnostics(Encoding.UTF8.GetString(bytes)));
        return new TypstResult(null, "the compiler failed", [Encoding.UTF8.GetString(bytes)]);
    }

    private TypstResult Ended()
    {
        Usable = false;
        Kill();
        var stderr = _errors.Wait(TimeSpan.FromSeconds(2)) ? _errors.Result : string.Empty;
        var code = _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        return new TypstResult(null, $"the compiler ended with code {code}", TypstEngine.Diagnostics(stderr));
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already reaped.
        }
    }

    private void Send(Dictionary<string, object> request)
    {
        var stream = _process.StandardInput.BaseStream;
        JsonSerializer.Serialize(stream, request);
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    private async Task<(byte Status, byte[] Bytes)?> ReadAnswer()
    {
        var head = new byte[5];
        if (!await ReadExactly(head)) return null;
        var length = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(1));
        if (length > int.MaxValue) return null;
        var bytes = new byte[length];
        return await ReadExactly(bytes) ? (head[0], bytes) : null;
    }

    private async Task<bool> ReadExactly(byte[] buffer)
    {
        try
        {
            await _output.ReadExactlyAsync(buffer);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    /// <summary>Ends the process (closing its input ends it cleanly; one that does not end is killed) and removes its sandbox.</summary>
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        try
        {
            if (!_process.WaitForExit(TimeSpan.FromSeconds(2))) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
        try
        {
            _sandbox.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind harms nothing; the system cleans it.
        }
    }
}
