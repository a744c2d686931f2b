using EditionBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EditionBuilder.Content;

/// <summary>Reads and writes article.yml and edition.yml; unknown keys, wrong types and YAML syntax errors are positioned diagnostics.</summary>
public static class MetadataYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    // Built on first use: a build that only reads YAML never pays for it.
    private static readonly Lazy<ISerializer> Serializer = new(() => new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .Build());

    public static T? Read<T>(string path, string text, DiagnosticBag diagnostics, int lineOffset = 0)
        where T : class, new()
    {
        if (string.IsNullOrWhiteSpace(text)) return new T();
        try
        {
            return Deserializer.Deserialize<T>(text) ?? new T();
        }
        catch (YamlException e)
        {
            var message = Describe(e);
            diagnostics.Error(DiagnosticCodes.MetadataInvalid, path, (int)e.Start.Line + lineOffset, (int)e.Start.Column, message);
            return null;
        }
    }

    public static string Write<T>(T value, string headerComment)
        where T : class
    {
        var header = string.Concat(headerComment.Split('\n').Select(l => $"# {l}\n"));
        return header + Serializer.Value.Serialize(value);
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet wraps the real cause; its innermost message is the one a person can act on.
        var inner = e as Exception;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var message = inner.Message;
        if (message.Contains("not found on type", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'');
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            var key = end > start ? message[(start + 1)..end] : "?";
            return $"unknown key '{key}'";
        }

        return message.Replace("\r", string.Empty).Replace('\n', ' ');
    }
}
