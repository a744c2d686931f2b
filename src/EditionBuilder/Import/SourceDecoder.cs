using System.Text;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Import;

/// <summary>Turns the bytes of a text export into lines, reporting empty, binary and invalid UTF-8 input with positions.</summary>
public static class SourceDecoder
{
    /// <summary>Sources larger than this are refused rather than read into memory.</summary>
    public const long MaxSourceBytes = 64L * 1024 * 1024;

    /// <summary>Decodes the bytes; returns null (with errors in the bag) when they are not usable text. UTF-8 (with or without a BOM) and UTF-16 with a BOM are read; a legacy Arabic code page is named in one error, or decoded when <paramref name="encoding"/> asks for it (with a warning).</summary>
    public static IReadOnlyList<SourceLine>? Decode(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics, Encoding? encoding = null)
    {
        if (bytes.Length > MaxSourceBytes)
        {
            diagnostics.Error(DiagnosticCodes.SourceTooLarge, path, 0, 0,
                $"the source is {bytes.Length / (1024 * 1024)} MiB; sources over {MaxSourceBytes / (1024 * 1024)} MiB are refused");
            return null;
        }

        var text = bytes.StartsWith("\uFEFF"u8) && encoding is null or { CodePage: 65001 } ? DecodeUtf8(path, bytes[3..], diagnostics)
            : Utf16Bom(bytes) is { } utf16 ? DecodeUtf16(path, bytes, utf16, diagnostics)
            : encoding is null or { CodePage: 65001 } ? DecodeUtf8(path, bytes, diagnostics)
            : encoding is UnicodeEncoding ? DecodeUtf16(path, bytes, encoding, diagnostics)
            : DecodeLegacy(path, bytes, encoding, diagnostics);
        if (text is null) return null;

        if (text.All(char.IsWhiteSpace))
        {
            diagnostics.Error(DiagnosticCodes.EmptySource, path, 1, 1, "the source is empty: it holds no text");
            return null;
        }

        return SplitLines(text);
    }

    private static string? DecodeUtf8(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            if (LooksLikeUtf16(bytes))
            {
                diagnostics.Error(DiagnosticCodes.Utf16WithoutBom, path, 1, 1,
                    "this file looks like UTF-16 (Word's \"Unicode\") without a byte-order mark: save it again as Plain Text with the encoding Unicode (UTF-8), or run with --encoding utf-16");
                return null;
            }

            var (line, column) = Utf8Text.PositionOf(bytes, nul);
            diagnostics.Error(DiagnosticCodes.BinarySource, path, line, column,
                "this is a binary file (it holds a NUL byte), not a Word text export; save the document as plain text (UTF-8)");
            return null;
        }

        var (invalid, multibyte, firstInvalid) = Utf8Census(bytes);
        if (invalid == 0) return Encoding.UTF8.GetString(bytes);

        // A legacy code page makes almost every non-ASCII byte invalid UTF-8; a damaged UTF-8 file has a few bad bytes among many good characters.
        if (invalid > multibyte && SourceEncodings.GuessLegacyArabic(bytes) is { } legacy)
        {
            var (line, column) = Utf8Text.PositionOf(bytes, firstInvalid);
            var name = SourceEncodings.NameOf(legacy);
            diagnostics.Error(DiagnosticCodes.LegacyEncoding, path, line, column,
                $"this file is not UTF-8: it looks like {name} ({(legacy.CodePage == 1256 ? "Arabic Windows, Word's default for Arabic plain text" : "Arabic ISO")}); "
                + $"in Word save it again as Plain Text with the encoding Unicode (UTF-8), or run with --encoding {name}");
            return null;
        }

