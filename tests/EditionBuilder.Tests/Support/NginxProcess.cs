using System.Diagnostics;
using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>Waits for an nginx the hosting tests started: until it serves the site's index.html, failing with nginx's own words if it stops.</summary>
public static class NginxProcess
{
    /// <summary>Returns once <c>index.html</c> answers (any status); fails when nginx exits or has not answered within 5 s.</summary>
    public static async Task WaitUntilServing(Process nginx, HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            if (nginx.HasExited) Assert.Fail("nginx stopped: " + await nginx.StandardError.ReadToEndAsync());
            try
            {
                using var response = await client.GetAsync("index.html");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail("nginx did not start within 5 s");
    }
}
