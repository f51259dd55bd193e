using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Verifying;

/// <summary>
/// Replay artifacts: a <c>curl</c> request for HTTP entry points with a known route, otherwise a
/// small C# program that calls the entry point the way the harness did, with the payload.
/// </summary>
internal static class ReplayArtifacts
{
    public static ReplayArtifact For(Finding finding, HarnessPlan plan, Payload payload, SinkObservation observation)
    {
        if (finding.EntryPoint is { Kind: EntryPointKind.Http, Route: { } route } http)
        {
            return new ReplayArtifact { Kind = "curl", Content = Curl(http, route, finding, payload) };
        }

        var source = finding.Trace[0].Location;
        var literal = SymbolDisplay.FormatLiteral(payload.Value, quote: true);
        var content = $$"""
            // Replays Osprey's proof of {{finding.RuleId}} at {{finding.Location}}.
            // Build it in a console project that references the scanned project, make the source at
            // {{source}} ({{source.Snippet ?? "the trace's first step"}}) return the payload below,
            // and watch {{plan.SinkApi}} receive:
            //   {{observation.Describe().Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)}}
            using System;
            using System.IO;
            using System.Linq;
            using System.Reflection;
            using System.Runtime.CompilerServices;

            const string Payload = {{literal}};
            // Console and environment sources read the payload directly:
            Console.SetIn(new StringReader(Payload + "\n"));
            foreach (var name in new[] { "ADD", "OSPREY_PAYLOAD" }) Environment.SetEnvironmentVariable(name, Payload);

            // The entry point the harness drove: {{plan.EntryPoint}}
            var type = Type.GetType("{{plan.EntryType}}, {{plan.ScannedAssembly}}", throwOnError: true)!;
            var method = type.GetMethod("{{plan.EntryMethod}}", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)!;
            var receiver = method.IsStatic ? null : RuntimeHelpers.GetUninitializedObject(type);
            method.Invoke(receiver, method.GetParameters().Select(p => p.ParameterType == typeof(string) ? (object)Payload : null).ToArray());
            """;
        return new ReplayArtifact { Kind = "csharp-test", Content = content, FileName = "Replay" + Sanitize(plan.EntryMethod) + ".cs" };
    }

    private static string Curl(EntryPoint http, string route, Finding finding, Payload payload)
    {
        var method = (http.HttpMethod ?? "GET").ToUpperInvariant();
        var parameter = finding.Properties.TryGetValue("sourceParameter", out var name) ? name : "q";
        var encoded = Uri.EscapeDataString(payload.Value);
        var path = route.StartsWith('/') ? route : "/" + route;
        path = path.Replace("{" + parameter + "}", encoded, StringComparison.OrdinalIgnoreCase);
        var quotedPayload = "'" + payload.Value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        return method == "GET"
            ? string.Create(CultureInfo.InvariantCulture, $"curl -i -G 'http://localhost:5000{path}' --data-urlencode {parameter}={quotedPayload}")
            : string.Create(CultureInfo.InvariantCulture, $"curl -i -X {method} 'http://localhost:5000{path}' --data-urlencode {parameter}={quotedPayload}");
    }

    private static string Sanitize(string name) => new(name.Where(char.IsLetterOrDigit).ToArray());
}
