import AAECore
import AAEReport
import Foundation

/// How a run ended.
public enum RunStatus: Sendable, Equatable, CustomStringConvertible {
    case completed
    /// A loss became NaN or infinite at `step`; training stopped there.
    case diverged(step: Int)
    /// A stop was requested; training stopped after `step` and a checkpoint was written.
    case interrupted(step: Int)

    public var description: String {
        switch self {
        case .completed: return "completed"
        case .diverged(let step): return "diverged at step \(step)"
        case .interrupted(let step): return "interrupted after step \(step)"
        }
    }

    /// The state status.csv records for it.
    public var state: RunState {
        switch self {
        case .completed: return .completed
        case .diverged: return .diverged
        case .interrupted: return .interrupted
        }
    }
}

/// What a finished run reports.
public struct RunResult: Sendable {
    public let status: RunStatus
    public let outputDirectory: URL
    /// The last logged value of each metrics.csv column.
    public let finalMetrics: [(name: String, value: Double)]
    /// The held-out evaluation at the end of training (eval.csv); empty for a diverged run.
    public let evaluation: [Metric]
    public let stepsPerSecond: Double
    public let dataDescription: String
    /// Seconds from start to end, over every session of a resumed run.
    public var wallTimeSeconds: Double = 0
}
