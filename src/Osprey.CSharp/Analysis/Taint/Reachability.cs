using System.Collections.Immutable;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Whether a flow can run before authentication, from the entry points that lead to it: the most
/// exposed one decides (anonymous, then unknown, then signed-in, then a role or policy).
/// </summary>
/// <param name="EntryPoint">The most exposed entry point, or null when recon knows none.</param>
/// <param name="AfterAuthentication">Whether every entry point requires a signed-in user.</param>
/// <param name="Label">The <c>reachability</c> property: <c>before-authentication</c>, <c>after-authentication</c>, or null when unknown.</param>
/// <param name="Sentence">What the finding's message adds (with a leading space), or empty.</param>
internal sealed record Reachability(EntryPoint? EntryPoint, bool AfterAuthentication, string? Label, string Sentence)
{
    /// <summary>The reachability of a flow reached from <paramref name="entryPoints"/>.</summary>
    public static Reachability Of(ImmutableArray<EntryPoint> entryPoints)
    {
        var entry = entryPoints.OrderBy(e => Exposure(e.Auth)).FirstOrDefault();
        return entry?.Auth switch
        {
            null or AuthRequirement.Unknown => new(entry, false, null, ""),
            AuthRequirement.Anonymous => new(entry, false, "before-authentication", $" It is reachable before authentication through {Describe(entry)}."),
            _ => new(entry, true, "after-authentication", $" It is reachable only after authentication ({Describe(entry)} requires {Requirement(entry)}), so its severity is one level lower."),
        };
    }

    private static int Exposure(AuthRequirement auth) => auth switch
    {
        AuthRequirement.Anonymous => 0,
        AuthRequirement.Unknown => 1,
        AuthRequirement.Authenticated => 2,
        _ => 3,
    };

    private static string Describe(EntryPoint entry) =>
        entry.Route is { } route ? $"{entry.HttpMethod ?? "ANY"} {route}".Trim() : entry.Name;

    private static string Requirement(EntryPoint entry) =>
        entry.Auth == AuthRequirement.Privileged && entry.Roles.Count > 0 ? string.Join(", ", entry.Roles) : "a signed-in user";
}
