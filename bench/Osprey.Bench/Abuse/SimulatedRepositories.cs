using System.Collections.Immutable;
using Osprey.Tests.Shared.Abuse;

namespace Osprey.Bench.Abuse;

/// <summary>
/// Repositories of simulated organisations: the shared synthetic code plus, first, one data-access
/// file in which <see cref="SimulationEngine"/> reports a finding, so that every scan returns output
/// a harvester would want.
/// </summary>
internal static class SimulatedRepositories
{
    /// <summary>A repository of <paramref name="files"/> files (at least 2), the first with a finding.</summary>
    public static ImmutableArray<(string Path, string Content)> WithFinding(SyntheticCode code, int files)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(files, 2);
        var plain = code.Repository(files - 1);
        var folder = plain[0].Path[..plain[0].Path.LastIndexOf('/')];
        var query = $"var sql = \"SELECT * FROM {code.Name()} WHERE id = '\" + id + \"'\";\ncommand.{SimulationEngine.Marker};\n" + code.File(6);
        return [($"{folder}/Data/{code.Name()}Query.cs", query), .. plain];
    }
}
