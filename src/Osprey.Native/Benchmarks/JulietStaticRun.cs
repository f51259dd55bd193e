namespace Osprey.Native.Benchmarks;

/// <summary>The static tools' verdicts on one batch: which cases each tool flagged on the bad-only and good-only builds.</summary>
internal sealed record JulietStaticRun(IReadOnlySet<string>? CppcheckBad, IReadOnlySet<string>? CppcheckGood, IReadOnlySet<string>? AnalyzerBad, IReadOnlySet<string>? AnalyzerGood)
{
    public static async Task<JulietStaticRun> RunAsync(string? cppcheck, string? analyzer, JulietBatch batch, string support, string work, CancellationToken cancellationToken)
    {
        var cases = batch.Cases;
        return new JulietStaticRun(
            await JulietStaticTools.CppcheckAsync(cppcheck, cases, support, batch.Folders, "OMITGOOD", work, cancellationToken).ConfigureAwait(false),
            await JulietStaticTools.CppcheckAsync(cppcheck, cases, support, batch.Folders, "OMITBAD", work, cancellationToken).ConfigureAwait(false),
            await JulietStaticTools.ClangAnalyzerAsync(analyzer, cases, support, batch.Folders, "OMITGOOD", work, cancellationToken).ConfigureAwait(false),
            await JulietStaticTools.ClangAnalyzerAsync(analyzer, cases, support, batch.Folders, "OMITBAD", work, cancellationToken).ConfigureAwait(false));
    }

    /// <summary><paramref name="result"/> with the tools' verdicts on its case.</summary>
    public JulietCaseResult Apply(JulietCaseResult result) => result with
    {
        CppcheckBad = CppcheckBad?.Contains(result.Name),
        CppcheckGood = CppcheckGood?.Contains(result.Name),
        ClangAnalyzerBad = AnalyzerBad?.Contains(result.Name),
        ClangAnalyzerGood = AnalyzerGood?.Contains(result.Name),
    };
}
