using System.CommandLine;
using System.Net;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition serve [&lt;content-dir&gt;] [--port 8080]</c>: a preview on 127.0.0.1 that rebuilds when content or templates change and reloads the open page.</summary>
internal static class ServeCommand
{
    public static Command Create(Reporter reporter)
    {
        var content = CommandParts.Path("content", "The content folder to preview (default: content).", optional: true);
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default: 8080; 0 picks a free one).", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(result => { if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port takes a number from 0 to 65535"); });
        var theme = CommandParts.Theme();
        var search = CommandParts.Search();
        var command = new Command("serve", "Preview the edition on 127.0.0.1; every change to the content or the theme rebuilds it and reloads the open page; the search index follows in the background.") { content, port, theme };
        foreach (var option in search.All) command.Add(option);
        command.SetAction(parsed =>
        {
            search.Check(parsed);
            return Run(parsed.GetValue(content) ?? "content", parsed.GetValue(port), parsed.GetValue(theme),
                diagnostics => search.Resolve(parsed, parsed.GetValue(content) ?? "content", diagnostics), reporter);
        });
        return command;
    }

    private static int Run(string content, int port, string? theme, Func<DiagnosticBag, SiteSearch?> findSearch, Reporter reporter)
    {
        if (!Directory.Exists(content)) throw new UsageException($"{content}: no such content folder");
        if (theme is not null && !Directory.Exists(theme)) throw new UsageException($"{theme}: no such theme folder");
        var layers = ThemeFolder.Layers(content, theme);
        var diagnostics = new DiagnosticBag();
        var search = findSearch(diagnostics);
        if (reporter.Print(diagnostics)) return ExitCodes.InputErrors;
        if (port != 0 && !IsFree(port)) throw new UsageException(PortInUse(port));

        using var preview = new PreviewSite(content, layers, search, reporter);
        if (!preview.Rebuild()) reporter.Errors.WriteLine("the first build failed; fix the errors above, the preview rebuilds on every change");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(preview.HandleAsync);
        try
        {
            app.Start();
        }
        catch (IOException) when (port != 0)
        {
            throw new UsageException(PortInUse(port)); // taken since the check above
        }

        var address = app.Urls.FirstOrDefault() ?? $"http://127.0.0.1:{port}";
        reporter.Line($"serving {content} on {address}/index.html (Ctrl+C to stop); watching {string.Join(" and ", preview.Watched)}");
        app.WaitForShutdown();
        return ExitCodes.Success;
    }

    private static string PortInUse(int port) =>
        $"port {port} on 127.0.0.1 is in use (another preview or server?); choose another with --port, or --port 0 for any free one";

    // Checked before the first build, so a busy port is said at once, not after a build.
    private static bool IsFree(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}

/// <summary>The preview served over HTTP: rebuilt on change by a <see cref="PreviewSession"/>, with a small script that reloads the page after each good rebuild.</summary>
internal sealed class PreviewSite : IDisposable
{
    public const string ReloadScriptPath = "__edition/reload.js";
    public const string EventsPath = "__edition/events";

    private const string ReloadScript = """
        (function () {
          var source = new EventSource(document.querySelector('script[data-edition-reload]').getAttribute('data-events'));
          source.onmessage = function () { location.reload(); };
        })();
        """;

    private readonly PreviewSession _session;
    private readonly Reporter _reporter;
    private readonly PreviewWatch _watch;

    public PreviewSite(string content, IReadOnlyList<string> themeLayers, SiteSearch? search, Reporter reporter)
    {
        _session = new PreviewSession(content, diagnostics => Theme.Load(themeLayers, diagnostics, content), search, report =>
        {
            if (report.Succeeded) reporter.Line($"search  {report.Pages} pages indexed, {report.Files} index files ({report.ShardsIndexed} of {report.Shards} shard(s) indexed again) in {(int)report.Elapsed.TotalMilliseconds} ms");
            else reporter.Errors.WriteLine($"search index failed, still serving the last one: {report.Problem}");
        });
        _reporter = reporter;
        _watch = new PreviewWatch(content, themeLayers, Told, () => Rebuild(),
            e => reporter.Errors.WriteLine($"rebuild failed unexpectedly ({e.GetType().Name}: {e.Message.Split('\n')[0]}); still serving the last good build"));
    }

