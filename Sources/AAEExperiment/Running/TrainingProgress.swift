import AAECore
import Foundation

/// Where a run's training stands at a log step, as the progress display shows it: one
/// line per log step (`line`) where output is a file or a pipe, or one bar redrawn in
/// place (`bar(columns:)`) on a terminal, as Keras' progress bar does.
///
/// The estimated time left is the remaining steps at the average pace of the steps this
/// process has trained so far (not counting steps before a resume).
public struct TrainingProgress: Sendable, Equatable {
    /// The step just logged, and the run's last step.
    public var step: Int
    public var steps: Int
    /// The step metrics averaged over the log window, by name, in metrics.csv order.
    public var metrics: [Metric]
    public var heldOutMSE: Double
    /// Steps per second over the log window.
    public var rate: Double
    /// The estimated seconds until the last step; nil while nothing has been timed.
    public var secondsLeft: Double?

    public init(step: Int, steps: Int, metrics: [Metric], heldOutMSE: Double, rate: Double, secondsLeft: Double?) {
        self.step = step
        self.steps = steps
        self.metrics = metrics
        self.heldOutMSE = heldOutMSE
        self.rate = rate
        self.secondsLeft = secondsLeft
    }

    /// The estimate for a run at `step` of `steps` that trained `trainedSteps` steps in
    /// `elapsedSeconds` in this process.
    public static func secondsLeft(step: Int, steps: Int, trainedSteps: Int, elapsedSeconds: Double) -> Double? {
        guard trainedSteps > 0, elapsedSeconds > 0 else { return nil }
        return Double(max(steps - step, 0)) * elapsedSeconds / Double(trainedSteps)
    }

    /// `step  500/10000  g_loss 0.1234  …  heldout_mse 0.0412  123.4 steps/s  ETA 1:17`.
    public var line: String {
        let width = String(steps).count
        let padded = String(repeating: " ", count: max(0, width - String(step).count)) + String(step)
        return "step \(padded)/\(steps)  \(values)  \(String(format: "%.1f", rate)) steps/s  ETA \(eta)"
    }

    /// The width of the bar between the brackets, in characters.
    public static let barWidth = 30

    /// ` 500/10000 [=>·····]   5%  ETA 1:17  g_loss 0.1234  …  123.4 steps/s`, cut to
    /// at most `columns − 1` characters so that it never wraps (a wrapped line cannot be
    /// redrawn in place).
    public func bar(columns: Int) -> String {
        let width = String(steps).count
        let padded = String(repeating: " ", count: max(0, width - String(step).count)) + String(step)
        let fraction = steps > 0 ? min(max(Double(step) / Double(steps), 0), 1) : 1
        let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
        let body: String
        if filled >= Self.barWidth {
            body = String(repeating: "=", count: Self.barWidth)
        } else {
            body = String(repeating: "=", count: filled) + ">" + String(repeating: ".", count: Self.barWidth - filled - 1)
        }
        let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
        let text = "\(padded)/\(steps) [\(body)] \(percent)  ETA \(eta)  \(values)  \(String(format: "%.1f", rate)) steps/s"
        return String(text.prefix(max(columns - 1, 1)))
    }

    /// The metric values and the held-out error, `name 0.1234` each.
    private var values: String {
        (metrics.map { "\($0.name) \(String(format: "%.4f", $0.value))" }
            + ["heldout_mse \(String(format: "%.4f", heldOutMSE))"]).joined(separator: "  ")
    }

    /// The time left as `m:ss` or `h:mm:ss`, `0:00` at the end, `?` when unknown.
    var eta: String { Self.duration(step >= steps ? 0 : secondsLeft) }

    /// `seconds` as `m:ss` or `h:mm:ss`; `?` for nil or a value that is not finite.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "?" }
        let total = Int(seconds.rounded())
        let hours = total / 3600, minutes = total / 60 % 60, rest = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}
