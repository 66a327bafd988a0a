import AAEReport
import Foundation

/// How a run ended, saved as `status.csv` in its folder: what a sweep reads to
/// skip finished runs and to fill its summary.
///
/// Columns: `status` (completed, diverged, failed or interrupted: a `RunState`),
/// `diverged_at_step` (empty unless diverged), `wall_time_s` (over every
/// session of a resumed run) and `error` (why a failed run failed).
public struct RunRecord: Equatable, Sendable {
    public static let fileName = RunFolderLayout.statusFileName
    static let columns = ["status", "diverged_at_step", "wall_time_s", "error"]

    /// `completed`, `diverged`, `failed` or `interrupted`.
    public var status: RunState
    public var divergedAtStep: Int?
    /// Seconds, to a tenth.
    public var wallTimeSeconds: Double
    public var error: String

    public init(status: RunState, divergedAtStep: Int? = nil, wallTimeSeconds: Double, error: String = "") {
        self.status = status
        self.divergedAtStep = divergedAtStep
        self.wallTimeSeconds = (wallTimeSeconds * 10).rounded() / 10
        self.error = error
    }

    /// The record of a run that returned.
    public init(_ status: RunStatus, wallTimeSeconds: Double) {
        var divergedAt: Int?
        if case .diverged(let step) = status { divergedAt = step }
        self.init(status: status.state, divergedAtStep: divergedAt, wallTimeSeconds: wallTimeSeconds)
    }

    /// Whether the run needs nothing more: it completed, or diverged (which a rerun would repeat).
    public var isFinished: Bool { status.isFinished }

    public func write(in directory: URL) throws {
        let row = [status.word, divergedAtStep.map(String.init) ?? "", CSVFormat.float(wallTimeSeconds), error]
        try CSVTable(header: Self.columns, rows: [row]).write(to: directory.appendingPathComponent(Self.fileName))
    }

    /// The record in `directory`, nil when there is none or it cannot be read (a status
    /// that is not a `RunState` word included).
    public static func read(in directory: URL) -> RunRecord? {
        guard let table = try? CSVTable.read(from: directory.appendingPathComponent(fileName)),
              let row = table.rows.first, table.header == columns, let status = RunState(word: row[0]) else { return nil }
        return RunRecord(status: status, divergedAtStep: Int(row[1]), wallTimeSeconds: Double(row[2]) ?? 0, error: row[3])
    }
}
