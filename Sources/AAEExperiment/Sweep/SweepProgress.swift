import AAEReport
import Foundation

/// The progress view of a running sweep: a line when a run starts, a line with
/// the final metrics when one ends, and the counts of runs done, running,
/// failed and left with an estimate of the time left.
struct SweepProgress {
    let total: Int
    let jobs: Int
    private(set) var finished = 0
    private(set) var failed = 0
    private(set) var running: [String: Date] = [:]
    /// Wall times of the runs trained in this session, for the estimate.
    private var durations: [Double] = []
    /// Metrics shown for a finished run, when it has them.
    static let shownMetrics = ["heldout_recon_mse", "knn_accuracy", "linear_accuracy", "mmd2"]

    init(total: Int, alreadyFinished: Int, jobs: Int) {
        self.total = total
        self.jobs = jobs
        finished = alreadyFinished
    }

    var left: Int { total - finished - failed - running.count }

    mutating func started(_ id: String, at time: Date) -> String {
        running[id] = time
        return "start \(id)  " + counts(at: time)
    }

    mutating func ended(_ id: String, entry: SweepRunEntry, at time: Date) -> String {
        if let start = running.removeValue(forKey: id) { durations.append(time.timeIntervalSince(start)) }
        switch entry.status {
        case .failed: failed += 1
        case .interrupted: break
        default: finished += 1
        }
        var line = "\(entry.status == .completed ? "done " : entry.status.word) \(id)"
        if entry.status == .diverged { line += " at step \(entry.divergedAtStep)" }
        for name in Self.shownMetrics {
            if let value = entry.value(of: name), !value.isEmpty { line += "  \(name) \(value)" }
        }
        if !entry.wallTime.isEmpty { line += "  \(entry.wallTime) s" }
        if !entry.error.isEmpty { line += "\n  error: \(entry.error)" }
        return line + "\n  " + counts(at: time)
    }

    /// `[3/8 done, 2 running, 0 failed, 3 left, ETA 4m 10s]`.
    func counts(at time: Date) -> String {
        "[\(finished)/\(total) done, \(running.count) running, \(failed) failed, \(left) left, ETA \(estimate(at: time))]"
    }

    /// The time left: the mean run time for each run left, less what the
    /// running runs have done, spread over the jobs.
    private func estimate(at time: Date) -> String {
        guard left + running.count > 0 else { return "0s" }
        guard !durations.isEmpty else { return "unknown" }
        let mean = durations.reduce(0, +) / Double(durations.count)
        let runningWork = running.values.reduce(0) { $0 + max(mean - time.timeIntervalSince($1), 0) }
        let seconds = (Double(left) * mean + runningWork) / Double(max(min(jobs, left + running.count), 1))
        return Self.duration(seconds)
    }

    /// `45s`, `4m 10s`, `1h 02m`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h \(String(format: "%02d", total % 3600 / 60))m"
    }
}
