using System.Xml.Linq;

namespace EditionBuilder.Import.Docx;

/// <summary>Reads Strict Open XML (ISO/IEC 29500 Strict, the <c>purl.oclc.org/ooxml</c> namespaces) as Transitional: the same elements under other namespace names.</summary>
internal static class StrictOpenXml
{
    private const string StrictPrefix = "http://purl.oclc.org/ooxml/";

    // Each Strict namespace the reader meets and its Transitional name (ISO/IEC 29500-4 lists the pairs).
    private static readonly Dictionary<string, XNamespace> Transitional = new(StringComparer.Ordinal)
    {
        ["http://purl.oclc.org/ooxml/wordprocessingml/main"] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        ["http://purl.oclc.org/ooxml/officeDocument/relationships"] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        ["http://purl.oclc.org/ooxml/officeDocument/math"] = "http://schemas.openxmlformats.org/officeDocument/2006/math",
        ["http://purl.oclc.org/ooxml/drawingml/main"] = "http://schemas.openxmlformats.org/drawingml/2006/main",
        ["http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"] = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        ["http://purl.oclc.org/ooxml/drawingml/picture"] = "http://schemas.openxmlformats.org/drawingml/2006/picture",
        ["http://purl.oclc.org/ooxml/drawingml/chart"] = "http://schemas.openxmlformats.org/drawingml/2006/chart",
        ["http://purl.oclc.org/ooxml/drawingml/diagram"] = "http://schemas.openxmlformats.org/drawingml/2006/diagram",
        ["http://purl.oclc.org/ooxml/officeDocument/sharedTypes"] = "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    };

    /// <summary>True when the part's root is in a Strict namespace.</summary>
    public static bool IsStrict(XDocument document) =>
        document.Root?.Name.NamespaceName.StartsWith(StrictPrefix, StringComparison.Ordinal) == true;

    /// <summary>Renames, in place, every element and attribute in a Strict namespace to its Transitional name; a Transitional part is left as it is.</summary>
    public static void ToTransitional(XDocument document)
    {
        if (document.Root is null || !IsStrict(document)) return;
        foreach (var element in document.Root.DescendantsAndSelf())
        {
            if (Transitional.TryGetValue(element.Name.NamespaceName, out var ns)) element.Name = ns + element.Name.LocalName;
            if (!element.HasAttributes || !element.Attributes().Any(NeedsRenaming)) continue;
            // Attribute names cannot change, so the element gets its attributes again, renamed; namespace declarations go,
            // since they would declare a prefix for the Strict name again.
            var renamed = element.Attributes().Where(a => !a.IsNamespaceDeclaration || !a.Value.StartsWith(StrictPrefix, StringComparison.Ordinal))
                .Select(a => Transitional.TryGetValue(a.Name.NamespaceName, out var attributeNs) ? new XAttribute(attributeNs + a.Name.LocalName, a.Value) : new XAttribute(a))
                .ToList();
            element.ReplaceAttributes(renamed);
        }
    }

    private static bool NeedsRenaming(XAttribute attribute) =>
        attribute.Name.NamespaceName.StartsWith(StrictPrefix, StringComparison.Ordinal)
        || (attribute.IsNamespaceDeclaration && attribute.Value.StartsWith(StrictPrefix, StringComparison.Ordinal));
}
