import AAEReport
import Foundation

/// The collect step of a sweep whose runs were trained elsewhere (SLURM's
/// array tasks): summary.csv and the sweep's figures rebuilt from what each
/// run folder records, in expansion order.
///
/// A run with a status.csv has the status it records; one without has not
/// ended: `interrupted` when it started (it has metrics.csv or a checkpoint,
/// e.g. a task killed outright), else `pending`.
public enum SweepCollection {
    /// Rewrites summary.csv and the figures of `plan`; returns the outcome the folders give.
    public static func collect(_ plan: SweepPlan) throws -> SweepOutcome {
        let folderLock = try FolderLock(directory: plan.outputDirectory)
        defer { folderLock.release() }
        let entries = entries(of: plan)
        let summary = SweepSummary(plan: plan, entries: entries)
        try summary.write()
        try summary.writeFigures()
        return SweepOutcome(statuses: entries.map(\.status), outputDirectory: plan.outputDirectory)
    }

    /// The outcome the run folders of `plan` give now, writing nothing.
    public static func outcome(_ plan: SweepPlan) -> SweepOutcome {
        SweepOutcome(statuses: entries(of: plan).map(\.status), outputDirectory: plan.outputDirectory)
    }

    static func entries(of plan: SweepPlan) -> [SweepRunEntry] {
        plan.runs.map { run -> SweepRunEntry in
            let folder = plan.directory(of: run)
            if let record = RunRecord.read(in: folder) { return SweepRunEntry(directory: folder, record: record) }
            let layout = RunFolderLayout(folder)
            let started = [layout.metrics, layout.checkpoint].contains { FileManager.default.fileExists(atPath: $0.path) }
            return SweepRunEntry(status: started ? .interrupted : .pending)
        }
    }
}
