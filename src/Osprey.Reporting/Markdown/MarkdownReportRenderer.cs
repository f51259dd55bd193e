using System.Text;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Markdown;

/// <summary>
/// Writes a scan as GitHub-flavoured Markdown sized for a pull-request comment: a summary line, a
/// table by severity, then findings grouped by severity with their trace and proof folded into
/// <c>&lt;details&gt;</c> blocks. All scanned text is escaped. Output longer than
/// <see cref="MaxLength"/> characters is cut between findings, with a note saying what was left out.
/// </summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    /// <summary>The longest comment GitHub accepts, in characters.</summary>
    public const int GitHubCommentLimit = 65536;

    /// <summary>The smallest size cap accepted: enough for the summary and the truncation note.</summary>
    public const int MinimumMaxLength = 2048;

    /// <summary>Creates a renderer whose output is at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="maxLength">The size cap. Defaults to <see cref="GitHubCommentLimit"/>; at least <see cref="MinimumMaxLength"/>.</param>
    public MarkdownReportRenderer(int maxLength = GitHubCommentLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumMaxLength);
        MaxLength = maxLength;
    }

    /// <summary>The size cap in characters.</summary>
    /// <value><see cref="GitHubCommentLimit"/> unless set in the constructor.</value>
    public int MaxLength { get; }

    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public string FileExtension => ".md";

    /// <inheritdoc />
    public async Task RenderAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // The text is bounded by MaxLength, so it is built whole and then written.
        var text = new MarkdownWriter(report, MaxLength).Write(cancellationToken);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
