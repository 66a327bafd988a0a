import AAECore
import AAEReport
import Foundation

/// `losses.png`: the training curves of metrics.csv, one panel per phase of a step.
///
/// The first column (`step`) is the x axis. Columns are grouped by name, so any model's
/// metrics find a place: `d_…` columns are the discriminator's; `…_mse` columns are
/// reconstruction errors, drawn on a logarithmic axis; every other column (`g_loss`,
/// `recon_loss`, `adv_loss`, a VAE's `kl` and `elbo`, …) is one of the encoder/decoder's
/// losses, drawn on a logarithmic axis too when they are all positive and span more than
/// a decade. Logarithmic axes end at 1, 2 or 5 × 10^k so they always carry labelled
/// ticks. Empty panels are left out; a NaN (or unparseable) value breaks its line.
public enum LossesFigure {

    /// Writes the figure to `url`; nothing (returning false) when the table has no rows
    /// or no column besides the step.
    @discardableResult
    public static func write(metrics: CSVTable, title: String, to url: URL) throws -> Bool {
        let panels = panels(for: metrics)
        guard !panels.isEmpty else { return false }
        try LineChart(panels: panels, title: RunFigures.heading(title, "training curves")).write(to: url)
        return true
    }

    /// The panels for `metrics`, in the order discriminator, encoder/decoder losses,
    /// reconstruction error; columns with no finite value are left out.
    public static func panels(for metrics: CSVTable) -> [LineChart.Panel] {
        guard metrics.header.count > 1, !metrics.rows.isEmpty else { return [] }
        let steps = metrics.rows.map { Double($0[0]) ?? .nan }
        var discriminator: [LineChart.Series] = [], losses: [LineChart.Series] = []
        var errors: [LineChart.Series] = []
        for (column, name) in metrics.header.enumerated().dropFirst() {
            let values = metrics.rows.map { column < $0.count ? Double($0[column]) ?? .nan : .nan }
            let points = zip(steps, values).filter { $0.0.isFinite }
            guard points.contains(where: { $0.1.isFinite }) else { continue }
            let series = LineChart.Series(name: name, xs: points.map(\.0), ys: points.map(\.1))
            if name.hasPrefix("d_") {
                discriminator.append(series)
            } else if name.hasSuffix("_mse") {
                errors.append(series)
            } else {
                losses.append(series)
            }
        }
        var panels: [LineChart.Panel] = []
        if !discriminator.isEmpty {
            let yTitle = discriminator.contains { $0.name.contains("acc") } ? "loss / accuracy" : "loss"
            panels.append(LineChart.Panel(title: "discriminator", series: discriminator, yTitle: yTitle))
        }
        if !losses.isEmpty {
            let logarithmic = spansDecades(losses)
            panels.append(LineChart.Panel(title: "encoder/decoder losses", series: losses,
                                          yTitle: logarithmic ? "loss (log scale)" : "loss",
                                          yScale: logarithmic ? .logarithmic : .linear,
                                          yRange: logarithmic ? logarithmicRange(losses) : nil))
        }
        if !errors.isEmpty {
            panels.append(LineChart.Panel(title: "reconstruction error", series: errors,
                                          yTitle: "mean squared error (pixels in [0, 1])",
                                          yScale: .logarithmic, yRange: logarithmicRange(errors)))
        }
        return panels
    }

    /// Whether every finite value is positive and the largest is over ten times the
    /// smallest: losses of very different sizes (an adversarial loss of 5 beside a
    /// reconstruction loss of 0.05), which a linear axis would flatten.
    static func spansDecades(_ series: [LineChart.Series]) -> Bool {
        let values = series.flatMap(\.ys).filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), low > 0 else { return false }
        return high > 10 * low
    }

    /// A logarithmic y range around the positive values (with 5% to spare), widened just
    /// enough to hold two neighbouring 1, 2 or 5 × 10^k values: the logarithmic axis only
    /// labels those, so values spanning less than a decade would otherwise get an axis
    /// without a single number. Nil (fit the data) when there is no positive value.
    static func logarithmicRange(_ series: [LineChart.Series]) -> ClosedRange<Double>? {
        let values = series.flatMap(\.ys).filter { $0.isFinite && $0 > 0 }
        guard let smallest = values.min(), let largest = values.max() else { return nil }
        let low = smallest / 1.05, high = largest * 1.05
        let first = Int(log10(low).rounded(.down)) - 1, last = Int(log10(high).rounded(.up)) + 1
        let ticks = (first...last).flatMap { exponent in [1.0, 2, 5].map { $0 * pow(10, Double(exponent)) } }
        var best = low...high, bestWidth = Double.infinity
        for (lower, upper) in zip(ticks, ticks.dropFirst()) {
            let range = min(low, lower)...max(high, upper)
            let width = log10(range.upperBound) - log10(range.lowerBound)
            if width < bestWidth {
                best = range
                bestWidth = width
            }
        }
        return best
    }
}

extension LossesFigure: RunFigure {
    public static let plotName = "losses"
    public static let drawsImages = false

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(metrics: inputs.metrics, title: inputs.title, to: url)
    }
}
