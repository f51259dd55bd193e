namespace Osprey.Bench.Samples;

/// <summary>One row of a sample's GROUND_TRUTH.md: an intended vulnerability or a safe look-alike.</summary>
/// <param name="Id">V01, S03, …</param>
/// <param name="Cwe">The CWE.</param>
/// <param name="File">The file, relative to the sample folder, forward slashes.</param>
/// <param name="Method">The method holding the sink.</param>
/// <param name="Line">The sink's 1-based line.</param>
/// <param name="Vulnerable">True for a vulnerability, false for a safe look-alike.</param>
internal sealed record GroundTruthEntry(string Id, int Cwe, string File, string Method, int Line, bool Vulnerable);
