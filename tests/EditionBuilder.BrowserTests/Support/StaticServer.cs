using System.Net;
using System.Net.Sockets;

namespace EditionBuilder.BrowserTests.Support;

/// <summary>A minimal static file server on 127.0.0.1, so pages are also tested over HTTP under a sub-path, as a host would serve them; like nginx's gzip_static/brotli_static (README, "Hosting") it sends a file's .br or .gz copy to a browser that accepts it.</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly CancellationTokenSource _stop = new();

    public StaticServer(string root, string subPath = "/edition/")
    {
        _root = root;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}{subPath}";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }

            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath[new Uri(BaseUrl).AbsolutePath.Length..]);
            var path = Path.GetFullPath(Path.Combine(_root, relative));
            if (!path.StartsWith(Path.GetFullPath(_root), StringComparison.Ordinal) || !File.Exists(path))
            {
                context.Response.StatusCode = 404;
                path = Path.Combine(_root, "404.html");
            }

            context.Response.ContentType = Path.GetExtension(path) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".json" => "application/json",
                ".woff2" => "font/woff2",
                _ => "application/octet-stream",
            };
            var accepted = context.Request.Headers["Accept-Encoding"] ?? string.Empty;
            foreach (var (encoding, extension) in new[] { ("br", ".br"), ("gzip", ".gz") })
            {
                if (!accepted.Contains(encoding, StringComparison.Ordinal) || !File.Exists(path + extension)) continue;
                context.Response.AddHeader("Content-Encoding", encoding);
                path += extension;
                break;
            }

            context.Response.AddHeader("Vary", "Accept-Encoding");
            var bytes = await File.ReadAllBytesAsync(path);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
