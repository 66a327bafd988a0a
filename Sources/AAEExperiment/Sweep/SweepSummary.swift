import AAEReport
import Foundation

/// `summary.csv` of a sweep: one row per run, in expansion order whatever
/// order runs finish in, so that two sweeps diff row by row (`aae-run diff`
/// aligns the rows by `run_id`).
///
/// Columns: `run_id`; the swept key paths; `seed` (when not swept: the seed
/// each run derived); `status` (pending, running, completed, diverged, failed
/// or interrupted); `diverged_at_step`; the last metrics.csv row; 
/// `best_heldout_recon_mse`; the eval.csv values as `eval_<metric>`;
/// `wall_time_s`; `error`. Metric columns are the union over the runs, in
/// expansion order, so runs of different models fit in one table.
struct SweepSummary {
    static let fileName = "summary.csv"
    /// The column of the seeds runs derived, when the sweep does not set `seed`.
    static let derivedSeedColumn = "seed"

    let plan: SweepPlan
    var entries: [SweepRunEntry]

    var url: URL { plan.outputDirectory.appendingPathComponent(Self.fileName) }

    var table: CSVTable {
        let showsSeed = !plan.keyPaths.contains(Self.derivedSeedColumn)
        let metricNames = Self.union(entries.map { $0.finalMetrics.map(\.name) })
        let evaluationNames = Self.union(entries.map { $0.evaluation.map(\.name) })
        let header = ["run_id"] + plan.keyPaths + (showsSeed ? [Self.derivedSeedColumn] : [])
            + ["status", "diverged_at_step"] + metricNames + ["best_heldout_recon_mse"]
            + evaluationNames.map { "eval_\($0)" } + ["wall_time_s", "error"]
        let rows = zip(plan.runs, entries).map { run, entry -> [String] in
            let metrics = Dictionary(entry.finalMetrics.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let evaluation = Dictionary(entry.evaluation.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            return [run.id] + run.values + (showsSeed ? [String(run.experiment.seed)] : [])
                + [entry.status.word, entry.divergedAtStep] + metricNames.map { metrics[$0] ?? "" } + [entry.bestHeldOutMSE]
                + evaluationNames.map { evaluation[$0] ?? "" } + [entry.wallTime, entry.error]
        }
        return CSVTable(header: header, rows: rows)
    }

    /// Replaces summary.csv, the summary over seeds of a sweep with several
    /// (`SweepSeedSummary`) and the sweep's HParams experiment (`tb/`) atomically.
    func write() throws {
        let table = table
        try table.write(to: url)
        if let overSeeds = SweepSeedSummary.table(summary: table, keyPaths: plan.keyPaths) {
            try overSeeds.write(to: plan.outputDirectory.appendingPathComponent(SweepSeedSummary.fileName))
        }
        try SweepHParams(plan: plan).writeExperiment(metricNames: Self.union(entries.map { $0.finalMetrics.map(\.name) }),
                                                     evaluationNames: Self.union(entries.map { $0.evaluation.map(\.name) }))
    }

    /// Replaces the sweep's figures (one per metric of `SweepMetricFigure.metrics`).
    func writeFigures() throws {
        for metric in SweepMetricFigure.metrics {
            try SweepMetricFigure.write(summary: table, keyPaths: plan.keyPaths, metric: metric, title: plan.name,
                                        to: plan.outputDirectory.appendingPathComponent(SweepMetricFigure.fileName(metric)))
        }
    }

    /// The names of `lists` in order of first appearance.
    private static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for name in lists.joined() where seen.insert(name).inserted { names.append(name) }
        return names
    }
}
