import AAEReport
import Foundation

/// The sweep a run folder belongs to: the parent folder, when its summary.csv
/// lists the run. Lets `aae-run eval` keep the sweep's summary in step with a
/// run it evaluates again.
struct EnclosingSweep {
    /// The sweep's folder.
    let directory: URL

    /// The sweep of `runDirectory`; nil when the run is not one of a sweep's.
    init?(runDirectory: URL) {
        let parent = runDirectory.standardizedFileURL.deletingLastPathComponent()
        let runID = runDirectory.standardizedFileURL.lastPathComponent
        guard let summary = try? CSVTable.read(from: parent.appendingPathComponent(SweepSummary.fileName)),
              summary.header.first == "run_id", summary.rows.contains(where: { $0.first == runID }) else { return nil }
        directory = parent
    }

    /// The swept values of the run in `runDirectory`, as its HParams session starts
    /// with them; empty when the sweep's plan does not list the run.
    func hyperparameters(ofRun runDirectory: URL) throws -> [(name: String, value: HParamValue)] {
        let plan = try SweepPlan.resuming(directory: directory)
        let runID = runDirectory.standardizedFileURL.lastPathComponent
        guard let index = plan.runs.firstIndex(where: { $0.id == runID }) else { return [] }
        return SweepHParams(plan: plan).session(ofRun: index)
    }

    /// Rewrites summary.csv and the sweep's figures from what the run folders
    /// hold now; a run that has not ended keeps the status the summary gave it.
    func refreshSummary() throws {
        let plan = try SweepPlan.resuming(directory: directory)
        let previous = try CSVTable.read(from: directory.appendingPathComponent(SweepSummary.fileName))
        let statuses = Dictionary(zip(previous.column(named: "run_id") ?? [], previous.column(named: "status") ?? []),
                                  uniquingKeysWith: { first, _ in first })
        let entries = plan.runs.map { run -> SweepRunEntry in
            let folder = plan.directory(of: run)
            if let record = RunRecord.read(in: folder) { return SweepRunEntry(directory: folder, record: record) }
            return SweepRunEntry(status: statuses[run.id].flatMap(RunState.init(word:)) ?? .pending)
        }
        let summary = SweepSummary(plan: plan, entries: entries)
        try summary.write()
        try summary.writeFigures()
    }
}
