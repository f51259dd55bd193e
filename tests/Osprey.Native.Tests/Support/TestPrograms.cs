namespace Osprey.Native.Tests.Support;

/// <summary>
/// Copies one of the C programs written for these tests (under <c>Programs/</c>) into a fresh
/// temporary folder, so every scan starts clean and nothing is written next to the sources.
/// </summary>
internal sealed class TestPrograms : IDisposable
{
    private TestPrograms(string root) => Root = root;

    public string Root { get; }

    public static TestPrograms Copy(string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Programs", name);
        var root = Path.Combine(Path.GetTempPath(), "osprey-native-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
        }

        return new TestPrograms(root);
    }

    public string Work => Path.Combine(Root + "-work");

    public void Dispose()
    {
        foreach (var dir in new[] { Root, Work })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
