namespace Osprey.Native.Toolchain;

/// <summary>A tool the probe did not find: what the engine loses without it, and where to get it.</summary>
/// <param name="Tool">The tool's name, e.g. <c>libFuzzer</c>.</param>
/// <param name="Consequence">What the engine does without it, in one sentence.</param>
/// <param name="DebianPackage">The Debian package that provides it.</param>
public sealed record ToolchainGap(string Tool, string Consequence, string DebianPackage);
