import AAECore
import AAEReport
import Foundation

/// Trains the runs of a sweep side by side, each in its own folder, and keeps
/// summary.csv up to date as they end.
///
/// Runs go to `jobs` workers on a concurrent Dispatch queue, each worker
/// taking the next run in expansion order. Each run computes on its own
/// `options.threadsPerRun` threads (one by default: one run per core never
/// oversubscribes the machine); results do not depend on the thread count,
/// so a run's metrics.csv is the same whatever `jobs` is and equals that of
/// the run trained alone.
///
/// Nothing is lost: a run that diverges or throws is recorded and the others
/// go on; a stop request makes the running runs checkpoint and end
/// `interrupted` and starts no new run; runs that ended (completed or
/// diverged) are skipped when the sweep is run again, and the others continue
/// from their checkpoints.
///
/// With `options.shard`, only that block of runs trains (one SLURM array
/// task's): the sweep folder is not locked (each run locks its own folder)
/// and summary.csv is left to the collect step.
public final class SweepRunner {
    public let plan: SweepPlan
    public let options: SweepOptions
    /// Receives the progress lines (stderr in the CLI); called from worker threads, one call at a time.
    public var progress: (String) -> Void = { _ in }

    private let lock = NSLock()
    private var summary: SweepSummary
    private var tracker: SweepProgress
    private var queue: [Int] = []
    private var summaryError: Error?

    public init(plan: SweepPlan, options: SweepOptions) {
        self.plan = plan
        self.options = options
        summary = SweepSummary(plan: plan, entries: plan.runs.map { _ in .pending })
        tracker = SweepProgress(total: plan.runs.count, alreadyFinished: 0, jobs: options.jobs)
    }

    public func run() throws -> SweepOutcome {
        let indices = try options.shard?.runIndices(total: plan.runs.count) ?? plan.runs.indices
        try FileManager.default.createDirectory(at: plan.outputDirectory, withIntermediateDirectories: true)
        let folderLock = isSharded ? nil : try FolderLock(directory: plan.outputDirectory)
        defer { folderLock?.release() }
        if !isSharded { try plan.prepareFolders() }
        for index in indices {
            let directory = plan.directory(of: plan.runs[index])
            if let record = RunRecord.read(in: directory), record.isFinished {
                summary.entries[index] = SweepRunEntry(directory: directory, record: record)
            } else {
                queue.append(index)
            }
        }
        tracker = SweepProgress(total: indices.count, alreadyFinished: indices.count - queue.count,
                                jobs: max(options.jobs, 1))
        if !isSharded { try summary.write() }
        if queue.count < indices.count {
            progress("\(indices.count - queue.count) of \(indices.count) runs already ended; skipping them")
        }

        let workers = DispatchQueue(label: "aae-run.sweep", attributes: .concurrent)
        let group = DispatchGroup()
        for _ in 0..<min(max(options.jobs, 1), queue.count) {
            workers.async(group: group) { self.work() }
        }
        group.wait()
        if let summaryError { throw summaryError }
        if !isSharded {
            try summary.write()
            try summary.writeFigures()
        }
        return SweepOutcome(statuses: indices.map { summary.entries[$0].status }, outputDirectory: plan.outputDirectory)
    }

    /// A worker: trains runs until none is left or a stop is requested.
    private func work() {
        while let index = takeNext() {
            let run = plan.runs[index]
            let directory = plan.directory(of: run)
            let start = Date()
            let runOptions = RunOptions(outputDirectory: directory.path, dataDirectory: options.dataDirectory,
                                        quiet: true, threads: options.threadsPerRun, resume: true, stopRequest: options.stopRequest,
                                        stopAfterStep: options.stopAfterStep,
                                        hyperparameters: SweepHParams(plan: plan).session(ofRun: index))
            let record: RunRecord
            do {
                let result = try ExperimentRunner(experiment: run.experiment, options: runOptions).run()
                record = RunRecord(result.status, wallTimeSeconds: result.wallTimeSeconds)
            } catch {
                record = RunRecord(status: .failed, wallTimeSeconds: Date().timeIntervalSince(start), error: FileErrorMessage.describe(error))
                try? record.write(in: directory)
            }
            finish(index, entry: SweepRunEntry(directory: directory, record: record))
        }
    }

    /// The next run to train, marked running; nil when none is left or a stop was requested.
    private func takeNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !(options.stopRequest?.isRequested ?? false), !queue.isEmpty else { return nil }
        let index = queue.removeFirst()
        summary.entries[index] = .running
        report(tracker.started(plan.runs[index].id, at: Date()))
        return index
    }

    private func finish(_ index: Int, entry: SweepRunEntry) {
        lock.lock()
        defer { lock.unlock() }
        summary.entries[index] = entry
        report(tracker.ended(plan.runs[index].id, entry: entry, at: Date()))
    }

    /// A shard's runs only: no sweep lock, no summary (the collect step writes it).
    private var isSharded: Bool { options.shard != nil }

    /// Writes the summary (unless sharded) and prints `line`; called with `lock` held.
    private func report(_ line: String) {
        do {
            if !isSharded { try summary.write() }
        } catch {
            summaryError = summaryError ?? error
        }
        progress(line)
    }
}
