using Osprey.Native.Benchmarks;
using Osprey.Native.Tests.Support;

namespace Osprey.Native.Tests.Benchmarks;

/// <summary>
/// Runs the Juliet benchmark once over <c>Programs/juliet</c>: a miniature suite laid out like the
/// real one (<c>testcases/CWE…/</c>, <c>testcasesupport/io.c</c>), one small case per bug class,
/// each with a flawed <c>bad</c> and a fixed <c>good</c> function. The static tools are left out.
/// </summary>
public sealed class JulietRunFixture : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "osprey-native-tests", "juliet-" + Guid.NewGuid().ToString("N")[..8]);

    public JulietCBenchmarkResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!TestToolchain.HasClang)
        {
            return;
        }

        Result = await JulietCBenchmark.RunAsync(new JulietCBenchmarkOptions
        {
            JulietRoot = Path.Combine(AppContext.BaseDirectory, "Programs", "juliet"),
            WorkDirectory = _work,
            CompareStaticTools = false,
            Parallelism = 1,
        });
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }

        return Task.CompletedTask;
    }

    public JulietCaseResult Case(string name)
    {
        var result = Result.Cases.FirstOrDefault(c => c.Name == name);
        Assert.True(result is not null, $"{name} did not run; ran: {string.Join(", ", Result.Cases.Select(c => c.Name))}");
        return result!;
    }
}
