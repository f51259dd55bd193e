namespace Osprey.Native.Triage;

/// <summary>The outcome of replaying a crashing input several times in fresh processes.</summary>
/// <param name="Input">The input file replayed.</param>
/// <param name="Attempts">How many times it was run.</param>
/// <param name="Reproduced">How many runs crashed with the same signature as the first crashing run.</param>
/// <param name="Report">The first crashing run's sanitizer report, or null when no run crashed.</param>
internal sealed record CrashReproduction(string Input, int Attempts, int Reproduced, SanitizerReport? Report)
{
    /// <summary>Whether every attempt crashed the same way.</summary>
    public bool IsStable => Report is not null && Reproduced == Attempts;
}
