using Microsoft.Extensions.Time.Testing;
using Osprey.Server.Disclosure;
using static Osprey.Server.Tests.Disclosure.DisclosureTestCases;

namespace Osprey.Server.Tests.Disclosure;

public sealed class DisclosureRunnerTests
{
    private sealed class RecordingNotifier : IDisclosureNotifier
    {
        public List<(DateTimeOffset At, DisclosureActionKind Kind, string CaseId)> Sent { get; } = [];

        public Func<DisclosureAction, bool> Fails { get; set; } = _ => false;

        public TimeProvider Time { get; init; } = TimeProvider.System;

        public Task NotifyAsync(DisclosureAction action, DisclosureCase @case, CancellationToken cancellationToken)
        {
            if (Fails(action)) throw new IOException("mail relay refused the message");
            Sent.Add((Time.GetUtcNow(), action.Kind, @case.Id));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task RunOnceAsync_SilentMaintainerOverNinetyDays_ReportsRemindsEscalatesPublishes()
    {
        var clock = new FakeTimeProvider(Monday);
        var store = new InMemoryDisclosureCaseStore();
        await store.SaveAsync(SignedOff(), CancellationToken.None);
        var notifier = new RecordingNotifier { Time = clock };
        var runner = new DisclosureRunner(store, notifier, DisclosurePolicy.Default, clock);

        for (var day = 0; day <= 92; day++)
        {
            await runner.RunOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(
            [
                (0, DisclosureActionKind.SendReport),
                (30, DisclosureActionKind.Escalate),
                (77, DisclosureActionKind.SendReminder),
                (88, DisclosureActionKind.SendReminder),
                (91, DisclosureActionKind.Publish),
                (91, DisclosureActionKind.ReleaseDetails),
            ],
            notifier.Sent.Select(s => ((int)(s.At - Monday).TotalDays, s.Kind)));
        var saved = await store.FindAsync("OSP-2026-0001", CancellationToken.None);
        Assert.True(saved!.Has(DisclosureEventKind.DetailsReleased));
    }

    [Fact]
    public async Task RunOnceAsync_NotifierFails_CaseUnchangedAndRetried()
    {
        var clock = new FakeTimeProvider(Monday);
        var store = new InMemoryDisclosureCaseStore();
        await store.SaveAsync(SignedOff(), CancellationToken.None);
        var notifier = new RecordingNotifier { Time = clock, Fails = _ => true };
        var runner = new DisclosureRunner(store, notifier, DisclosurePolicy.Default, clock);

        var first = Assert.Single(await runner.RunOnceAsync(CancellationToken.None));
        notifier.Fails = _ => false;
        var second = Assert.Single(await runner.RunOnceAsync(CancellationToken.None));

        Assert.Equal((false, "mail relay refused the message"), (first.Succeeded, first.Error));
        Assert.True(second.Succeeded);
        Assert.True((await store.FindAsync("OSP-2026-0001", CancellationToken.None))!.Has(DisclosureEventKind.Reported));
    }

    [Fact]
    public async Task RunOnceAsync_PacingOverWeeks_ReleasesQueuedReportsInOrder()
    {
        var clock = new FakeTimeProvider(Monday);
        var store = new InMemoryDisclosureCaseStore();
        for (var i = 1; i <= 5; i++) await store.SaveAsync(SignedOff($"OSP-2026-{i:0000}", Monday.AddMinutes(-i)), CancellationToken.None);
        var notifier = new RecordingNotifier { Time = clock };
        var runner = new DisclosureRunner(store, notifier, DisclosurePolicy.Default with { MaxNewReportsPerMaintainer = 2 }, clock);

        for (var day = 0; day <= 15; day++)
        {
            await runner.RunOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(1));
        }

        var reports = notifier.Sent.Where(s => s.Kind == DisclosureActionKind.SendReport).Select(s => ((int)(s.At - Monday).TotalDays, s.CaseId));
        Assert.Equal([(0, "OSP-2026-0005"), (0, "OSP-2026-0004"), (7, "OSP-2026-0003"), (7, "OSP-2026-0002"), (14, "OSP-2026-0001")], reports);
    }

    [Fact]
    public async Task ExecuteAsync_BackgroundService_RunsOnEachTick()
    {
        var clock = new FakeTimeProvider(Monday);
        var store = new InMemoryDisclosureCaseStore();
        await store.SaveAsync(Reported(Monday), CancellationToken.None);
        var notifier = new RecordingNotifier { Time = clock };
        using var service = new DisclosureBackgroundService(new DisclosureRunner(store, notifier, DisclosurePolicy.Default, clock), clock, TimeSpan.FromDays(1));

        await service.StartAsync(CancellationToken.None);
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            await Task.Delay(5);
        }

        await WaitUntil(() => notifier.Sent.Count == 1);
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(DisclosureActionKind.Escalate, Assert.Single(notifier.Sent).Kind);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
