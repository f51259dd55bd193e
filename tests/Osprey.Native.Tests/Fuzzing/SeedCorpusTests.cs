using Osprey.Native.Fuzzing;

namespace Osprey.Native.Tests.Fuzzing;

public sealed class SeedCorpusTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "osprey-seeds-" + Guid.NewGuid().ToString("N")[..8]);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void Find_InputsInTestAndSuiteFolders_AreSeedsButScriptsAndDocsAreNot()
    {
        Write("contrib/testpngs/basn0g01.png", "\x89PNG\r\n");
        Write("contrib/pngsuite/interlaced/ibasn0g08.png", "\x89PNG\r\n");
        Write("tests/pngtest-all", "#!/bin/sh\nexec ./pngtest\n");
        Write("unit-tests/lib/Test/Nginx.pm", "package Test::Nginx;\n");
        Write("contrib/testpngs/README", "These images test the decoder.");
        Write("contrib/tools/reader.c", "int main(void) { return 0; }");
        Write(".internal_only/blobs/pov.bin", "secret");

        var seeds = SeedCorpus.Find(_root).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

        Assert.Equal(["basn0g01.png", "ibasn0g08.png"], seeds);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
