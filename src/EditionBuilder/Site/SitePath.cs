namespace EditionBuilder.Site;

/// <summary>Paths inside the site: a relative address resolved against the file that holds it, as the verifier and the book's stylesheet read them.</summary>
public static class SitePath
{
    /// <summary>Resolves a relative path against the folder of a site file; null when it leaves the site.</summary>
    public static string? Resolve(string fromFile, string relative)
    {
        var parts = fromFile.Split('/').SkipLast(1).ToList();
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
