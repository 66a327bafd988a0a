import AAEReport
import Foundation

/// `sweep_<metric>.png`: a sweep's metric against each swept parameter, one panel per
/// parameter. Runs that differ only in that parameter are joined by a line, so each line
/// shows the parameter's effect with everything else fixed.
///
/// The x axis reads as the values do: numbers on a linear axis, or on a logarithmic one
/// when they are all positive and span a factor of ten or more (learning rates); anything
/// else (a prior, a layer list) on a categorical axis with the values' names as ticks, in
/// the order the sweep lists them (lines from different groups are set slightly apart
/// there so their markers do not hide each other). Every point is marked. When the sweep
/// has several seeds (`sweep.seeds`, or `seed` swept), the seed is not a panel of its own:
/// each point is the mean over the seeds' runs with an error bar of ± one sample standard
/// deviation; runs without a value (failed, diverged to NaN) are left out of both.
public enum SweepMetricFigure {
    /// The metrics plotted after every sweep, when summary.csv has them.
    public static let metrics = ["heldout_recon_mse", "eval_knn_accuracy"]
    /// The key path of the seed, the sweep's replicate rather than a parameter.
    static let seedKey = "seed"

    public static func fileName(_ metric: String) -> String { "sweep_\(metric).png" }

    /// Writes the figure of `metric` from `summary`; false (nothing written) when
    /// the column is missing or no run has a value yet.
    @discardableResult
    public static func write(summary: CSVTable, keyPaths: [String], metric: String, title: String, to url: URL) throws -> Bool {
        let panels = panels(summary: summary, keyPaths: keyPaths, metric: metric)
        guard !panels.isEmpty else { return false }
        let seeds = seedCount(summary: summary, keyPaths: keyPaths)
        let spread = seeds > 1 ? " (mean ± s.d. over \(seeds) seeds)" : ""
        try LineChart(panels: panels, title: "\(title): \(metric) against each swept parameter\(spread)").write(to: url)
        return true
    }

    /// The figure's panels, one per swept parameter (the seed aside); none when the column
    /// is missing or no run has a value yet.
    public static func panels(summary: CSVTable, keyPaths: [String], metric: String) -> [LineChart.Panel] {
        guard let values = summary.column(named: metric)?.map({ Double($0) ?? .nan }),
              values.contains(where: \.isFinite), !keyPaths.isEmpty else { return [] }
        let parameters = parameters(of: keyPaths)
        let columns = parameters.map { summary.column(named: $0) ?? [] }
        return parameters.indices.map { index in
            panel(for: parameters[index], index: index, columns: columns, keyPaths: parameters, values: values,
                  metric: metric)
        }
    }

    /// The swept keys drawn as panels: all but the seed, unless the seed is all there is.
    private static func parameters(of keyPaths: [String]) -> [String] {
        let others = keyPaths.filter { $0 != seedKey }
        return others.isEmpty ? keyPaths : others
    }

    /// How many seeds each point averages over: 1 unless the seed is swept beside other keys.
    private static func seedCount(summary: CSVTable, keyPaths: [String]) -> Int {
        guard keyPaths.contains(seedKey), !parameters(of: keyPaths).contains(seedKey) else { return 1 }
        return Set(summary.column(named: seedKey) ?? []).count
    }

    /// How a swept parameter's values are placed along x.
    enum Placement: Equatable {
        case linear
        case logarithmic
        /// The distinct values in order of first appearance, at 0, 1, ….
        case categorical([String])

        /// The placement for the labels of one swept key.
        init(labels: [String]) {
            var distinct: [String] = []
            for label in labels where !distinct.contains(label) { distinct.append(label) }
            let numbers = distinct.compactMap(Double.init)
            guard numbers.count == distinct.count, !numbers.isEmpty else {
                self = .categorical(distinct)
                return
            }
            let positive = numbers.allSatisfy { $0 > 0 }
            self = positive && numbers.max()! / numbers.min()! >= 10 ? .logarithmic : .linear
        }

        func x(_ label: String) -> Double {
            if case .categorical(let names) = self { return Double(names.firstIndex(of: label) ?? 0) }
            return Double(label) ?? .nan
        }
    }

    private static func panel(for keyPath: String, index: Int, columns: [[String]], keyPaths: [String],
                              values: [Double], metric: String) -> LineChart.Panel {
        let labels = columns[index]
        let placement = Placement(labels: labels)
        let shortName = keyPath.split(separator: ".").last.map(String.init) ?? keyPath
        var groups: [String: [String: [Double]]] = [:]
        var order: [String] = []
        for row in labels.indices {
            let others = keyPaths.indices.filter { $0 != index }
                .map { "\(keyPaths[$0].split(separator: ".").last ?? "")=\(columns[$0][row])" }.joined(separator: ", ")
            if groups[others] == nil { order.append(others) }
            groups[others, default: [:]][labels[row], default: []].append(values[row])
        }
        var dodge = 0.0
        if case .categorical = placement, order.count > 1 { dodge = min(0.3, 0.6 / Double(order.count)) }
        let series = order.enumerated().map { groupIndex, name -> LineChart.Series in
            let offset = dodge * (Double(groupIndex) - Double(order.count - 1) / 2)
            let points = groups[name]!.map { label, runs in (x: placement.x(label) + offset, spread: SampleSpread(runs)) }
                .sorted { $0.x < $1.x }
            let hasErrors = points.contains { $0.spread.count > 1 }
            return LineChart.Series(name: name.isEmpty ? "runs" : name, xs: points.map(\.x),
                                    ys: points.map(\.spread.mean),
                                    errors: hasErrors ? points.map(\.spread.standardDeviation) : nil,
                                    showsMarkers: true)
        }
        switch placement {
        case .linear:
            return LineChart.Panel(title: shortName, series: series, xTitle: shortName, yTitle: metric)
        case .logarithmic:
            return LineChart.Panel(title: shortName, series: series, xTitle: "\(shortName) (log scale)", yTitle: metric,
                                   xScale: .logarithmic)
        case .categorical(let names):
            return LineChart.Panel(title: shortName, series: series, xTitle: shortName, yTitle: metric,
                                   xCategories: names)
        }
    }
}
