using System.Text;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Import;

/// <summary>Turns the bytes of a text export into lines, reporting empty, binary and invalid UTF-8 input with positions.</summary>
public static class SourceDecoder
{
    /// <summary>Sources larger than this are refused rather than read into memory.</summary>
    public const long MaxSourceBytes = 64L * 1024 * 1024;

    private const int MaxInvalidBytesReported = 20;

    /// <summary>Decodes the bytes; returns null (with errors in the bag) when they are not usable text.</summary>
    public static IReadOnlyList<SourceLine>? Decode(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > MaxSourceBytes)
        {
            diagnostics.Error(DiagnosticCodes.SourceTooLarge, path, 0, 0,
                $"the source is {bytes.Length / (1024 * 1024)} MiB; sources over {MaxSourceBytes / (1024 * 1024)} MiB are refused");
            return null;
        }

        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = PositionOf(bytes, nul);
            diagnostics.Error(DiagnosticCodes.BinarySource, path, line, column,
                "this is a binary file (it holds a NUL byte), not a Word text export; save the document as plain text (UTF-8)");
            return null;
        }

        if (!ReportInvalidUtf8(path, bytes, diagnostics)) return null;

        var text = Encoding.UTF8.GetString(bytes);
        if (text.All(char.IsWhiteSpace))
        {
            diagnostics.Error(DiagnosticCodes.EmptySource, path, 1, 1, "the source is empty: it holds no text");
            return null;
        }

        return SplitLines(text);
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

    private static bool ReportInvalidUtf8(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        var reported = 0;
        var offset = 0;
        while (offset < bytes.Length && reported < MaxInvalidBytesReported)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                offset += consumed;
                continue;
            }

            var (line, column) = PositionOf(bytes, offset);
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, path, line, column,
                $"invalid UTF-8: byte 0x{bytes[offset]:X2} is not part of a valid character; save the document as UTF-8 text");
            reported++;
            offset += Math.Max(consumed, 1);
        }

        return reported == 0;
    }

    /// <summary>The 1-based line and column (in characters) of a byte offset.</summary>
    private static (int Line, int Column) PositionOf(ReadOnlySpan<byte> bytes, int offset)
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

            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..offset], out _, out var consumed);
            i += status == System.Buffers.OperationStatus.Done ? consumed : 1;
            if (b != (byte)'\r') column++;
        }

        return (line, column);
    }
}
