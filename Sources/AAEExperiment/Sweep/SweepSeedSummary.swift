import AAEReport
import Foundation

/// `summary_seeds.csv` of a sweep with several seeds (`sweep.seeds`, or `seed` swept):
/// one row per point of the sweep's other keys, with each numeric column of summary.csv
/// as the mean and the sample standard deviation (n − 1, see `SampleSpread`) over that
/// point's completed runs, which differ only by their seed.
///
/// Columns: the swept key paths but `seed`; `seeds` (the point's seeds, space-separated);
/// `completed` (how many of its runs completed, the n of the spread); then `<column>_mean`
/// and `<column>_sd` for each final metric but `step`, `best_heldout_recon_mse`, each
/// `eval_<metric>` and `wall_time_s`, in summary.csv's order. A point with one completed
/// run has an empty `_sd`, one with none empty values. Rows are in the order of each
/// point's first run; a sweep of one seed writes no such file.
public enum SweepSeedSummary {
    public static let fileName = "summary_seeds.csv"
    static let seedColumn = "seed"

    /// The summary over seeds of `summary` (summary.csv of a sweep swept over `keyPaths`);
    /// nil when the sweep has fewer than two seeds.
    public static func table(summary: CSVTable, keyPaths: [String]) -> CSVTable? {
        guard keyPaths.contains(seedColumn), let seeds = summary.column(named: seedColumn),
              Set(seeds).count > 1, let statuses = summary.column(named: "status"),
              let divergedIndex = summary.header.firstIndex(of: "diverged_at_step"),
              let errorIndex = summary.header.firstIndex(of: "error") else { return nil }
        let pointKeys = keyPaths.filter { $0 != seedColumn }
        let pointIndices = pointKeys.compactMap { summary.header.firstIndex(of: $0) }
        let valueIndices = (divergedIndex + 1..<errorIndex).filter { summary.header[$0] != "step" }
        var order: [[String]] = [], rowsOfPoint: [[String]: [Int]] = [:]
        for (row, fields) in summary.rows.enumerated() {
            let point = pointIndices.map { fields[$0] }
            if rowsOfPoint[point] == nil { order.append(point) }
            rowsOfPoint[point, default: []].append(row)
        }
        let header = pointKeys + ["seeds", "completed"]
            + valueIndices.flatMap { ["\(summary.header[$0])_mean", "\(summary.header[$0])_sd"] }
        let rows = order.map { point -> [String] in
            let runs = rowsOfPoint[point]!
            let completed = runs.filter { statuses[$0] == RunState.completed.word }
            let values = valueIndices.flatMap { column -> [String] in
                let spread = SampleSpread(completed.compactMap { Double(summary.rows[$0][column]) })
                return [spread.count > 0 ? CSVFormat.float(spread.mean) : "",
                        spread.count > 1 ? CSVFormat.float(spread.standardDeviation) : ""]
            }
            return point + [runs.map { seeds[$0] }.joined(separator: " "), String(completed.count)] + values
        }
        return CSVTable(header: header, rows: rows)
    }
}
