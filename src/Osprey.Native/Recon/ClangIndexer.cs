using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Osprey.Native.Recon;

/// <summary>
/// Indexes translation units through libclang: function definitions with their parameter types,
/// the calls and the literals in their bodies. Declarations from system headers are skipped, so
/// the index holds the project's own code only. One translation unit at a time; a unit that does
/// not parse is recorded with its first error and the rest go on.
/// </summary>
internal sealed unsafe class ClangIndexer
{
    private readonly string? _resourceInclude;

    /// <param name="clangMajorVersion">Used to find clang's builtin headers (stddef.h) for libclang.</param>
    public ClangIndexer(int clangMajorVersion)
    {
        var dir = $"/usr/lib/llvm-{clangMajorVersion}/lib/clang/{clangMajorVersion}/include";
        _resourceInclude = Directory.Exists(dir) ? dir : null;
    }

    public NativeCodeIndex Index(IEnumerable<CompileCommand> commands, CancellationToken cancellationToken)
    {
        var state = new IndexState();
        var index = LibClang.clang_createIndex(0, 0);
        try
        {
            foreach (var command in commands)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IndexUnit(index, command, state);
            }
        }
        finally
        {
            LibClang.clang_disposeIndex(index);
        }

        return new NativeCodeIndex
        {
            Functions = [.. state.Functions.Values.OrderBy(f => f.FilePath, StringComparer.Ordinal).ThenBy(f => f.Line)],
            Calls = state.Calls.Distinct().ToImmutableArray(),
            Literals = [.. state.Literals],
            ParseErrors = [.. state.ParseErrors],
        };
    }

    private void IndexUnit(nint index, CompileCommand command, IndexState state)
    {
        var args = new List<string>(command.Flags);
        if (_resourceInclude is not null)
        {
            args.Add("-isystem");
            args.Add(_resourceInclude);
        }

        if (command.IsCpp)
        {
            args.Insert(0, "c++");
            args.Insert(0, "-x");
        }

        var unit = Parse(index, command.File, args);
        if (unit == 0)
        {
            state.ParseErrors.Add((command.File, "libclang could not parse the file"));
            return;
        }

        try
        {
            if (FirstError(unit) is { } error)
            {
                state.ParseErrors.Add((command.File, error));
            }

            state.Unit = command.File;
            state.IsCpp = command.IsCpp;
            var handle = GCHandle.Alloc(state);
            try
            {
                LibClang.clang_visitChildren(LibClang.clang_getTranslationUnitCursor(unit), &VisitTopLevel, GCHandle.ToIntPtr(handle));
            }
            finally
            {
                handle.Free();
            }
        }
        finally
        {
            LibClang.clang_disposeTranslationUnit(unit);
        }
    }

    private static nint Parse(nint index, string file, List<string> args)
    {
        var encoded = args.Select(a => Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        var path = Marshal.StringToCoTaskMemUTF8(file);
        try
        {
            nint unit;
            fixed (nint* argv = encoded)
            {
                var code = LibClang.clang_parseTranslationUnit2(index, (byte*)path, (byte**)argv, encoded.Length, 0, 0, LibClang.ParseKeepGoing, &unit);
                return code == 0 ? unit : 0;
            }
        }
        finally
        {
            foreach (var pointer in encoded)
            {
                Marshal.FreeCoTaskMem(pointer);
            }

            Marshal.FreeCoTaskMem(path);
        }
    }

    private static string? FirstError(nint unit)
    {
        var count = LibClang.clang_getNumDiagnostics(unit);
        for (uint i = 0; i < count; i++)
        {
            var diagnostic = LibClang.clang_getDiagnostic(unit, i);
            try
            {
                if (LibClang.clang_getDiagnosticSeverity(diagnostic) >= LibClang.DiagnosticError)
                {
                    return LibClang.Take(LibClang.clang_formatDiagnostic(diagnostic, 0x1 | 0x2));
                }
            }
            finally
            {
                LibClang.clang_disposeDiagnostic(diagnostic);
            }
        }

        return null;
    }

    [UnmanagedCallersOnly]
    private static int VisitTopLevel(CXCursor cursor, CXCursor parent, nint data)
    {
        var state = (IndexState)GCHandle.FromIntPtr(data).Target!;
        if (cursor.Kind is not (CursorKind.FunctionDecl or CursorKind.CxxMethod))
        {
            // Namespaces, classes and extern "C" blocks hold functions too.
            return LibClang.ChildVisitRecurse;
        }

        var location = LibClang.clang_getCursorLocation(cursor);
        if (LibClang.clang_isCursorDefinition(cursor) == 0 || LibClang.clang_Location_isInSystemHeader(location) != 0)
        {
            return LibClang.ChildVisitContinue;
        }

        var (file, line, column) = Where(location);
        var name = LibClang.Take(LibClang.clang_getCursorSpelling(cursor));
        var parameters = ImmutableArray.CreateBuilder<NativeParameter>();
        var count = LibClang.clang_Cursor_getNumArguments(cursor);
        for (uint i = 0; i < Math.Max(0, count); i++)
        {
            var argument = LibClang.clang_Cursor_getArgument(cursor, i);
            var type = LibClang.clang_getCursorType(argument);
            parameters.Add(new NativeParameter(
                LibClang.Take(LibClang.clang_getCursorSpelling(argument)),
                LibClang.Take(LibClang.clang_getTypeSpelling(type)),
                LibClang.Take(LibClang.clang_getTypeSpelling(LibClang.clang_getCanonicalType(type)))));
        }

        var function = new NativeFunction
        {
            Name = name,
            FilePath = file,
            Line = line,
            Column = column,
            ReturnType = LibClang.Take(LibClang.clang_getTypeSpelling(LibClang.clang_getCursorResultType(cursor))),
            Parameters = parameters.ToImmutable(),
            IsStatic = LibClang.clang_Cursor_getStorageClass(cursor) == LibClang.StorageStatic,
            TranslationUnit = state.Unit,
            IsCpp = state.IsCpp,
        };
        state.Functions.TryAdd($"{file}:{line}:{name}", function);
        state.CurrentFunction = name;
        LibClang.clang_visitChildren(cursor, &VisitBody, data);
        return LibClang.ChildVisitContinue;
    }

    [UnmanagedCallersOnly]
    private static int VisitBody(CXCursor cursor, CXCursor parent, nint data)
    {
        var state = (IndexState)GCHandle.FromIntPtr(data).Target!;
        switch (cursor.Kind)
        {
            case CursorKind.CallExpr:
                var callee = LibClang.Take(LibClang.clang_getCursorSpelling(cursor));
                if (callee.Length > 0)
                {
                    var (file, line, _) = Where(LibClang.clang_getCursorLocation(cursor));
                    state.Calls.Add(new NativeCall(state.CurrentFunction, callee, file, line));
                }

                break;
            case CursorKind.StringLiteral:
                AddLiteral(state, cursor, NativeLiteralKind.String, LibClang.Take(LibClang.clang_getCursorSpelling(cursor)), 0);
                break;
            case CursorKind.IntegerLiteral or CursorKind.CharacterLiteral:
                var result = LibClang.clang_Cursor_Evaluate(cursor);
                if (result != 0)
                {
                    try
                    {
                        if (LibClang.clang_EvalResult_getKind(result) == LibClang.EvalInt)
                        {
                            var value = LibClang.clang_EvalResult_getAsLongLong(result);
                            var kind = cursor.Kind == CursorKind.IntegerLiteral ? NativeLiteralKind.Integer : NativeLiteralKind.Character;
                            AddLiteral(state, cursor, kind, value.ToString(System.Globalization.CultureInfo.InvariantCulture), value);
                        }
                    }
                    finally
                    {
                        LibClang.clang_EvalResult_dispose(result);
                    }
                }

                break;
        }

        return LibClang.ChildVisitRecurse;
    }

    private static void AddLiteral(IndexState state, CXCursor cursor, NativeLiteralKind kind, string text, long value)
    {
        var location = LibClang.clang_getCursorLocation(cursor);
        if (LibClang.clang_Location_isInSystemHeader(location) != 0)
        {
            return;
        }

        var (file, line, _) = Where(location);
        state.Literals.Add(new NativeLiteral(kind, text, value, state.CurrentFunction, file, line));
    }

    private static (string File, int Line, int Column) Where(CXSourceLocation location)
    {
        nint file;
        uint line, column, offset;
        LibClang.clang_getSpellingLocation(location, &file, &line, &column, &offset);
        var path = file == 0 ? "" : LibClang.Take(LibClang.clang_getFileName(file));
        return (path.Length > 0 ? Path.GetFullPath(path) : path, (int)line, (int)column);
    }

    private sealed class IndexState
    {
        public Dictionary<string, NativeFunction> Functions { get; } = new(StringComparer.Ordinal);
        public List<NativeCall> Calls { get; } = [];
        public List<NativeLiteral> Literals { get; } = [];
        public List<(string, string)> ParseErrors { get; } = [];
        public string Unit { get; set; } = "";
        public bool IsCpp { get; set; }
        public string CurrentFunction { get; set; } = "";
    }
}
