import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of SIGINT/SIGTERM signals received since `InterruptSignals` was
/// installed; written only by the signal handler (a word-sized store is all a
/// handler may safely do).
private var receivedInterrupts: Int32 = 0

/// Turns SIGINT and SIGTERM into a `StopRequest`: the first signal asks the
/// runs to stop at their next step boundary and write a checkpoint (instead of
/// the default handler, which would kill the process mid-step); a second one
/// ends the process at once, exit status 130.
///
/// The handler only counts signals; a watcher on a thread of its own turns the
/// count into the request. It cannot be a Dispatch queue: a sweep's runs occupy
/// every thread of Dispatch's pool for minutes, and a handler queued there
/// would wait until a run ends.
public final class InterruptSignals {
    private let watcher: Thread
    private let cancelled = StopRequest()

    /// Starts listening; `notify` receives one line per signal.
    public init(stop: StopRequest, notify: @escaping @Sendable (String) -> Void) {
        receivedInterrupts = 0
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in receivedInterrupts &+= 1 }
        }
        let cancelled = self.cancelled
        watcher = Thread {
            var handled: Int32 = 0
            while !cancelled.isRequested {
                let received = receivedInterrupts
                if received >= 2 {
                    notify("aae-run: second signal, quitting now; resume later with `aae-run resume`")
                    exit(130)
                }
                if received > handled {
                    handled = received
                    stop.request()
                    notify("aae-run: stopping at the next step boundary and writing checkpoints (signal again to quit at once)")
                }
                usleep(20_000)
            }
        }
        watcher.start()
    }

    /// Stops listening and restores the default handlers.
    public func cancel() {
        cancelled.request()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    deinit { cancel() }
}
