using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Hosting;

/// <summary>The nginx configuration in docs/hosting.md, taken as written and placed inside an <c>http { }</c> block the way Debian's nginx.conf includes conf.d: <c>nginx -t</c> is clean and every kind of file of an edition is served with its type and encoding.</summary>
public sealed partial class HostingSnippetTests : IDisposable
{
    private const string Nginx = "/usr/sbin/nginx";
    private const string BrotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
    private readonly TempFolder _temp = new();
    private Process? _nginx;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first nginx block of docs/hosting.md, with only its listen, root and server_name values changed to a loopback port and a test site.</summary>
    internal static string Snippet(int port, string root)
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "hosting.md"));
        var block = NginxBlock().Match(doc);
        Assert.True(block.Success, "docs/hosting.md has no ```nginx block");
        var snippet = block.Groups["body"].Value;
        string Once(string text, string pattern, string replacement)
        {
            Assert.True(Regex.Count(text, pattern, RegexOptions.Multiline) == 1, $"the snippet should hold one line matching {pattern}");
            return Regex.Replace(text, pattern, replacement, RegexOptions.Multiline);
        }

        snippet = Once(snippet, @"^(\s*)listen 80;", $"$1listen 127.0.0.1:{port};");
        snippet = Once(snippet, @"^\s*listen \[::\]:80;\n", string.Empty);
        snippet = Once(snippet, @"^(\s*)root /srv/www;", $"$1root {root};");
        snippet = Once(snippet, @"^(\s*)server_name [^;]+;", "$1server_name localhost;");
        return snippet;
    }

    [SkippableFact]
    public async Task Given_the_documented_nginx_block_When_tested_and_served_Then_it_is_clean_and_serves_pages_epub_jats_pdf_and_404_with_their_types()
    {
        foreach (var (file, package) in new[] { (Nginx, "nginx"), (BrotliModule, "libnginx-mod-http-brotli-static") })
        {
            if (File.Exists(file)) continue;
            Assert.False(InCi, $"{file} is missing: apt-get install -y {package}");
            Skip.If(true, $"{file} is missing: install it with `apt-get install -y {package}`");
        }

        var site = BuildSite();
        var port = Folders.FreePort();
        var config = WriteConfig(Snippet(port, site));

        var test = Run(Nginx, "-t", "-p", Path.GetDirectoryName(config)!, "-c", config);
        Assert.True(test.Exit == 0, test.Errors);
        Assert.Contains("test is successful", test.Errors);
        Assert.DoesNotContain("[warn]", test.Errors);
        Assert.DoesNotContain("[emerg]", test.Errors);

        _nginx = Process.Start(new ProcessStartInfo(Nginx, ["-p", Path.GetDirectoryName(config)!, "-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await NginxProcess.WaitUntilServing(_nginx!, client);

        await AssertServed(client, "small/index.html", "text/html; charset=utf-8", "gzip", "gzip");
        await AssertServed(client, "assets/edition.css", "text/css; charset=utf-8", "br", "br");
        await AssertServed(client, "small/small.epub", "application/epub+zip", "gzip", null, File.ReadAllBytes(Path.Combine(site, "small", "small.epub")));
        await AssertServed(client, "small/small.xml", "application/xml; charset=utf-8", null, null, File.ReadAllBytes(Path.Combine(site, "small", "small.xml")));
        await AssertServed(client, "sitemap.xml", "application/xml; charset=utf-8", null, null, File.ReadAllBytes(Path.Combine(site, "sitemap.xml")));
        await AssertServed(client, "small/offprint.pdf", "application/pdf", null, null, File.ReadAllBytes(Path.Combine(site, "small", "offprint.pdf")));
        await AssertServed(client, "small/", "text/html; charset=utf-8", null, null, File.ReadAllBytes(Path.Combine(site, "small", "index.html")));

        using var missing = await client.GetAsync("small/a/b/missing.epub");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("الصفحة غير موجودة", await missing.Content.ReadAsStringAsync());
    }

    private static async Task AssertServed(HttpClient client, string path, string type, string? acceptEncoding, string? contentEncoding, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.Equal(type, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(contentEncoding is null ? Array.Empty<string>() : new[] { contentEncoding }, response.Content.Headers.ContentEncoding);
        if (body is not null) Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    // The small edition built with a base URL (so it has a sitemap), and a PDF beside its pages as a PDF writer would put it.
    private string BuildSite()
    {
        SmallEdition.WriteTo(Path.Combine(_temp.Path, "content"));
        File.AppendAllText(Path.Combine(_temp.Path, "content", "edition.yml"), "base_url: \"http://127.0.0.1/\"\n");
        var build = Support.Cli.Run(_temp.Path, "build", "content", "-o", "site");
        Assert.True(build.ExitCode == 0, build.Errors);
        var site = Path.Combine(_temp.Path, "site");
        File.WriteAllText(Path.Combine(site, "small", "offprint.pdf"), "%PDF-1.4\n%%EOF\n");
        return site;
    }

    // What Debian's nginx.conf puts around conf.d/*.conf: the module, mime.types and default_type in http { }; paths kept in the test's folder.
    private string WriteConfig(string snippet)
    {
        var prefix = Path.Combine(_temp.Path, "nginx");
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        var config = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(config, $$"""
            load_module {{BrotliModule}};
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log;
            events { worker_connections 64; }
            http {
              include /etc/nginx/mime.types;
              default_type application/octet-stream;
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
            {{snippet}}
            }
            """);
        return config;
    }

    private static (int Exit, string Errors) Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }

    [GeneratedRegex(@"```nginx\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    public void Dispose()
    {
        if (_nginx is { HasExited: false }) { _nginx.Kill(); _nginx.WaitForExit(); }
        _nginx?.Dispose();
        _temp.Dispose();
    }
}
