import AAEReport
import Foundation

/// How a sweep ended: its runs counted by status, and the exit status that says so.
public struct SweepOutcome: Sendable, Equatable {
    /// The status of each run, in expansion order.
    public let statuses: [RunState]
    public let outputDirectory: URL

    public func count(_ status: RunState) -> Int { statuses.filter { $0 == status }.count }

    /// Runs left unfinished: interrupted, or never started because of a stop.
    public var unfinishedCount: Int { count(.interrupted) + count(.pending) }

    /// 0 when every run completed; 1 when some failed; 3 when some diverged
    /// (and none failed); 130 when the sweep was interrupted (and nothing failed or diverged).
    public var exitCode: Int32 {
        if count(.failed) > 0 { return 1 }
        if count(.diverged) > 0 { return 3 }
        if unfinishedCount > 0 { return 130 }
        return 0
    }

    /// One line per kind of ending, then where the summary is.
    public var text: String {
        var parts = ["\(count(.completed)) completed"]
        for status in [RunState.diverged, .failed, .interrupted] where count(status) > 0 {
            parts.append("\(count(status)) \(status.word)")
        }
        if count(.pending) > 0 { parts.append("\(count(.pending)) not started") }
        var lines = ["\(statuses.count) runs: " + parts.joined(separator: ", "),
                     "summary: \(outputDirectory.appendingPathComponent(SweepSummary.fileName).relativePath)"]
        if unfinishedCount > 0 || count(.failed) > 0 {
            lines.append("continue with: aae-run resume \(outputDirectory.relativePath)")
        }
        return lines.joined(separator: "\n")
    }
}
