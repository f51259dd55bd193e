using System.Collections.Immutable;

namespace Osprey.Native.Recon;

/// <summary>What recon learned about a C/C++ target: how it is compiled, its index and its entry points.</summary>
internal sealed record NativeRecon
{
    /// <summary>The folder paths are reported relative to.</summary>
    public required string Root { get; init; }

    public required ImmutableArray<CompileCommand> Commands { get; init; }

    /// <summary>Where the compile commands came from: a database, build.sh or the source files.</summary>
    public required string Origin { get; init; }

    public required NativeCodeIndex Index { get; init; }

    public required ImmutableArray<NativeEntryPoint> EntryPoints { get; init; }

    /// <summary>Problems met on the way (bad database entries, units that did not parse), one sentence each.</summary>
    public ImmutableArray<string> Problems { get; init; } = [];
}
