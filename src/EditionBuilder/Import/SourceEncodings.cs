using System.Text;

namespace EditionBuilder.Import;

/// <summary>The encodings a Word text export may come in, by the names <c>--encoding</c> takes: UTF-8 (Word's choice when asked), UTF-16 (Word's "Unicode"), and the legacy Arabic code pages Windows-1256 and ISO-8859-6.</summary>
public static class SourceEncodings
{
    static SourceEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The names <c>--encoding</c> accepts, each with the encoding's usual name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6"];

    /// <summary>The encoding of a name (case and common spellings accepted: cp1256, UTF8); null for an unknown name.</summary>
    public static Encoding? Find(string name)
    {
        var key = name.Trim().ToLowerInvariant().Replace("_", "-");
        return key switch
        {
            "utf-8" or "utf8" => new UTF8Encoding(false, true),
            "utf-16" or "utf16" or "utf-16le" or "utf16le" or "unicode" => new UnicodeEncoding(false, false, true),
            "utf-16be" or "utf16be" => new UnicodeEncoding(true, false, true),
            "windows-1256" or "cp1256" or "1256" or "windows1256" => WindowsArabic,
            "iso-8859-6" or "iso8859-6" or "iso-8859-6:1987" or "arabic" => IsoArabic,
            _ => null,
        };
    }

    /// <summary>Windows-1256, the code page Windows and Word use for Arabic plain text.</summary>
    public static Encoding WindowsArabic => Strict(1256);

    /// <summary>ISO-8859-6 (ASMO 708), the older Arabic code page of Unix mail and the web.</summary>
    public static Encoding IsoArabic => Strict(28596);

    /// <summary>The name a person knows an encoding by.</summary>
    public static string NameOf(Encoding encoding) => encoding.CodePage switch
    {
        1256 => "windows-1256",
        28596 => "iso-8859-6",
        1200 => "utf-16le",
        1201 => "utf-16be",
        65001 => "utf-8",
        _ => encoding.WebName,
    };

    /// <summary>A legacy Arabic code page's guess for bytes that are not UTF-8: the one whose reading gives the most Arabic (and fewest stray Latin or unassigned) characters; null when neither reads as Arabic text.</summary>
    public static Encoding? GuessLegacyArabic(ReadOnlySpan<byte> bytes)
    {
        Encoding? best = null;
        var bestScore = 0;
        var high = 0;
        foreach (var b in bytes) if (b >= 0x80) high++;
        foreach (var encoding in new[] { Lenient(1256), Lenient(28596) })
        {
            var score = 0;
            foreach (var c in encoding.GetString(bytes))
            {
                if (c < 0x80) continue;
                if (c is >= '\u0600' and <= '\u06FF' or '\u00A0' or '\u200C' or '\u200D' or '\u200E' or '\u200F') score++;
                else score -= 2;
            }

            if (score > bestScore) (best, bestScore) = (Strict(encoding.CodePage), score);
        }

        // Most of the non-ASCII bytes must read as Arabic.
        return bestScore * 2 > high ? best : null;
    }

    private static Encoding Strict(int codePage) => Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static Encoding Lenient(int codePage) => Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
}
