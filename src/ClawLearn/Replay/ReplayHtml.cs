using System.Globalization;
using System.Net;
using System.Text;

namespace ClawLearn.Replay;

/// <summary>
/// A self-contained HTML report of a replay: a summary table and two line charts (tokens saved and miss rate per
/// window, one line per policy) drawn as inline SVG, so the file works offline and needs no script or CDN.
/// </summary>
public static class ReplayHtml
{
    private static readonly string[] Colours = ["#FF5A2D", "#2F7FBF", "#8B7F77", "#2FBF71"];

    public static string Render(ReplayReport report)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ClawLearn replay: ")
            .Append(E(report.AgentId)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:60rem}")
            .Append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}figure{margin:1.5rem 0}figcaption{font-weight:600}")
            .Append("</style></head><body>\n");
        sb.Append("<h1>Replay of agent ").Append(E(report.AgentId)).Append("</h1>\n<p>")
            .Append(N(report.Runs)).Append(" runs replayed in time order with a budget of ").Append(N(report.TokenBudget))
            .Append(" tokens for prompt components")
            .Append(report.PhaseInAfter > 0 ? $", full prompts for the first {N(report.PhaseInAfter)} runs" : "")
            .Append(report.DecayHalfLifeDays is { } h ? $", evidence half-life {h.ToString(CultureInfo.InvariantCulture)} days" : ", no decay")
            .Append(". Before each run a policy chooses from what it learned from earlier runs only; a miss is a component the run used that the policy would have left out.</p>\n");

        sb.Append("<table><tr><th>policy</th><th>tokens saved</th><th>saved</th><th>misses</th><th>miss rate</th></tr>\n");
        foreach (var p in report.Policies)
        {
            sb.Append("<tr><td>").Append(E(p.Policy)).Append("</td><td>").Append(N(p.TokensSaved)).Append("</td><td>")
                .Append(F(p.SavedPercent, 1)).Append(" %</td><td>").Append(N(p.Misses)).Append(" of ").Append(N(p.ReferencedArms))
                .Append("</td><td>").Append(F(p.MissRate * 100, 1)).Append(" %</td></tr>\n");
        }
        sb.Append("</table>\n");
        Chart(sb, "Tokens saved per window (% of prompt-component tokens)", report, w => w.SavedPercent);
        Chart(sb, "Miss rate per window (% of used components left out)", report, w => w.MissRate * 100);

        if (report.Policies.FirstOrDefault(p => p.Policy == nameof(ReplayPolicy.Thompson)) is { MissesByArm.Count: > 0 } thompson)
        {
            sb.Append("<h2>Most missed components (Thompson)</h2>\n<table><tr><th>arm</th><th>misses</th><th>runs that used it</th></tr>\n");
            foreach (var arm in thompson.MissesByArm.Take(15))
                sb.Append("<tr><td>").Append(E(arm.ArmId)).Append("</td><td>").Append(N(arm.Misses)).Append("</td><td>").Append(N(arm.Referenced)).Append("</td></tr>\n");
            sb.Append("</table>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Chart(StringBuilder sb, string title, ReplayReport report, Func<WindowReport, double> value)
    {
        const int width = 640, height = 252, left = 48, bottom = 40, top = 12, right = 12;
        var windows = report.Policies.Count == 0 ? 0 : report.Policies.Max(p => p.Windows.Count);
        var max = Math.Max(1, report.Policies.SelectMany(p => p.Windows).Select(value).DefaultIfEmpty(0).Max());
        max = Math.Ceiling(max / 20) * 20; // quarters of a multiple of 20 make whole-number ticks
        double X(int i) => left + (windows <= 1 ? 0 : i * (width - left - right) / (double)(windows - 1));
        double Y(double v) => top + (1 - v / max) * (height - top - bottom);

        sb.Append("<figure><figcaption>").Append(E(title)).Append("</figcaption>\n<div>");
        for (var p = 0; p < report.Policies.Count; p++)
            sb.Append($"<span style=\"color:{Colours[p % Colours.Length]};margin-right:1rem\">&#9644; {E(report.Policies[p].Policy)}</span>");
        sb.Append("</div>\n<svg role=\"img\" aria-label=\"").Append(E(title))
            .Append($"\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        for (var t = 0; t <= 4; t++)
        {
            var v = max * t / 4;
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(v), 1)}\" y2=\"{F(Y(v), 1)}\" stroke=\"#eee\"/>")
                .Append($"<text x=\"{left - 6}\" y=\"{F(Y(v) + 4, 1)}\" font-size=\"11\" text-anchor=\"end\">{F(v, 0)}</text>\n");
        }
        for (var i = 0; i < windows; i++)
            sb.Append($"<text x=\"{F(X(i), 1)}\" y=\"{height - 22}\" font-size=\"11\" text-anchor=\"middle\">{i + 1}</text>");
        sb.Append($"<text x=\"{(left + width - right) / 2}\" y=\"{height - 4}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#888\">window</text>");
        sb.Append('\n');
        for (var p = 0; p < report.Policies.Count; p++)
        {
            var policy = report.Policies[p];
            var points = string.Join(" ", policy.Windows.Select((w, i) => $"{F(X(i), 1)},{F(Y(value(w)), 1)}"));
            sb.Append($"<polyline fill=\"none\" stroke=\"{Colours[p % Colours.Length]}\" stroke-width=\"2\" points=\"{points}\"/>");
            // Dots too: a single window makes a one-point line, which draws nothing.
            foreach (var (w, i) in policy.Windows.Select((w, i) => (w, i)))
                sb.Append($"<circle cx=\"{F(X(i), 1)}\" cy=\"{F(Y(value(w)), 1)}\" r=\"3\" fill=\"{Colours[p % Colours.Length]}\"/>");
            sb.Append('\n');
        }
        sb.Append("</svg></figure>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
