using System.Collections.Immutable;
using Osprey.Native.Fuzzing;
using Osprey.Native.Sandbox;
using Osprey.Native.Tests.Support;
using Osprey.Native.Toolchain;
using Osprey.Native.Triage;

namespace Osprey.Native.Tests.Fuzzing;

public sealed class FuzzCampaignTests
{
    [NativeFact]
    public async Task RunAsync_OneJobThatKeepsGoing_SavesEveryDistinctCrash()
    {
        using var programs = TestPrograms.Copy("campaign");
        var toolchain = await NativeToolchain.DetectAsync();
        Directory.CreateDirectory(programs.Work);
        var fuzzer = Path.Combine(programs.Work, "two_bugs.fuzzer");
        var build = await ProcessRunner.RunAsync(new ProcessSpec(toolchain.Clang!, ["-g", "-O1", "-fsanitize=address,fuzzer", Path.Combine(programs.Root, "two_bugs.c"), "-o", fuzzer]), CancellationToken.None);
        Assert.True(build.ExitCode == 0, build.StandardError);
        var sandbox = new NativeSandbox(toolchain, 1024, "/usr/bin/setsid");

        var result = await new FuzzCampaign(sandbox).RunAsync(fuzzer, new FuzzCampaignSettings(TimeSpan.FromSeconds(25), 1, 1024, null, [], KeepGoing: true), programs.Work, null, CancellationToken.None);

        var reproducer = new CrashReproducer(sandbox, TimeSpan.FromSeconds(20));
        var kinds = new HashSet<string>();
        foreach (var input in result.CrashInputs)
        {
            var reproduction = await reproducer.ReproduceAsync(fuzzer, input, 1, programs.Work, CancellationToken.None);
            kinds.Add(reproduction.Report?.Kind ?? "none");
        }

        Assert.Superset(ImmutableHashSet.Create("heap-use-after-free", "SEGV"), kinds);
    }
}
