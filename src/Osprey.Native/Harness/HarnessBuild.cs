using Osprey.Native.Recon;

namespace Osprey.Native.Harness;

/// <summary>The result of building one harness: a fuzzer binary, or the reason it did not build.</summary>
/// <param name="Entry">The entry point.</param>
/// <param name="FuzzerPath">The fuzzer binary, or null when the build failed.</param>
/// <param name="HarnessSource">The generated harness file, or null for an existing fuzz target.</param>
/// <param name="Error">The compiler's first error lines when the build failed.</param>
internal sealed record HarnessBuild(NativeEntryPoint Entry, string? FuzzerPath, string? HarnessSource, string? Error)
{
    public bool Succeeded => FuzzerPath is not null;
}