        Utf8Text.ReportInvalid(path, bytes, diagnostics, "save the document as UTF-8 text");
        return null;
    }

    private static string? DecodeLegacy(string path, ReadOnlySpan<byte> bytes, Encoding encoding, DiagnosticBag diagnostics)
    {
        var name = SourceEncodings.NameOf(encoding);
        var (invalid, multibyte, _) = Utf8Census(bytes);
        if (invalid == 0 && multibyte > 0)
        {
            diagnostics.Error(DiagnosticCodes.EncodingMismatch, path, 1, 1,
                $"--encoding {name} was given, but this file is UTF-8 (its characters are valid UTF-8): leave --encoding out");
            return null;
        }

        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Max(0, e.Index);
            diagnostics.Error(DiagnosticCodes.EncodingMismatch, path, 1, 1,
                $"byte {at} of this file (0x{(at < bytes.Length ? bytes[at] : 0):X2}) is not a character of {name}: is --encoding {name} the right encoding?");
            return null;
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, column) = PositionInText(text, nul);
            diagnostics.Error(DiagnosticCodes.BinarySource, path, line, column, "this is a binary file (it holds a NUL byte), not a Word text export");
            return null;
        }

        diagnostics.Warning(DiagnosticCodes.DecodedFromLegacyEncoding, path, 1, 1,
            $"read as {name} (--encoding); the Markdown is written in UTF-8. Saving the export as UTF-8 in Word makes --encoding unnecessary");
        return text;
    }

    private static string? DecodeUtf16(string path, ReadOnlySpan<byte> bytes, Encoding encoding, DiagnosticBag diagnostics)
    {
        var bom = Utf16Bom(bytes) is not null ? 2 : 0;
        var bigEndian = encoding.CodePage == 1201 || (bom == 2 && bytes[0] == 0xFE);
        var strict = new UnicodeEncoding(bigEndian, false, true);
        string text;
        try
        {
            text = strict.GetString(bytes[bom..]);
        }
        catch (DecoderFallbackException e)
        {
            var good = new UnicodeEncoding(bigEndian, false, false).GetString(bytes[bom..(bom + Math.Max(0, e.Index) / 2 * 2)]);
            var (line, column) = PositionInText(good, good.Length);
            diagnostics.Error(DiagnosticCodes.InvalidUtf16, path, line, column,
                "invalid UTF-16: a half of a character pair (surrogate) stands alone here, or the file ends in the middle of a character; save the document again as UTF-8");
            return null;
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, column) = PositionInText(text, nul);
            diagnostics.Error(DiagnosticCodes.BinarySource, path, line, column, "this is a binary file (it holds a NUL character), not a Word text export");
            return null;
        }

        return text;
    }

    // FF FE (little-endian) or FE FF (big-endian); a UTF-32 BOM (FF FE 00 00) is not UTF-16.
    private static Encoding? Utf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) ? Encoding.Unicode
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
        : null;

    // In UTF-16 every other byte is the high byte of a character: 0x00 for ASCII, 0x06 for Arabic, 0x20 for punctuation such as – and ’.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] is not (0x00 or 0x06 or 0x20)) continue;
            if (i % 2 == 0) even++;
            else odd++;
        }

        var pairs = sample.Length / 2;
        return pairs >= 2 && Math.Max(even, odd) * 10 >= pairs * 9;
    }

    // How many invalid UTF-8 sequences and valid multi-byte characters the bytes hold, and where the first invalid one is.
    private static (int Invalid, int Multibyte, int FirstInvalid) Utf8Census(ReadOnlySpan<byte> bytes)
    {
        int invalid = 0, multibyte = 0, first = -1, offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes[offset] < 0x80) { offset++; continue; }
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done) multibyte++;
            else
            {
                invalid++;
                if (first < 0) first = offset;
            }

            offset += Math.Max(consumed, 1);
        }

        return (invalid, multibyte, first);
    }

    private static (int Line, int Column) PositionInText(string text, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) { line++; column = 1; }
            else if (text[i] != '\r') column++;
        }

        return (line, column);
    }

    /// <summary>Splits on LF, CRLF or a lone CR; the line ends themselves are dropped.</summary>
    public static IReadOnlyList<SourceLine> SplitLines(string text)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        var number = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(new SourceLine(number++, text[start..i]));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }

        if (start < text.Length) lines.Add(new SourceLine(number, text[start..]));
        return lines;
    }
}
