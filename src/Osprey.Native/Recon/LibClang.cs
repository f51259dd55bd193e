using System.Runtime.InteropServices;

namespace Osprey.Native.Recon;

// The subset of libclang's stable C API (clang-c/Index.h) the indexer uses. Structs mirror the
// C layouts exactly and are passed by value, as the C API does.

[StructLayout(LayoutKind.Sequential)]
internal struct CXString
{
    public nint Data;
    public uint Flags;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXCursor
{
    public int Kind;
    public int Xdata;
    public nint Data0;
    public nint Data1;
    public nint Data2;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXType
{
    public int Kind;
    public nint Data0;
    public nint Data1;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceLocation
{
    public nint Pointer0;
    public nint Pointer1;
    public uint IntData;
}

/// <summary>Cursor kinds from <c>enum CXCursorKind</c>.</summary>
internal static class CursorKind
{
    public const int FunctionDecl = 8;
    public const int CxxMethod = 21;
    public const int CallExpr = 103;
    public const int IntegerLiteral = 106;
    public const int StringLiteral = 109;
    public const int CharacterLiteral = 110;
}

internal static unsafe partial class LibClang
{
    private const string Library = "libclang";

    public const int ChildVisitBreak = 0;
    public const int ChildVisitContinue = 1;
    public const int ChildVisitRecurse = 2;

    // CXTranslationUnit_DetailedPreprocessingRecord is not needed; skipping function bodies is not
    // wanted (calls and literals live there). KeepGoing = 0x200 makes fatal errors non-fatal.
    public const uint ParseKeepGoing = 0x200;

    public const int StorageStatic = 3;
    public const int EvalInt = 1;
    public const int DiagnosticError = 3;

    [LibraryImport(Library)]
    public static partial nint clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);

    [LibraryImport(Library)]
    public static partial void clang_disposeIndex(nint index);

    [LibraryImport(Library)]
    public static partial int clang_parseTranslationUnit2(nint index, byte* sourceFilename, byte** commandLineArgs, int numCommandLineArgs, nint unsavedFiles, uint numUnsavedFiles, uint options, nint* translationUnit);

    [LibraryImport(Library)]
    public static partial void clang_disposeTranslationUnit(nint translationUnit);

    [LibraryImport(Library)]
    public static partial CXCursor clang_getTranslationUnitCursor(nint translationUnit);

    [LibraryImport(Library)]
    public static partial uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, nint, int> visitor, nint clientData);

    [LibraryImport(Library)]
    public static partial CXString clang_getCursorSpelling(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial byte* clang_getCString(CXString text);

    [LibraryImport(Library)]
    public static partial void clang_disposeString(CXString text);

    [LibraryImport(Library)]
    public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial void clang_getSpellingLocation(CXSourceLocation location, nint* file, uint* line, uint* column, uint* offset);

    [LibraryImport(Library)]
    public static partial CXString clang_getFileName(nint file);

    [LibraryImport(Library)]
    public static partial int clang_Location_isInSystemHeader(CXSourceLocation location);

    [LibraryImport(Library)]
    public static partial CXType clang_getCursorType(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXType clang_getCursorResultType(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXType clang_getCanonicalType(CXType type);

    [LibraryImport(Library)]
    public static partial CXString clang_getTypeSpelling(CXType type);

    [LibraryImport(Library)]
    public static partial int clang_Cursor_getNumArguments(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);

    [LibraryImport(Library)]
    public static partial uint clang_isCursorDefinition(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial int clang_Cursor_getStorageClass(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXCursor clang_getCursorReferenced(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial nint clang_Cursor_Evaluate(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial int clang_EvalResult_getKind(nint result);

    [LibraryImport(Library)]
    public static partial long clang_EvalResult_getAsLongLong(nint result);

    [LibraryImport(Library)]
    public static partial void clang_EvalResult_dispose(nint result);

    [LibraryImport(Library)]
    public static partial uint clang_getNumDiagnostics(nint translationUnit);

    [LibraryImport(Library)]
    public static partial nint clang_getDiagnostic(nint translationUnit, uint index);

    [LibraryImport(Library)]
    public static partial int clang_getDiagnosticSeverity(nint diagnostic);

    [LibraryImport(Library)]
    public static partial CXString clang_formatDiagnostic(nint diagnostic, uint options);

    [LibraryImport(Library)]
    public static partial void clang_disposeDiagnostic(nint diagnostic);

    /// <summary>Copies and frees a libclang string.</summary>
    public static string Take(CXString text)
    {
        try
        {
            var pointer = clang_getCString(text);
            return pointer is null ? "" : Marshal.PtrToStringUTF8((nint)pointer) ?? "";
        }
        finally
        {
            clang_disposeString(text);
        }
    }
}
