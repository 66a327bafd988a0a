import AAEReport
import Foundation

/// `sweep_<metric>.png`: a sweep's metric against each swept parameter, one
/// panel per parameter. Runs that differ only in that parameter are joined by a
/// line, so each line shows the parameter's effect with everything else fixed.
public enum SweepMetricFigure {
    /// The metrics plotted after every sweep, when summary.csv has them.
    public static let metrics = ["heldout_recon_mse", "eval_knn_accuracy"]

    public static func fileName(_ metric: String) -> String { "sweep_\(metric).png" }

    /// Writes the figure of `metric` from `summary`; false (nothing written) when
    /// the column is missing or no run has a value yet.
    @discardableResult
    public static func write(summary: CSVTable, keyPaths: [String], metric: String, title: String, to url: URL) throws -> Bool {
        guard let values = summary.column(named: metric)?.map({ Double($0) ?? .nan }),
              values.contains(where: \.isFinite), !keyPaths.isEmpty else { return false }
        let columns = keyPaths.map { summary.column(named: $0) ?? [] }
        let panels = keyPaths.indices.map { index in
            panel(for: keyPaths[index], index: index, columns: columns, keyPaths: keyPaths, values: values, metric: metric)
        }
        try LineChart(panels: panels, title: "\(title): \(metric) against each swept parameter").write(to: url)
        return true
    }

    private static func panel(for keyPath: String, index: Int, columns: [[String]], keyPaths: [String],
                              values: [Double], metric: String) -> LineChart.Panel {
        let labels = columns[index]
        var distinct: [String] = []
        for label in labels where !distinct.contains(label) { distinct.append(label) }
        let numbers = distinct.compactMap(Double.init)
        let numeric = numbers.count == distinct.count
        let logarithmic = numeric && numbers.allSatisfy { $0 > 0 } && (numbers.max()! / numbers.min()!) >= 10
        func x(_ label: String) -> Double {
            guard numeric, let value = Double(label) else { return Double(distinct.firstIndex(of: label) ?? 0) }
            return logarithmic ? log10(value) : value
        }
        let shortName = keyPath.split(separator: ".").last.map(String.init) ?? keyPath
        let xTitle: String
        if !numeric {
            xTitle = shortName + ": " + distinct.enumerated().map { "\($0.offset) = \($0.element)" }.joined(separator: ", ")
        } else {
            xTitle = logarithmic ? "\(shortName) (log₁₀)" : shortName
        }
        var groups: [String: [(x: Double, y: Double)]] = [:]
        var order: [String] = []
        for row in labels.indices {
            let others = keyPaths.indices.filter { $0 != index }
                .map { "\(keyPaths[$0].split(separator: ".").last ?? "")=\(columns[$0][row])" }.joined(separator: ", ")
            if groups[others] == nil { order.append(others) }
            groups[others, default: []].append((x(labels[row]), values[row]))
        }
        let series = order.map { name -> LineChart.Series in
            let points = groups[name]!.sorted { $0.x < $1.x }
            return LineChart.Series(name: name.isEmpty ? "runs" : name, xs: points.map(\.x), ys: points.map(\.y))
        }
        return LineChart.Panel(title: shortName, series: series, xTitle: xTitle, yTitle: metric)
    }
}
