using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EditionBuilder.Pdf;

/// <summary>The Typst compiler the PDF writer runs: npm <c>@myriaddreamin/typst-ts-node-compiler</c> (pinned in tools/package.json, installed by <c>npm ci --prefix tools</c>) under Node.js, in a process of its own for each article.</summary>
/// <remarks>The process reads one request on its standard input (the Typst source, the fonts, the images) and writes the PDF on its standard output. It is given an empty folder as its workspace and home and a font configuration naming only that folder, so it reads no file but what it is handed (not the system's fonts, which would make the bytes differ between machines); a proxy that answers nothing stands in for the network, and the source never imports a package.</remarks>
/// <param name="Node">The node program.</param>
/// <param name="Package">The compiler package's folder (…/node_modules/@myriaddreamin/typst-ts-node-compiler).</param>
/// <param name="Version">The package's version.</param>
public sealed record TypstEngine(string Node, string Package, string Version)
{
    /// <summary>The version tools/package.json pins (it compiles with Typst 0.14).</summary>
    public const string PinnedVersion = "0.7.0";

    /// <summary>The environment variable that names a node_modules folder or a folder holding one.</summary>
    public const string EnvironmentVariable = "EDITION_TYPST";

    private const string PackagePath = "@myriaddreamin/typst-ts-node-compiler";

    /// <summary>How long one article may take before the compiler is stopped.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    // Run by `node -e`: the request on stdin as JSON; the PDF on stdout; Typst's diagnostics as JSON on stderr, exit 1 for an error in the source.
    private const string Driver = """
        const fs = require('fs');
        const { NodeCompiler } = require(process.argv[1]);
        const request = JSON.parse(fs.readFileSync(0, 'utf8'));
        const fonts = request.fonts.map(f => Buffer.from(f, 'base64'));
        const compiler = NodeCompiler.create({ workspace: process.cwd(), fontArgs: [{ fontBlobs: fonts }] });
        // A shadow file's path is absolute: the workspace's own folder joined with the path the source names.
        for (const [file, data] of Object.entries(request.files)) compiler.mapShadow(require('path').join(process.cwd(), file), Buffer.from(data, 'base64'));
        const result = compiler.compile({ mainFileContent: request.source });
        const error = result.takeError();
        if (error || !result.result) {
          const shown = error ? error.shortDiagnostics.map(d => ({ message: String(d.message), span: d.span ? String(d.span) : '', hints: (d.hints || []).map(String) })) : [];
          process.stderr.write(JSON.stringify(shown));
          process.exit(1);
        }
        const pdf = compiler.pdf(result.result);
        process.stdout.write(pdf, () => process.exit(0));
        """;

    /// <summary>What a search for the compiler found: the engine, or why there is none.</summary>
    public sealed record Lookup(TypstEngine? Engine, string Problem);

    /// <summary>Looks for Node.js on PATH and the compiler package: in <paramref name="given"/> (else the environment variable) when set; otherwise in <c>tools/node_modules</c> of the current folder, of the program's folder, or of a folder above either.</summary>
    public static Lookup Find(string? given, string currentFolder, string programFolder)
    {
        given ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        var candidates = given is not null
            ? PackagesAt(Path.GetFullPath(given, currentFolder)).ToList()
            : new[] { currentFolder, programFolder }.SelectMany(Ancestors).Distinct(StringComparer.Ordinal)
                .SelectMany(folder => PackagesAt(Path.Combine(folder, "tools", "node_modules"))).ToList();
        var package = candidates.FirstOrDefault(p => File.Exists(Path.Combine(p, "package.json")));
        if (package is null)
        {
            var where = given is not null ? $"at {given}" : "in tools/node_modules of this folder, the program's folder or a folder above them";
            return new Lookup(null, $"the Typst compiler ({PackagePath} {PinnedVersion}) was not found {where}; install Node.js and run `npm ci --prefix tools` in the repository, or name its node_modules with {EnvironmentVariable}");
        }

        var version = VersionOf(package);
        if (version != PinnedVersion)
        {
            return new Lookup(null, $"{package} is {PackagePath} {version ?? "of an unknown version"}, not the pinned {PinnedVersion}; run `npm ci --prefix tools`");
        }

        if (NodeOnPath() is not { } node)
        {
            return new Lookup(null, "Node.js (node) is not on PATH, and the Typst compiler runs under it; install Node.js");
        }

        return new Lookup(new TypstEngine(node, package, version), string.Empty);
    }