    /// <summary>The folders watched for changes.</summary>
    public IReadOnlyList<string> Watched => _watch.Watched;

    private void Told(string folder, FolderChange change)
    {
        if (change == FolderChange.Vanished)
        {
            _reporter.Errors.WriteLine($"{folder} is gone (removed or renamed away); still serving the last good build; "
                + $"it is rebuilt when a folder named {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))} is back in {Path.GetDirectoryName(Path.GetFullPath(folder))}");
        }
        else if (change == FolderChange.Returned)
        {
            _reporter.Line($"{folder} is back (made again or renamed into place); rebuilding");
        }
    }

    /// <summary>Builds again; keeps the last good site when the new one has errors.</summary>
    public bool Rebuild()
    {
        var diagnostics = new DiagnosticBag();
        var report = _session.Rebuild(diagnostics);
        _reporter.Print(diagnostics);
        if (!report.Succeeded)
        {
            _reporter.Errors.WriteLine("rebuild failed; still serving the last good build");
            return false;
        }

        var build = report.Build!;
        var search = build.Indexed is { } indexed ? $"; search: records of {indexed.ShardsIndexed} article folder(s) made, {indexed.Pages} pages indexed" : string.Empty;
        _reporter.Line($"rebuilt {build.ArticlesRendered} of {build.Articles} article(s), {build.Files} files in {(int)report.Elapsed.TotalMilliseconds} ms{search}");
        return true;
    }

    public async Task HandleAsync(HttpContext context)
    {
        // Only this machine's names: a page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) cannot read the preview.
        if (!IsLocalHost(context.Request.Host.Host))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await context.Response.WriteAsync("edition serve answers only requests for localhost, 127.0.0.1 or [::1]\n");
            return;
        }

        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/").TrimStart('/');
        if (path == EventsPath)
        {
            await StreamEventsAsync(context);
            return;
        }

        if (path == ReloadScriptPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(ReloadScript);
            return;
        }

        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        var files = _session.Files;
        var found = files.TryGetValue(path, out var bytes);
        if (!found) files.TryGetValue("404.html", out bytes);
        context.Response.StatusCode = found ? 200 : 404;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = ContentType(found ? path : "404.html");
        if (bytes is null) return;
        if (context.Response.ContentType.StartsWith("text/html", StringComparison.Ordinal)) bytes = WithReloadScript(bytes, path);
        await context.Response.Body.WriteAsync(bytes);
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(": connected\n\n");
        await context.Response.Body.FlushAsync();
        var changed = _session.NextRebuild;
        var aborted = Task.Delay(Timeout.Infinite, context.RequestAborted);
        if (await Task.WhenAny(changed, aborted) == changed)
        {
            await context.Response.WriteAsync("data: rebuilt\n\n");
            await context.Response.Body.FlushAsync();
        }
    }

    // The reload script is served from the same origin, so the pages' Content-Security-Policy (script-src 'self') allows it.
    private static byte[] WithReloadScript(byte[] html, string path)
    {
        var root = SiteFile.RootOf(path);
        var text = System.Text.Encoding.UTF8.GetString(html);
        var tag = $"<script src=\"{root}{ReloadScriptPath}\" data-edition-reload data-events=\"{root}{EventsPath}\" defer></script>";
        var head = text.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return System.Text.Encoding.UTF8.GetBytes(head < 0 ? text + tag : text.Insert(head, tag));
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = NewContentTypes();

    private static FileExtensionContentTypeProvider NewContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".bib"] = "text/plain";
        types.Mappings[".ris"] = "text/plain";
        types.Mappings[".epub"] = "application/epub+zip";
        return types;
    }

    // Text is UTF-8 throughout the site.
    private static string ContentType(string path)
    {
        var type = ContentTypes.TryGetContentType(path, out var found) ? found : "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "application/xml" ? type + "; charset=utf-8" : type;
    }

    private static bool IsLocalHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1";

    public void Dispose() => _watch.Dispose();
}
