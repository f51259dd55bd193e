using System.Collections.Immutable;

namespace Osprey.Server.Watermarking;

/// <summary>
/// Groups of phrasings that mean the same in Osprey's explanations and reports, so that choosing
/// one per occurrence changes nothing for the reader. Each variant fits every grammatical place
/// the others fit (e.g. all take "X to"); words with a second, unrelated use ("as", "can") are left out.
/// </summary>
internal static class WatermarkSynonyms
{
    public static readonly ImmutableArray<ImmutableArray<string>> Groups =
    [
        ["because", "since"],
        ["reaches", "flows into", "arrives at"],
        ["untrusted", "attacker-controlled", "user-controlled"],
        ["allows", "permits", "enables"],
        ["an attacker", "an adversary", "a malicious user"],
        ["the application", "the program"],
        ["vulnerable", "exploitable"],
        ["sanitize", "sanitise"],
        ["sanitized", "sanitised"],
        ["parameterized", "parameterised"],
        ["behavior", "behaviour"],
        ["for example", "for instance"],
        ["in order to", "so as to"],
        ["must", "needs to"],
        ["passed to", "handed to", "given to"],
        ["which means that", "meaning that"],
        ["shows", "demonstrates"],
        ["confirmed", "verified"],
        ["observed", "seen"],
        ["returned", "sent back"],
        ["immediately", "at once"],
        ["fix", "remedy"],
        ["replace", "substitute"],
        ["uses", "relies on"],
        ["contains", "includes"],
        ["builds", "constructs", "assembles"],
        ["executes", "runs"],
        ["entire", "whole"],
        ["each", "every"],
        ["important", "essential"],
        ["later", "afterwards"],
        ["unsafe", "insecure"],
        ["ensure", "make sure"],
        ["prevents", "stops", "blocks"],
        ["similarly", "likewise"],
        ["malicious", "hostile"],
        ["causing", "resulting in", "leading to"],
        ["affected", "impacted"],
        ["obtain", "get"],
        ["modify", "alter", "change"],
        ["read", "access"],
        ["attacker's", "adversary's"],
        ["query", "statement"],
        ["directly", "as is"],
        ["trace", "path"],
    ];

    /// <summary>Every word that occurs in any variant; context words are chosen outside this set so that embedding never changes them.</summary>
    public static readonly ImmutableHashSet<string> VariantWords =
        Groups.SelectMany(g => g).SelectMany(WatermarkText.Words).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
}
