using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// Path traversal: exploitable when the path the sink would open, resolved against the harness's
/// working directory, is the canary file <c>/etc/passwd</c> the payloads aim at — that is, it
/// left whatever base directory the program meant. Paths are judged as Linux reads them.
/// </summary>
internal sealed class PathOracle : ISinkOracle
{
    internal const string Canary = "/etc/passwd";

    public ImmutableArray<string> SinkKinds { get; } = ["path-injection", "zip-slip"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("../../../../../../../../../../etc/passwd", "climbs out of the base directory with '..'"),
        new("/etc/passwd", "replaces the whole path with an absolute one"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var observed = observation.Primary;
        if (observed.Length == 0)
        {
            return OracleVerdict.NotReached("no path reached the sink");
        }

        // Read the way the harness's platform (Linux) reads it: a backslash is part of a file name.
        var normalised = observed;
        var workingDirectory = observation.Fact("cwd") ?? "/osprey/base";
        string resolved;
        try
        {
            resolved = Path.GetFullPath(normalised, workingDirectory);
        }
        catch (ArgumentException)
        {
            return OracleVerdict.Neutralised("the path is not a valid path");
        }

        return string.Equals(resolved, Canary, StringComparison.Ordinal)
            ? OracleVerdict.Exploit($"the path '{observed}' resolves to {Canary}, outside any base directory.")
            : normalised.Contains("etc/passwd", StringComparison.Ordinal) || observed.Contains("passwd", StringComparison.Ordinal)
                ? OracleVerdict.Neutralised($"the path resolves to '{resolved}', which stays under its base directory")
                : OracleVerdict.NotReached("the payload does not appear in the path");
    }
}
