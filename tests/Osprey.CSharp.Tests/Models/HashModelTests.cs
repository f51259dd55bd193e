using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>
/// A digest of attacker text (System.Security.Cryptography hashes, MACs, PBKDF2) carries no
/// string-injection payload, in bytes or as hexadecimal or Base64 text; the raw text still does, hex
/// of the raw bytes still does, and a number ground out of a digest still sizes things.
/// </summary>
public sealed class HashModelTests
{
    private const string Usings = "using System; using System.Diagnostics; using System.IO; using System.Security.Cryptography; using System.Text;\n";

    private static string Program(string body) => Usings + "public static class Use\n{\n    public static void Run()\n    {\n" + body + "\n    }\n}\n";

    [Fact]
    public void ReadLine_Sha256HashDataAsHex_ProcessArguments_NoDiagnostic()
    {
        var source = Program("""
                    var input = Console.ReadLine()!;
                    var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
                    Process.Start("tool", Convert.ToHexString(hash));
            """);

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_RawInput_ProcessArguments_Diagnostic()
    {
        var source = Program("""
                    var input = Console.ReadLine()!; // source
                    var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
                    Process.Start("tool", input + Convert.ToHexString(hash)); // sink
            """);

        FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
    }

    [Fact]
    public void ReadLine_HexOfInputBytes_ProcessArguments_Diagnostic()
    {
        var source = Program("""
                    var input = Console.ReadLine()!; // source
                    Process.Start("tool", Convert.ToHexString(Encoding.UTF8.GetBytes(input))); // sink
            """);

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal(Osprey.Core.Findings.Confidence.High, finding.Confidence);
    }

    [Fact]
    public void ReadLine_Md5ComputeHashAsBase64_FilePath_NoDiagnostic()
    {
        var source = Program("""
                    var input = Console.ReadLine()!;
                    using var md5 = MD5.Create();
                    var name = Convert.ToBase64String(md5.ComputeHash(Encoding.UTF8.GetBytes(input)));
                    Console.WriteLine(File.ReadAllText(Path.Combine("cache", name)));
            """);

        FindingAssert.None(TaintRun.Library(source), "cs/path-injection");
    }

    [Fact]
    public void ReadLine_IncrementalHashAndHmac_LogAndProcess_NoDiagnostic()
    {
        var source = Program("""
                    var input = Encoding.UTF8.GetBytes(Console.ReadLine()!);
                    using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    incremental.AppendData(input);
                    Process.Start("tool", BitConverter.ToString(incremental.GetHashAndReset()));
                    Process.Start("tool", Convert.ToHexStringLower(HMACSHA256.HashData(new byte[32], input)));
            """);

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ReadLine_NumberFromHash_ArraySize_Diagnostic()
    {
        var source = Program("""
                    var input = Console.ReadLine()!; // source
                    var size = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
                    var buffer = new byte[size]; // sink
                    Console.WriteLine(buffer.Length);
            """);

        FindingAssert.Single(TaintRun.Library(source), source, "cs/tainted-size");
    }
}
