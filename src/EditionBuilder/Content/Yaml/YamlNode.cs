namespace EditionBuilder.Content.Yaml;

/// <summary>A place in a YAML text: 1-based line and column (in characters, already shifted to the file's lines) and the 0-based character index in the YAML text.</summary>
public readonly record struct YamlPosition(int Line, int Column, int Index);

/// <summary>A node of a YAML document as the edition reads it: every node knows where it starts and ends, so each value's problem is reported at the value.</summary>
public abstract class YamlNode
{
    protected YamlNode(YamlPosition start, YamlPosition end)
    {
        Start = start;
        End = end;
    }

    public YamlPosition Start { get; }

    /// <summary>Just after the node's last character.</summary>
    public YamlPosition End { get; internal set; }

    /// <summary>The node an alias stands for, or the node itself.</summary>
    public virtual YamlNode Resolved => this;

    /// <summary>True for an empty or null value (<c>key:</c>, <c>~</c>, <c>null</c>, <c>""</c>, <c>[]</c>, <c>{}</c>): "not given".</summary>
    public abstract bool IsAbsent { get; }

    /// <summary>What the node is, in a publisher's words ("a text", "a list", "a map of key: value pairs").</summary>
    public abstract string Describe();
}

/// <summary>A text value; YAML's plain numbers and dates stay text here (no implicit typing: "no" stays "no").</summary>
public sealed class YamlScalar(YamlPosition start, YamlPosition end, string value, bool isPlain, bool isSingleLine) : YamlNode(start, end)
{
    public string Value { get; } = value;

    /// <summary>Written without quotes.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>The value's characters sit on one source line, one for one (plain or single-quoted without escapes), so a column inside it is exact.</summary>
    public bool IsSingleLine { get; } = isSingleLine;

    public override bool IsAbsent => Value.Length == 0 || (IsPlain && Value is "~" or "null" or "Null" or "NULL");

    public override string Describe() => IsAbsent ? "empty" : "a text";
}

/// <summary>A map of key: value pairs, in the order written; keys are texts and appear once.</summary>
public sealed class YamlMapping(YamlPosition start, YamlPosition end, bool isFlow) : YamlNode(start, end)
{
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();

    /// <summary>Written as <c>{ a: 1 }</c> rather than one key per line.</summary>
    public bool IsFlow { get; } = isFlow;

    public override bool IsAbsent => Entries.Count == 0;

    public override string Describe() => "a map of key: value pairs";
}

/// <summary>A list.</summary>
public sealed class YamlSequence(YamlPosition start, YamlPosition end, bool isFlow) : YamlNode(start, end)
{
    public List<YamlNode> Items { get; } = new();

    /// <summary>Written as <c>[a, b]</c> rather than one <c>- item</c> per line.</summary>
    public bool IsFlow { get; } = isFlow;

    public override bool IsAbsent => Items.Count == 0;

    public override string Describe() => "a list";
}

/// <summary>An alias <c>*name</c>: it stands for the anchored node, which is shared, never copied (the reader caps how much aliases expand).</summary>
public sealed class YamlAlias(YamlPosition start, YamlPosition end, YamlNode target) : YamlNode(start, end)
{
    public YamlNode Target { get; } = target;

    public override YamlNode Resolved => Target.Resolved;

    public override bool IsAbsent => Target.IsAbsent;

    public override string Describe() => Target.Describe();
}
