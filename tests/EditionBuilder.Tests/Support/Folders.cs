using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace EditionBuilder.Tests.Support;

/// <summary>Small helpers the file-system and server tests share.</summary>
public static class Folders
{
    /// <summary>Every file of a folder by relative path, with its SHA-256: equal snapshots mean byte-identical folders. A built site's marker (<c>.edition-site</c>, which deploy and package do not copy) is left out; <see cref="FullSnapshot"/> keeps everything.</summary>
    public static Dictionary<string, string> Snapshot(string folder) =>
        FullSnapshot(folder).Where(f => f.Key != EditionBuilder.Output.OutputGuard.SiteMarker && f.Value != "folder").ToDictionary();

    /// <summary>Every entry of a folder, links and empty folders included, never following a link: what a refused command must leave exactly as it was.</summary>
    public static Dictionary<string, string> FullSnapshot(string folder)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(string current)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(current))
            {
                var relative = Path.GetRelativePath(folder, entry);
                var info = new FileInfo(entry);
                if (info.LinkTarget is { } target) entries[relative] = "link -> " + target;
                else if (Directory.Exists(entry))
                {
                    entries[relative + "/"] = "folder";
                    Walk(entry);
                }
                else entries[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)));
            }
        }

        Walk(folder);
        return entries;
    }

    /// <summary>Copies a folder and everything in it.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
