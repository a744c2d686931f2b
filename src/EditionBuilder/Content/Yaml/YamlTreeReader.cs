using EditionBuilder.Diagnostics;
using EditionBuilder.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EditionBuilder.Content.Yaml;

/// <summary>Reads one YAML document into <see cref="YamlNode"/>s from YamlDotNet's parser events (no reflection): every value keeps its position, a key written twice is an error at the second, aliases are shared and capped, and syntax errors come with a hint in the publisher's words.</summary>
public static class YamlTreeReader
{
    /// <summary>How much a document may hold: aliases, what they expand to (characters and nodes), and nesting.</summary>
    public sealed record Limits(int MaxAliases = 100, long MaxExpandedSize = 1_000_000, int MaxDepth = 32)
    {
        public static Limits Default { get; } = new();
    }

    private const int MaxControlCharactersReported = 20;

    /// <summary>Reads the text; false (with errors) when it is not usable YAML. <paramref name="root"/> is null for an empty document (only comments or nothing).</summary>
    /// <param name="lineOffset">Lines before the YAML in its file (a chapter's front matter starts on line 2).</param>
    public static bool TryRead(string path, string text, DiagnosticBag diagnostics, int lineOffset, out YamlNode? root, Limits? limits = null)
    {
        var reader = new Builder(path, text, diagnostics, lineOffset, limits ?? Limits.Default);
        root = reader.Run();
        return !reader.Failed;
    }

    private sealed class Builder(string path, string text, DiagnosticBag diagnostics, int lineOffset, Limits limits)
    {
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<YamlNode> _open = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<YamlNode, long> _weights = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<Frame> _stack = new();
        private int _aliases;
        private long _expanded;
        private int _controlCharacters;
        private YamlPosition _last = new(1 + lineOffset, 1, 0);

        public bool Failed { get; private set; }

        // A collection being read: its node, its weight so far, a key waiting for its value, and the keys seen (for duplicates).
        private sealed class Frame(YamlNode node)
        {
            public YamlNode Node { get; } = node;

            public long Weight { get; set; } = 1;

            public YamlScalar? PendingKey { get; set; }

            public Dictionary<string, YamlScalar> Keys { get; } = new(StringComparer.Ordinal);
        }

        public YamlNode? Run()
        {
            YamlNode? root = null;
            var documents = 0;
            try
            {
                var parser = new Parser(new StringReader(text));
                while (parser.MoveNext())
                {
                    var e = parser.Current!;
                    _last = Position(e.Start);
                    switch (e)
                    {
                        case DocumentStart start when !start.IsImplicit || documents > 0:
                            if (++documents > 1)
                            {
                                Error(DiagnosticCodes.YamlSyntax, Position(e.Start), "a second YAML document starts here ('---'); a file holds one document: remove the line '---'");
                                return null;
                            }

                            break;
                        case DocumentStart:
                            documents++;
                            break;
                        case Scalar scalar:
                            if (!Add(Scalar(scalar), scalar.Anchor, weight: 1 + scalar.Value.Length)) return null;
                            break;
                        case AnchorAlias alias:
                            if (Alias(alias) is not { } aliasNode || !Add(aliasNode, AnchorName.Empty, _weights[((YamlAlias)aliasNode).Target])) return null;
                            break;
                        case SequenceStart sequence:
                            if (!Open(new YamlSequence(Position(e.Start), Position(e.End), sequence.Style == YamlDotNet.Core.Events.SequenceStyle.Flow), sequence.Anchor)) return null;
                            break;
                        case MappingStart mapping:
                            if (!Open(new YamlMapping(Position(e.Start), Position(e.End), mapping.Style == YamlDotNet.Core.Events.MappingStyle.Flow), mapping.Anchor)) return null;
                            break;
                        case SequenceEnd or MappingEnd:
                            var closed = Close(e);
                            if (_stack.Count == 0) root = closed;
                            break;
                    }
                }
            }
            catch (YamlException e)
            {
                var at = Position(e.Start);
                if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)) at = PositionOfIndex(SyntaxHint.TabIndentation(text, (int)e.Start.Index));
                Error(DiagnosticCodes.YamlSyntax, at, SyntaxHint.Describe(e.Message, text, (int)e.Start.Index));
                return null;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet's scanner fails this way on a few malformed inputs (an unclosed [ before a key); it is still the input's fault.
                Error(DiagnosticCodes.YamlSyntax, _last, "the YAML is malformed after this point: " + SyntaxHint.Generic);
                return null;
            }

