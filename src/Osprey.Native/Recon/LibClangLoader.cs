using System.Reflection;
using System.Runtime.InteropServices;
using Osprey.Native.Toolchain;

namespace Osprey.Native.Recon;

/// <summary>
/// Resolves the <c>libclang</c> import to whichever versioned library is installed: Debian ships
/// <c>libclang-19.so.1</c>, <c>libclang-22.so.1</c>, … and no unversioned name without the -dev
/// package. <c>OSPREY_LIBCLANG</c> overrides the search with an exact path.
/// </summary>
internal static class LibClangLoader
{
    private static readonly Lock Gate = new();
    private static bool _registered;
    private static nint _handle;
    private static string? _loadedFrom;

    /// <summary>Loads libclang once per process; returns false when no version is installed.</summary>
    public static bool TryLoad(out string? loadedFrom)
    {
        lock (Gate)
        {
            if (_handle == 0)
            {
                foreach (var candidate in Candidates())
                {
                    if (NativeLibrary.TryLoad(candidate, out var handle))
                    {
                        _handle = handle;
                        _loadedFrom = candidate;
                        break;
                    }
                }
            }

            if (_handle != 0 && !_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(LibClangLoader).Assembly, Resolve);
                _registered = true;
            }

            loadedFrom = _loadedFrom;
            return _handle != 0;
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == "libclang" ? _handle : 0;

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("OSPREY_LIBCLANG") is { Length: > 0 } forced)
        {
            yield return forced;
            yield break;
        }

        foreach (var version in ToolchainProbe.KnownVersions)
        {
            yield return $"libclang-{version}.so.1";
            yield return $"/usr/lib/llvm-{version}/lib/libclang.so.1";
        }

        yield return "libclang.so.1";
        yield return "libclang.so";
        yield return "libclang.dylib";
    }
}
