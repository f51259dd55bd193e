using System.Collections.Immutable;

namespace Osprey.Native.Recon;

/// <summary>A parameter of an indexed function.</summary>
/// <param name="Name">The parameter's name (may be empty in a prototype).</param>
/// <param name="Type">The type as written (<c>const uint8_t *</c>).</param>
/// <param name="CanonicalType">The type with typedefs resolved (<c>const unsigned char *</c>).</param>
internal sealed record NativeParameter(string Name, string Type, string CanonicalType);

/// <summary>A function definition found by the indexer.</summary>
internal sealed record NativeFunction
{
    public required string Name { get; init; }
    public required string FilePath { get; init; }
    public required int Line { get; init; }
    public int Column { get; init; }
    public required string ReturnType { get; init; }
    public ImmutableArray<NativeParameter> Parameters { get; init; } = [];
    public bool IsStatic { get; init; }

    /// <summary>The translation unit (main source file) the definition was seen in.</summary>
    public required string TranslationUnit { get; init; }

    public bool IsCpp { get; init; }
}

/// <summary>A call from one function to another.</summary>
internal sealed record NativeCall(string Caller, string Callee, string FilePath, int Line);

/// <summary>The kind of a literal.</summary>
internal enum NativeLiteralKind
{
    String = 0,
    Integer = 1,
    Character = 2,
}

/// <summary>A string, integer or character literal in a function body.</summary>
/// <param name="Kind">The literal's kind.</param>
/// <param name="Text">String literals: the source spelling with quotes; numbers: the decimal value.</param>
/// <param name="Value">The numeric value of integer and character literals.</param>
/// <param name="Function">The enclosing function.</param>
/// <param name="FilePath">Where it is.</param>
/// <param name="Line">The line.</param>
internal sealed record NativeLiteral(NativeLiteralKind Kind, string Text, long Value, string Function, string FilePath, int Line);

/// <summary>Everything the indexer learned from one project.</summary>
internal sealed record NativeCodeIndex
{
    public ImmutableArray<NativeFunction> Functions { get; init; } = [];
    public ImmutableArray<NativeCall> Calls { get; init; } = [];
    public ImmutableArray<NativeLiteral> Literals { get; init; } = [];

    /// <summary>Translation units that did not parse cleanly, with the first error.</summary>
    public ImmutableArray<(string File, string Error)> ParseErrors { get; init; } = [];

    /// <summary>Callees of <paramref name="function"/>.</summary>
    public IEnumerable<string> CalleesOf(string function) => Calls.Where(c => c.Caller == function).Select(c => c.Callee).Distinct(StringComparer.Ordinal);

    /// <summary>Functions reachable from <paramref name="function"/> through the call graph, itself included.</summary>
    public IReadOnlySet<string> ReachableFrom(string function)
    {
        var byCaller = Calls.ToLookup(c => c.Caller, c => c.Callee, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { function };
        var pending = new Stack<string>([function]);
        while (pending.Count > 0)
        {
            foreach (var callee in byCaller[pending.Pop()])
            {
                if (seen.Add(callee))
                {
                    pending.Push(callee);
                }
            }
        }

        return seen;
    }
}