            return Failed ? null : root;
        }

        private YamlScalar Scalar(Scalar scalar)
        {
            var start = Position(scalar.Start);
            var singleLine = scalar.Start.Line == scalar.End.Line
                && scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted
                && !scalar.Value.Contains('\'')
                && scalar.Anchor.IsEmpty && scalar.Tag.IsEmpty;
            return new YamlScalar(start, Position(scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain, singleLine);
        }

        private YamlNode? Alias(AnchorAlias alias)
        {
            var position = Position(alias.Start);
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Error(DiagnosticCodes.AliasLimit, position, $"the alias '*{alias.Value.Value}' names no anchor ('&{alias.Value.Value}') written before it");
                return null;
            }

            if (_open.Contains(target))
            {
                Error(DiagnosticCodes.AliasLimit, position, $"the alias '*{alias.Value.Value}' is inside the value it names, which would never end");
                return null;
            }

            if (++_aliases > limits.MaxAliases)
            {
                Error(DiagnosticCodes.AliasLimit, position, $"more than {limits.MaxAliases} aliases ('*name'); write the values out instead");
                return null;
            }

            return new YamlAlias(position, Position(alias.End), target);
        }

        private bool Open(YamlNode node, AnchorName anchor)
        {
            if (_stack.Count >= limits.MaxDepth)
            {
                Error(DiagnosticCodes.YamlTooDeep, node.Start, $"values are nested more than {limits.MaxDepth} levels deep here");
                return false;
            }

            if (!Attach(node, weight: 0)) return false;
            _open.Add(node);
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
            _stack.Push(new Frame(node));
            return Grow(1, node.Start);
        }

        private YamlNode Close(ParsingEvent e)
        {
            var frame = _stack.Pop();
            var node = frame.Node;
            node.End = node switch
            {
                // A flow collection ends after its bracket; a block one where its last line ends.
                YamlSequence { IsFlow: true } or YamlMapping { IsFlow: true } => Position(e.Start) with { Column = Position(e.Start).Column + 1, Index = Position(e.Start).Index + 1 },
                _ => Position(e.Start),
            };
            _open.Remove(node);
            _weights[node] = frame.Weight;
            if (_stack.TryPeek(out var parent)) parent.Weight += frame.Weight;
            return node;
        }

        // A scalar or alias: a key, a value of the pending key, or a list item.
        private bool Add(YamlNode node, AnchorName anchor, long weight)
        {
            if (node is YamlScalar scalar && !(_stack.TryPeek(out var f) && f.Node is YamlMapping && f.PendingKey is null)) CheckControlCharacters(scalar);
            if (!Attach(node, weight)) return false;
            _weights[node] = weight;
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
            return Grow(weight, node.Start);
        }

        private bool Attach(YamlNode node, long weight)
        {
            if (!_stack.TryPeek(out var frame)) return true; // the root
            switch (frame.Node)
            {
                case YamlSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case YamlMapping mapping when frame.PendingKey is null:
                    if (node is not YamlScalar key)
                    {
                        Error(DiagnosticCodes.WrongShape, node.Start, "a key must be a word (such as title:), not a list or a map");
                        return false;
                    }

                    if (frame.Keys.TryGetValue(key.Value, out var first))
                    {
                        Error(DiagnosticCodes.DuplicateKey, key.Start, $"the key '{key.Value}' is written twice (first on line {first.Start.Line}); keep one");
                    }
                    else
                    {
                        frame.Keys[key.Value] = key;
                    }

                    frame.PendingKey = key;
                    break;
                case YamlMapping mapping:
                    mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(frame.PendingKey!, node));
                    frame.PendingKey = null;
                    break;
            }

            frame.Weight += weight;
            return true;
        }

        private bool Grow(long weight, YamlPosition at)
        {
            _expanded += weight;
            if (_expanded <= limits.MaxExpandedSize) return true;
            Error(DiagnosticCodes.AliasLimit, at, $"the file expands to more than {limits.MaxExpandedSize:N0} characters through its aliases ('*name'); write the values out instead");
            return false;
        }

        private void CheckControlCharacters(YamlScalar scalar)
        {
            if (!ControlCharacters.Contains(scalar.Value.AsSpan())) return;
            for (var i = 0; i < scalar.Value.Length && _controlCharacters < MaxControlCharactersReported; i++)
            {
                var c = scalar.Value[i];
                if (!ControlCharacters.IsSuspicious(c) || c is '\n' or '\r') continue;
                var at = scalar.IsSingleLine && !scalar.IsPlain ? scalar.Start with { Column = scalar.Start.Column + 1 + i }
                    : scalar.IsSingleLine ? scalar.Start with { Column = scalar.Start.Column + i }
                    : scalar.Start;
                diagnostics.Warning(DiagnosticCodes.MetadataControlCharacter, path, at.Line, at.Column,
                    $"control character {ControlCharacters.CodePoint(c)} in this value: pages show it as a visible mark and never let it reorder the text; remove it if it came with copy-paste");
                _controlCharacters++;
            }
        }

        private YamlPosition PositionOfIndex(int index)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < index && i < text.Length; i++)
            {
                if (text[i] == '\n') { line++; column = 1; }
                else column++;
            }

            return new YamlPosition(line + lineOffset, column, index);
        }

        private YamlPosition Position(Mark mark) => new((int)mark.Line + lineOffset, (int)mark.Column, (int)mark.Index);

        private void Error(string code, YamlPosition at, string message)
        {
            diagnostics.Error(code, path, at.Line, at.Column, message);
            Failed = true;
        }
    }
}
