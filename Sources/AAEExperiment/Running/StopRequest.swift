import Foundation

/// A request to stop training at the next step boundary, shared between whoever
/// asks (a signal handler, a test) and the runs that should stop.
///
/// A run that sees it writes a checkpoint and ends `interrupted`, so that
/// `aae-run resume` continues it exactly where it stopped.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    /// Whether a stop has been requested.
    public var isRequested: Bool { lock.withLock { requested } }

    /// Asks every run holding this request to stop at its next step boundary.
    public func request() {
        lock.withLock { requested = true }
    }
}
