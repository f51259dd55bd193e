namespace Osprey.Server.Abuse;

/// <summary>Receives the actions: the server audits each and applies it (throttle, queue, suspend).</summary>
internal interface IAbuseActionSink
{
    Task ApplyAsync(AbuseAction action, CancellationToken cancellationToken);
}

/// <summary>
/// One evaluation: read the usage log for the window and its history, run every signal, score,
/// decide, hand each action to the sink. Run it periodically (the window slides with the clock).
/// </summary>
internal sealed class AbuseMonitor(IUsageRecordSource usage, IRegisteredAssetSource assets, IAbuseActionSink sink, TimeProvider time,
    AbuseDetectionOptions? options = null, AbusePolicy? policy = null, IReadOnlyList<IAbuseSignal>? signals = null, RiskScorer? scorer = null)
{
    private readonly AbuseDetectionOptions _options = (options ?? new AbuseDetectionOptions()).Validate();
    private readonly AbusePolicy _policy = (policy ?? AbusePolicy.Default).Validate();
    private readonly IReadOnlyList<IAbuseSignal> _signals = signals ?? AllSignals();
    private readonly RiskScorer _scorer = scorer ?? new RiskScorer();

    public static IReadOnlyList<IAbuseSignal> AllSignals() =>
        [new VolumeSignal(), new ScopeSignal(), new TemplatedInputSignal(), new HarvestingSignal(), new CoordinationSignal(), new DistributionShiftSignal()];

    /// <summary>Evaluates the window ending now; returns the assessments and the actions applied.</summary>
    public async Task<(IReadOnlyList<RiskAssessment> Assessments, IReadOnlyList<AbuseAction> Actions)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var events = await usage.ListAsync(now - _options.Window - _options.History, now, cancellationToken);
        var window = AbuseWindow.From(now, events, await assets.ListAsync(cancellationToken), _options);
        var assessments = Assess(window);
        var actions = new List<AbuseAction>();
        foreach (var a in assessments)
        {
            if (_policy.Decide(a, now) is not { } action) continue;
            await sink.ApplyAsync(action, cancellationToken);
            actions.Add(action);
        }

        return (assessments, actions);
    }

    /// <summary>Runs the signals on a window and scores the results (no side effects).</summary>
    public IReadOnlyList<RiskAssessment> Assess(AbuseWindow window) =>
        _scorer.Score(_signals.SelectMany(s => s.Evaluate(window)).ToList());
}
