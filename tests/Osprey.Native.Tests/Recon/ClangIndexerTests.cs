using Osprey.Native.Harness;
using Osprey.Native.Recon;
using Osprey.Native.Tests.Support;
using Osprey.Native.Toolchain;

namespace Osprey.Native.Tests.Recon;

public sealed class ClangIndexerTests
{
    private static NativeCodeIndex IndexParser(out string root)
    {
        using var programs = TestPrograms.Copy("recon");
        root = programs.Root;
        Assert.True(LibClangLoader.TryLoad(out _), "libclang is not installed: apt-get install -y libclang1-19");
        var file = Path.Combine(root, "parser.c");
        var commands = CompileDatabaseReader.Read(root, [file]).Commands;
        return new ClangIndexer(ToolchainProbe.KnownVersions.First(v => Directory.Exists($"/usr/lib/llvm-{v}"))).Index(commands, CancellationToken.None);
    }

    [NativeFact]
    public void Index_CFile_FindsFunctionsWithParameterTypes()
    {
        var index = IndexParser(out _);

        Assert.Equal(["check_header", "parse_document", "load_config", "read_stream"], index.Functions.Select(f => f.Name));
        var parse = index.Functions.Single(f => f.Name == "parse_document");
        Assert.Equal(["const uint8_t *", "size_t"], parse.Parameters.Select(p => p.Type));
        Assert.Equal("const unsigned char *", parse.Parameters[0].CanonicalType);
        Assert.Equal(19, parse.Line);
        Assert.True(index.Functions.Single(f => f.Name == "check_header").IsStatic);
        Assert.Empty(index.ParseErrors);
    }

    [NativeFact]
    public void Index_CFile_FindsCallsAndLiterals()
    {
        var index = IndexParser(out _);

        Assert.Equal(["check_header", "memcmp"], index.CalleesOf("parse_document"));
        Assert.Contains(index.Literals, l => l.Kind == NativeLiteralKind.String && l.Text == "\"BODY\"" && l.Function == "parse_document");
        Assert.Contains(index.Literals, l => l.Kind == NativeLiteralKind.Integer && l.Value == 0xCAFEBABE && l.Function == "check_header");
        Assert.Contains("check_header", index.ReachableFrom("parse_document"));
    }

    [NativeFact]
    public void AttackSurface_ChoosesHarnessShapeBySignature_AndSkipsCalledHelpers()
    {
        var index = IndexParser(out var root);

        var entries = AttackSurface.Find(index, root).ToDictionary(e => e.Function.Name, e => e.Shape);

        Assert.Equal(HarnessShape.BytesAndLength, entries["parse_document"]);
        Assert.Equal(HarnessShape.TempFilePath, entries["load_config"]);
        Assert.Equal(HarnessShape.FilePointer, entries["read_stream"]);
        Assert.False(entries.ContainsKey("check_header"));
    }

    [Fact]
    public void CompileDatabase_CommandString_KeepsParsingFlagsAndDropsOutputs()
    {
        var root = Path.Combine(Path.GetTempPath(), "osprey-cdb-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "a.c"), "int a(void){return 0;}");
            File.WriteAllText(Path.Combine(root, "compile_commands.json"),
                $$"""[{"directory": "{{root}}", "file": "a.c", "command": "cc -Iinclude -DMODE=\"x y\" -O2 -c a.c -o a.o"}]""");

            var (commands, origin, problems) = CompileDatabaseReader.Read(root, []);

            var command = Assert.Single(commands);
            Assert.Equal("compile_commands.json", origin);
            Assert.Empty(problems);
            Assert.Equal(Path.Combine(root, "a.c"), command.File);
            Assert.Equal([$"-I{root}/include", "-DMODE=x y"], command.Flags.ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void CompileDatabase_OssFuzzBuildScript_IsReadNotRun()
    {
        var root = Path.Combine(Path.GetTempPath(), "osprey-buildsh-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "fuzz"));
        try
        {
            File.WriteAllText(Path.Combine(root, "lib.c"), "int lib(void){return 0;}");
            File.WriteAllText(Path.Combine(root, "fuzz", "target.c"), "int t(void){return 0;}");
            var marker = Path.Combine(root, "ran");
            File.WriteAllText(Path.Combine(root, "build.sh"),
                $"#!/bin/bash -eu\ntouch {marker}\n$CC $CFLAGS -Iinclude -DFUZZING=1 -c $SRC/lib.c\n$CC $CFLAGS $LIB_FUZZING_ENGINE fuzz/target.c lib.o -o $OUT/target\n");

            var (commands, origin, _) = CompileDatabaseReader.Read(root, []);

            Assert.Equal("build.sh", origin);
            Assert.Equal([Path.Combine(root, "lib.c"), Path.Combine(root, "fuzz", "target.c")], commands.Select(c => c.File).ToArray());
            Assert.Equal([$"-I{root}/include", "-DFUZZING=1"], commands[0].Flags.ToArray());
            Assert.False(File.Exists(marker));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
