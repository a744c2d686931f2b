using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Hosting;

/// <summary>Real static hosting: Debian's nginx serves a deployed edition from 127.0.0.1 with gzip_static (and brotli_static when its module is installed).</summary>
public sealed class NginxTests : IDisposable
{
    private const string Nginx = "/usr/sbin/nginx";
    private const string BrotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
    private readonly TempFolder _temp = new();
    private Process? _nginx;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [SkippableFact]
    public async Task Given_a_deployed_edition_served_by_nginx_When_every_page_is_fetched_Then_each_is_200_utf8_compressed_and_a_missing_path_gets_the_404_page()
    {
        if (!File.Exists(Nginx))
        {
            Assert.False(InCi, $"{Nginx} is missing: apt-get install -y nginx");
            Skip.If(true, $"{Nginx} is missing: install it with `apt-get install -y nginx`");
        }

        var port = Folders.FreePort();
        var target = Deploy($"http://127.0.0.1:{port}/");
        var brotli = File.Exists(BrotliModule);
        StartNginx(target, port, brotli);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await NginxProcess.WaitUntilServing(_nginx!, client);

        var site = Path.GetFullPath(target);
        var pages = Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 7);
        foreach (var page in pages)
        {
            using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, page);
            gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await client.SendAsync(gzipRequest);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            using var body = new MemoryStream();
            await gzip.CopyToAsync(body);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(site, page)), body.ToArray());
        }

        using (var plain = await client.GetAsync("assets/edition.css"))
        {
            Assert.Equal("text/css; charset=utf-8", plain.Content.Headers.ContentType!.ToString());
            Assert.Empty(plain.Content.Headers.ContentEncoding);
        }

        if (brotli)
        {
            using var brRequest = new HttpRequestMessage(HttpMethod.Get, "assets/notes.js");
            brRequest.Headers.AcceptEncoding.ParseAdd("br");
            using var br = await client.SendAsync(brRequest);
            Assert.Equal("br", Assert.Single(br.Content.Headers.ContentEncoding));
            Assert.Contains("charset=utf-8", br.Content.Headers.ContentType!.ToString());
        }

        // The README's configuration serves the folders' index pages.
        foreach (var (address, page) in new[] { ("", "index.html"), ("small/", "small/index.html") })
        {
            using var folder = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, folder.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(site, page)), await folder.Content.ReadAsByteArrayAsync());
        }

        // A missing address, however deep, gets the 404 page, whose links and stylesheet resolve against the site's root (base_url).
        foreach (var address in new[] { "small/no-such-page.html", "small/a/b/c/missing.html", "nothing/" })
        {
            using var missing = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var html = await missing.Content.ReadAsStringAsync();
            Assert.Contains("الصفحة غير موجودة", html);
            Assert.Contains("<base href=\"/\"", html);
            var stylesheet = new Uri(new Uri(client.BaseAddress!, "/"), "assets/edition.css");
            using var css = await client.GetAsync(stylesheet);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        }
    }

    private string Deploy(string baseUrl)
    {
        SmallEdition.WriteTo(Path.Combine(_temp.Path, "content"));
        File.AppendAllText(Path.Combine(_temp.Path, "content", "edition.yml"), $"base_url: \"{baseUrl}\"\n");
        Assert.Equal(0, Support.Cli.Run(_temp.Path, "build", "content", "-o", "site").ExitCode);
        var target = Path.Combine(_temp.Path, "www");
        Assert.Equal(0, Support.Cli.Run(_temp.Path, "deploy", "site", target).ExitCode);
        return target;
    }

    private void StartNginx(string root, int port, bool brotli)
    {
        var prefix = Path.Combine(_temp.Path, "nginx");
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        var config = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(config, $$"""
            {{(brotli ? $"load_module {BrotliModule};" : string.Empty)}}
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log;
            events { worker_connections 64; }
            http {
              include /etc/nginx/mime.types;
              default_type application/octet-stream;
              charset utf-8;
              charset_types text/html text/css text/plain text/xml application/javascript text/javascript application/xml;
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              gzip_static on;
              {{(brotli ? "brotli_static on;" : string.Empty)}}
              server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                index index.html;
                error_page 404 /404.html;
                location / { try_files $uri $uri/index.html =404; }
              }
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo(Nginx, ["-p", prefix, "-c", config]) { WorkingDirectory = prefix, RedirectStandardError = true, RedirectStandardOutput = true })!;
    }


    public void Dispose()
    {
        if (_nginx is { HasExited: false }) { _nginx.Kill(); _nginx.WaitForExit(); }
        _nginx?.Dispose();
        _temp.Dispose();
    }
}
