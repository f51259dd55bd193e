namespace Osprey.Core.Scanning;

/// <summary>Languages Osprey recognises in a target.</summary>
public enum SourceLanguage
{
    /// <summary>Not a language any engine reads.</summary>
    Unknown = 0,
    /// <summary>C# source (<c>.cs</c>).</summary>
    CSharp = 1,
    /// <summary>C source and headers.</summary>
    C = 2,
    /// <summary>C++ source and headers.</summary>
    Cpp = 3,
    /// <summary>A compiled .NET assembly (<c>.dll</c>, <c>.exe</c>).</summary>
    DotNetAssembly = 4,
}

/// <summary>Language detection by file name.</summary>
public static class SourceLanguages
{
    /// <summary>The language of <paramref name="path"/> by its extension.</summary>
    public static SourceLanguage FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".cs" => SourceLanguage.CSharp,
        ".c" => SourceLanguage.C,
        ".h" => SourceLanguage.C,
        ".cc" or ".cpp" or ".cxx" or ".c++" or ".hpp" or ".hh" or ".hxx" => SourceLanguage.Cpp,
        ".dll" or ".exe" => SourceLanguage.DotNetAssembly,
        _ => SourceLanguage.Unknown,
    };
}
