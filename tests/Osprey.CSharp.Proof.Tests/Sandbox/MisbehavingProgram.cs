using Microsoft.CodeAnalysis.CSharp;
using Osprey.CSharp.Proof.Harness;

namespace Osprey.CSharp.Proof.Tests.Sandbox;

/// <summary>
/// One small program, compiled once per test run, that misbehaves in the way its first argument
/// names: the sandbox tests run it and check it is stopped.
/// </summary>
public sealed class MisbehavingProgram : IDisposable
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Net.Sockets;

        static class Program
        {
            static int Main(string[] args)
            {
                switch (args[0])
                {
                    case "hello":
                        Console.WriteLine("hello from " + Environment.CurrentDirectory);
                        File.WriteAllText("inside.txt", "written");
                        return 0;
                    case "connect":
                        using (var client = new TcpClient())
                        {
                            client.Connect("127.0.0.1", int.Parse(args[1]));
                            client.GetStream().Write(new byte[] { 1, 2, 3 });
                        }
                        Console.WriteLine("connected");
                        return 0;
                    case "write":
                        File.WriteAllText(args[1], "overwritten by the harness");
                        Console.WriteLine("wrote");
                        return 0;
                    case "forkbomb":
                        var children = new List<Process>();
                        for (var i = 0; i < 600; i++)
                        {
                            children.Add(Process.Start("/bin/sleep", "31337"));
                        }
                        Console.WriteLine("forked " + children.Count);
                        return 0;
                    case "loop":
                        while (true) { }
                    case "allocate":
                        var hoard = new List<byte[]>();
                        while (true)
                        {
                            var block = new byte[1 << 20];
                            Array.Fill(block, (byte)1);
                            hoard.Add(block);
                        }
                    default:
                        return 2;
                }
            }
        }
        """;

    public MisbehavingProgram()
    {
        Directory = Path.Combine(Path.GetTempPath(), "osprey-proof-tests-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        var compilation = CSharpCompilation.Create("harness", [CSharpSyntaxTree.ParseText(Source)], PlatformReferences.Runtime, HarnessEmitter.ConsoleOptions());
        var errors = HarnessEmitter.Emit(compilation, Directory);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }
    }

    /// <summary>The directory holding <c>harness.dll</c> and its runtimeconfig.</summary>
    public string Directory { get; }

    /// <summary>Copies the program into <paramref name="workspaceDirectory"/>.</summary>
    public void CopyTo(string workspaceDirectory)
    {
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(workspaceDirectory, Path.GetFileName(file)));
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
