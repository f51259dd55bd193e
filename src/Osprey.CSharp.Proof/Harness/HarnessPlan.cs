using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>A harness ready to emit: the rewritten compilation with its driver, and what it drives.</summary>
internal sealed record HarnessPlan
{
    public required CSharpCompilation Compilation { get; init; }

    /// <summary>The harness's command-line argument that runs this case.</summary>
    public int CaseArgument { get; init; }

    /// <summary>The entry point in the proof's words: <c>Shop.Controllers.SearchController.Search(string)</c>.</summary>
    public required string EntryPoint { get; init; }

    /// <summary>The entry point's metadata type name and method name, for the replay artifact.</summary>
    public required string EntryType { get; init; }

    public required string EntryMethod { get; init; }

    /// <summary>The scanned project's assembly name, which holds <see cref="EntryType"/> when the user replays.</summary>
    public required string ScannedAssembly { get; init; }

    /// <summary>The payloads, in the order the driver tries them.</summary>
    public required ImmutableArray<Payload> Payloads { get; init; }

    /// <summary>Whether the harness needs the ASP.NET Core shared framework to run.</summary>
    public bool UsesAspNetCore { get; init; }

    /// <summary>The API the sink would have called.</summary>
    public required string SinkApi { get; init; }

    /// <summary>Whether the case runs through its app's HTTP pipeline (a request per payload) rather than by calling the entry point.</summary>
    public bool DrivenOverHttp { get; init; }
}

/// <summary>Why no harness could be built.</summary>
internal sealed record HarnessProblem(string Reason);
