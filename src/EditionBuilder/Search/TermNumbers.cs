using System.Runtime.CompilerServices;

namespace EditionBuilder.Search;

/// <summary>Numbers for the terms of search records, shared by the process, so the merge counts and places postings in arrays instead of hashing every term of every page again; a record the preview keeps is numbered once.</summary>
/// <remarks>The numbers are never written anywhere: the index orders terms by their text, so the bytes do not depend on the order terms were first seen.</remarks>
internal static class TermNumbers
{
    private static readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly List<string> Terms = [];
    private static readonly ConditionalWeakTable<SearchRecord, int[]> OfRecord = new();
    private static readonly Lock Gate = new();

    /// <summary>The numbers of a record's terms, in the order of <see cref="SearchRecord.Terms"/>.</summary>
    public static int[] Of(SearchRecord record) => OfRecord.GetValue(record, Number);

    /// <summary>Every term numbered so far, by number.</summary>
    public static string[] Known()
    {
        lock (Gate) return Terms.ToArray();
    }

    private static int[] Number(SearchRecord record)
    {
        var ids = new int[record.Terms.Count];
        lock (Gate)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                var term = record.Terms[i].Term;
                if (!Ids.TryGetValue(term, out var id))
                {
                    id = Terms.Count;
                    Ids[term] = id;
                    Terms.Add(term);
                }

                ids[i] = id;
            }
        }

        return ids;
    }
}
