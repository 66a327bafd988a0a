import Foundation

/// A Markdown table of the evaluations of several runs (their eval.csv files),
/// one row per run, for docs/results.md and for comparing experiments at a glance.
public struct EvaluationTable {
    /// The metrics shown, in order, with their column titles.
    public static let columns: [(metric: String, title: String)] = [
        ("heldout_recon_mse", "held-out MSE"),
        ("heldout_recon_bce", "BCE / image"),
        ("knn_accuracy", "kNN-5 acc."),
        ("linear_accuracy", "linear acc."),
        ("mean_ks", "mean KS"),
        ("mmd2", "MMD²"),
        ("parzen_log_likelihood", "Parzen LL"),
        ("negative_elbo", "−ELBO"),
    ]

    public let rows: [(run: String, steps: String, values: [String: (value: Double, standardError: Double?)])]

    /// Reads `eval.csv` (and the last step of `metrics.csv`) of each run folder.
    public init(runDirectories: [URL]) throws {
        rows = try runDirectories.map { directory in
            let layout = RunFolderLayout(directory)
            let evaluationURL = layout.evaluation
            guard FileManager.default.fileExists(atPath: evaluationURL.path) else {
                throw EvaluationTableError.noEvaluation(run: directory.path, status: Self.status(of: directory))
            }
            let evaluation: CSVTable
            do {
                evaluation = try CSVTable.read(from: evaluationURL)
            } catch {
                throw EvaluationTableError.unreadable(path: evaluationURL.path, reason: FileErrorMessage.reason(for: error))
            }
            var values: [String: (Double, Double?)] = [:]
            for row in evaluation.rows where row.count >= 2 {
                values[row[0]] = (Double(row[1]) ?? .nan, row.count > 2 ? Double(row[2]) : nil)
            }
            let metrics = try? CSVTable.read(from: layout.metrics)
            let steps = metrics?.rows.last?.first ?? ""
            return (directory.lastPathComponent, steps, values)
        }
    }

    /// The status a run folder's status.csv records, nil when it has none.
    private static func status(of directory: URL) -> String? {
        (try? CSVTable.read(from: RunFolderLayout(directory).status))?.column(named: "status")?.first
    }

    /// The table in Markdown; a metric a run does not report is shown as `—`.
    public var markdown: String {
        var lines = ["| experiment | steps | " + Self.columns.map(\.title).joined(separator: " | ") + " |",
                     "| --- | ---: | " + Self.columns.map { _ in "---:" }.joined(separator: " | ") + " |"]
        for row in rows {
            let cells = Self.columns.map { column -> String in
                guard let entry = row.values[column.metric] else { return "—" }
                let value = Self.format(entry.value)
                return entry.standardError.map { "\(value) ± \(Self.format($0))" } ?? value
            }
            lines.append("| \(row.run) | \(row.steps) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Four significant digits, locale-independent.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return CSVFormat.float(value) }
        let magnitude = value == 0 ? 0 : Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        let decimals = max(0, 3 - magnitude)
        return String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}
