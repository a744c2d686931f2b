using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace EditionBuilder.Diagnostics;

/// <summary>Reads the UTF-8 text of a user's file, reporting each invalid byte at its line and column (EB0003) instead of silently replacing it with U+FFFD.</summary>
public static class Utf8Text
{
    /// <summary>Invalid bytes reported per file; a file with more is damaged throughout, and twenty say so.</summary>
    public const int MaxInvalidBytesReported = 20;

    /// <summary>The file's text (a byte-order mark dropped; UTF-16 with its mark read as such, as <see cref="File.ReadAllText(string)"/> does); every invalid UTF-8 byte is an error in the bag, and the text then holds U+FFFD in its place.</summary>
    public static string Read(string path, DiagnosticBag diagnostics)
    {
        var bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        if (Utf8.IsValid(span)) return Encoding.UTF8.GetString(span);
        ReportInvalid(path, span, diagnostics, "save the file as UTF-8 text");
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>Reports each byte that is not part of a valid UTF-8 character (at most <see cref="MaxInvalidBytesReported"/>), at its line and column.</summary>
    public static void ReportInvalid(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics, string fix)
    {
        var reported = 0;
        var offset = 0;
        while (offset < bytes.Length && reported < MaxInvalidBytesReported)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                offset += consumed;
                continue;
            }

            var (line, column) = PositionOf(bytes, offset);
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, path, line, column,
                $"invalid UTF-8: byte 0x{bytes[offset]:X2} is not part of a valid character; {fix}");
            reported++;
            offset += Math.Max(consumed, 1);
        }
    }

    /// <summary>The 1-based line and column (in characters) of a byte offset.</summary>
    public static (int Line, int Column) PositionOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var column = 1;
        var i = 0;
        while (i < offset)
        {
            var b = bytes[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                line++;
                column = 1;
                i++;
                continue;
            }

            var status = Rune.DecodeFromUtf8(bytes[i..offset], out _, out var consumed);
            i += status == OperationStatus.Done ? consumed : 1;
            if (b != (byte)'\r') column++;
        }

        return (line, column);
    }
}
