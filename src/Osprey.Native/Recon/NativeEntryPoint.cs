using Osprey.Core.Findings;
using Osprey.Native.Harness;

namespace Osprey.Native.Recon;

/// <summary>An indexed function that takes untrusted input, with the harness shape that can drive it.</summary>
/// <param name="Function">The function.</param>
/// <param name="Shape">How a fuzz input reaches it.</param>
/// <param name="EntryPoint">The Core entry point reported to the pipeline.</param>
/// <param name="Priority">Higher is fuzzed first: parsers, roots of the call graph, static candidates reachable from it.</param>
internal sealed record NativeEntryPoint(NativeFunction Function, HarnessShape Shape, EntryPoint EntryPoint, int Priority);
