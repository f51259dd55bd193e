using System.Globalization;
using System.Text;

namespace Osprey.Server.Disclosure;

/// <summary>The Markdown report for one case, as the maintainer reads it.</summary>
internal static class MaintainerReportMarkdown
{
    public static string Render(DisclosureCase c, DisclosurePolicy policy, DateTimeOffset now)
    {
        var f = c.Finding;
        var sb = new StringBuilder();
        void Line(string text) => sb.AppendLine(text);
        Line($"# {c.Id}: {f.Title} in {c.Asset.Name}");
        Line("");
        Line($"**{c.Tlp.ToDisplayName()}** — {DisclosureCase.AutomatedSystemLabel}");
        Line("");
        Line($"- Product: {c.Asset.Vendor} {c.Asset.Name}{(c.Asset.AffectedVersions.IsDefaultOrEmpty ? "" : " " + string.Join(", ", c.Asset.AffectedVersions))}");
        Line($"- Weakness: {string.Join(", ", f.Cwes.Select(x => $"CWE-{x}"))} ({f.RuleId}), severity {f.Severity.ToString().ToLowerInvariant()}");
        Line($"- Status: {c.Status.ToVexName()}");
        Line($"- Reviewed by: {c.SignOff?.Reviewer} on {(c.SignOff is { } s ? DisclosureText.Date(s.At) : "-")}");
        Line($"- Finding fingerprint: `{f.Fingerprint}`");
        Line("");
        Line("## What we found");
        Line("");
        Line(f.Message);
        Line("");
        Line("## How the data gets there");
        Line("");
        Line("```");
        Line(DisclosureText.TechnicalDetails(c));
        Line("```");
        if (f.Verification.Proof?.Replay is { } replay)
        {
            Line("");
            Line($"The replay artifact `{replay.FileName ?? "replay." + replay.Kind}` is next to this report.");
        }

        Line("");
        Line("## Timeline");
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture,
            $"We publish an advisory {policy.DisclosureDays} days after this report, or when a fix ships if sooner. If you are working on a fix and need more time, tell us: we can extend once by {policy.ExtensionDays} days. Technical details (this trace and the replay) stay private until {policy.DetailsHoldDays} days after the fix ships. Deadlines that fall on a weekend move to the next Monday."));
        var d = DisclosureTimeline.Compute(c, policy);
        if (d.Publication is { } p) Line($"Current publication date: {DisclosureText.Date(p)} ({d.PublicationRule}).");
        Line("");
        Line($"Generated {DisclosureText.Timestamp(now)}.");
        return sb.ToString();
    }
}
