using System.Globalization;
using System.Text.RegularExpressions;

namespace Osprey.Native.Fuzzing;

/// <summary>A libFuzzer status line: executions, speed, coverage and crashes so far.</summary>
/// <param name="Executions">Inputs run.</param>
/// <param name="ExecsPerSecond">Current speed.</param>
/// <param name="Coverage">Covered edges (<c>cov:</c>).</param>
/// <param name="Crashes">Crashes found (fork mode's <c>oom/timeout/crash</c> counters, else 0).</param>
internal sealed partial record FuzzStatus(long Executions, long ExecsPerSecond, long Coverage, int Crashes)
{
    [GeneratedRegex(@"^#(?<execs>\d+):?\s.*?cov: (?<cov>\d+).*?exec/s: (?<eps>\d+)(?:.*?oom/timeout/crash: (?<oom>\d+)/(?<to>\d+)/(?<crash>\d+))?")]
    private static partial Regex StatusLine();

    /// <summary>Parses one line of libFuzzer's standard error; null when it is not a status line.</summary>
    public static FuzzStatus? TryParse(string line)
    {
        var match = StatusLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        static long Number(Group g) => g.Success ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        return new FuzzStatus(
            Number(match.Groups["execs"]),
            Number(match.Groups["eps"]),
            Number(match.Groups["cov"]),
            (int)(Number(match.Groups["crash"]) + Number(match.Groups["oom"]) + Number(match.Groups["to"])));
    }
}