    // PDFs made in this process by what they were made from: the same inputs give the same bytes, so a second build of an unchanged
    // article (edition serve, the tests' many builds of the seed) does not start the compiler again. Bounded: cleared past 64 entries.
    private static readonly ConcurrentDictionary<string, Lazy<TypstResult>> Made = new(StringComparer.Ordinal);

    /// <summary>Compiles a Typst source into PDF bytes, given only these fonts and files (by their absolute path in the source, <c>/media/map.png</c>); a source compiled before in this process with the same fonts and files gives its bytes again.</summary>
    public TypstResult Compile(string source, IReadOnlyList<byte[]> fonts, IReadOnlyDictionary<string, byte[]> files, TimeSpan timeout)
    {
        var key = KeyOf(source, fonts, files);
        if (Made.Count > 64) Made.Clear();
        var made = Made.GetOrAdd(key, _ => new Lazy<TypstResult>(() => CompileWarm(source, fonts, files, timeout)));
        try
        {
            var result = made.Value;
            if (result.Pdf is null) Made.TryRemove(key, out _);
            return result;
        }
        catch
        {
            // A compiler that could not be started is tried again next time.
            Made.TryRemove(key, out _);
            throw;
        }
    }

    private string KeyOf(string source, IReadOnlyList<byte[]> fonts, IReadOnlyDictionary<string, byte[]> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(byte[] bytes)
        {
            sha.AppendData(BitConverter.GetBytes(bytes.LongLength));
            sha.AppendData(bytes);
        }

        Add(Encoding.UTF8.GetBytes($"{Package}\0{Version}"));
        Add(Encoding.UTF8.GetBytes(source));
        foreach (var font in fonts) Add(font);
        foreach (var (path, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Add(Encoding.UTF8.GetBytes(path));
            Add(bytes);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // One compiler process per core at a time: a journal's articles are built in parallel, and 200 compilers at once on 2 cores
    // each took longer than the timeout (measured: 126 of 200 stopped at 120 s). The timeout counts from the source handed over.
    private static readonly SemaphoreSlim Running = new(Math.Max(1, Environment.ProcessorCount));

    // Compilers kept running between articles (one per core at most, each with the fonts it was started with): see TypstWorker.
    private static readonly ConcurrentBag<TypstWorker> Idle = StartPool();

    private static ConcurrentBag<TypstWorker> StartPool()
    {
        var idle = new ConcurrentBag<TypstWorker>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            while (idle.TryTake(out var worker)) worker.Dispose();
        };
        return idle;
    }

    /// <summary>Compiles in a compiler process kept from an earlier article with the same fonts, or a new one kept for the next; the same bytes as <see cref="CompileAnew"/> (a test holds them equal).</summary>
    internal TypstResult CompileWarm(string source, IReadOnlyList<byte[]> fonts, IReadOnlyDictionary<string, byte[]> files, TimeSpan timeout)
    {
        var fontsKey = KeyOf($"{Node}\0{Package}", fonts, new Dictionary<string, byte[]>());
        Running.Wait();
        TypstWorker? worker = null;
        try
        {
            var passed = new List<TypstWorker>();
            while (worker is null && Idle.TryTake(out var idle))
            {
                if (idle.FontsKey == fontsKey) worker = idle;
                else passed.Add(idle);
            }

            // Another edition's compilers (the tests build several themes in one process) stay for it, but never more than one per core.
            foreach (var other in passed)
            {
                if (Idle.Count < Environment.ProcessorCount) Idle.Add(other);
                else other.Dispose();
            }

            worker ??= TypstWorker.Start(this, fonts, fontsKey);
            var result = worker.Compile(source, files, timeout);
            if (worker.Usable && Idle.Count < Environment.ProcessorCount) Idle.Add(worker);
            else worker.Dispose();
            worker = null;
            return result;
        }
        finally
        {
            worker?.Dispose();
            Running.Release();
        }
    }

    /// <summary>Compiles in a new process, whatever this process made before (the tests' check that two runs give the same bytes).</summary>
    internal TypstResult CompileAnew(string source, IReadOnlyList<byte[]> fonts, IReadOnlyDictionary<string, byte[]> files, TimeSpan timeout)
    {
        Running.Wait();
        try
        {
            return RunProcess(source, fonts, files, timeout);
        }
        finally
        {
            Running.Release();
        }
    }

    private TypstResult RunProcess(string source, IReadOnlyList<byte[]> fonts, IReadOnlyDictionary<string, byte[]> files, TimeSpan timeout)
    {
        var sandbox = Directory.CreateTempSubdirectory("edition-typst-");
        try
        {
            var start = SandboxedStart(this, sandbox.FullName, Driver);
            using var process = Process.Start(start) ?? throw new IOException($"{Node} did not start");
            var output = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            var request = new Dictionary<string, object>
            {
                ["source"] = source,
                ["fonts"] = fonts.Select(Convert.ToBase64String).ToList(),
                ["files"] = files.ToDictionary(f => f.Key, f => Convert.ToBase64String(f.Value), StringComparer.Ordinal),
            };
            try
            {
                JsonSerializer.Serialize(process.StandardInput.BaseStream, request);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The process ended before it read its request: its exit code and errors say why.
            }

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new TypstResult(null, $"the compiler took longer than {timeout.TotalSeconds:0} s and was stopped", []);
            }

            copyOut.Wait();
            var stderr = errors.Result;
            if (process.ExitCode == 0 && output.Length > 0) return new TypstResult(output.ToArray(), string.Empty, []);
            return new TypstResult(null, $"the compiler ended with code {process.ExitCode}", Diagnostics(stderr));
        }
        finally
        {
            try
            {
                sandbox.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind harms nothing; the system cleans it.
            }
        }
    }

    /// <summary>How a compiler process is started: Node running <paramref name="driver"/> with the package's folder as its argument, in <paramref name="sandbox"/> as its workspace and home, with a font configuration naming only that folder and a proxy that answers nothing.</summary>
    internal static ProcessStartInfo SandboxedStart(TypstEngine engine, string sandbox, string driver)
    {
        var fontConfig = Path.Combine(sandbox, "fonts.conf");
        File.WriteAllText(fontConfig, $"<?xml version=\"1.0\"?>\n<fontconfig><dir>{System.Security.SecurityElement.Escape(sandbox)}</dir></fontconfig>\n");
        var start = new ProcessStartInfo(engine.Node)
        {
            WorkingDirectory = sandbox,
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, StandardInputEncoding = new UTF8Encoding(false), StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(driver);
        start.ArgumentList.Add(engine.Package);
        foreach (var name in new[] { "NODE_OPTIONS", "NODE_PATH", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "TYPST_FONT_PATHS", "TYPST_PACKAGE_PATH", "TYPST_PACKAGE_CACHE_PATH" }) start.Environment.Remove(name);
        start.Environment["FONTCONFIG_FILE"] = fontConfig;
        foreach (var name in new[] { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME" }) start.Environment[name] = sandbox;
        // Nothing in the source fetches (it imports no package); should anything try, it reaches a port where nothing answers.
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy" }) start.Environment[name] = "http://127.0.0.1:9";
        start.Environment["NO_PROXY"] = string.Empty;
        start.Environment["no_proxy"] = string.Empty;
        return start;
    }

    // Typst's messages, from the driver's JSON; anything else the process wrote, as one message.
    internal static IReadOnlyList<string> Diagnostics(string stderr)
    {
        try
        {
            using var json = JsonDocument.Parse(stderr);
            return json.RootElement.EnumerateArray()
                .Select(d => d.GetProperty("message").GetString() + (d.GetProperty("span").GetString() is { Length: > 0 } span ? $" ({span})" : string.Empty))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            var text = stderr.Trim();
            return text.Length == 0 ? [] : [text.Length > 2000 ? text[..2000] + "…" : text];
        }
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent) yield return dir.FullName;
    }

    // A node_modules folder, or a folder holding node_modules (such as tools/).
    private static IEnumerable<string> PackagesAt(string path)
    {
        yield return Path.Combine(path, PackagePath);
        yield return Path.Combine(path, "node_modules", PackagePath);
    }

    private static string? VersionOf(string package)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(package, "package.json")));
            return json.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? NodeOnPath()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n))).FirstOrDefault(File.Exists);
    }
}

/// <summary>What the compiler made of one source: the PDF's bytes, or the problem and Typst's messages.</summary>
public sealed record TypstResult(byte[]? Pdf, string Problem, IReadOnlyList<string> Messages);
