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
/// The number of SIGUSR1 signals received, likewise.
private var receivedRequeueSignals: Int32 = 0

/// Turns SIGINT and SIGTERM into a `StopRequest`: the first signal asks the
/// runs to stop at their next step boundary and write a checkpoint (instead of
/// the default handler, which would kill the process mid-step); a second one
/// ends the process at once, exit status 130, unless `repeatsQuit` is false
/// (a SLURM task: Slurm may send SIGTERM more than once, and every one must
/// let the checkpoints be written).
///
/// With `requeueOnUSR1`, SIGUSR1 (what a SLURM task is sent ahead of its time
/// limit) stops the runs the same way and sets `isRequeueRequested`, so that
/// the task requeues itself once the checkpoints are written.
///
/// The handler only counts signals; a watcher on a thread of its own turns the
/// count into the request. It cannot be a Dispatch queue: a sweep's runs occupy
/// every thread of Dispatch's pool for minutes, and a handler queued there
/// would wait until a run ends.
public final class InterruptSignals {
    private let watcher: Thread
    private let cancelled = StopRequest()
    private let requeue = StopRequest()
    private let requeueOnUSR1: Bool

    /// Starts listening; `notify` receives one line per signal.
    public init(stop: StopRequest, repeatsQuit: Bool = true, requeueOnUSR1: Bool = false,
                notify: @escaping @Sendable (String) -> Void) {
        receivedInterrupts = 0
        receivedRequeueSignals = 0
        self.requeueOnUSR1 = requeueOnUSR1
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in receivedInterrupts &+= 1 }
        }
        if requeueOnUSR1 { signal(SIGUSR1) { _ in receivedRequeueSignals &+= 1 } }
        let cancelled = self.cancelled, requeue = self.requeue
        watcher = Thread {
            var handled: Int32 = 0, handledRequeue: Int32 = 0
            while !cancelled.isRequested {
                let received = receivedInterrupts
                if received >= 2, repeatsQuit {
                    notify("aae-run: second signal, quitting now; resume later with `aae-run resume`")
                    exit(130)
                }
                if received > handled {
                    handled = received
                    stop.request()
                    notify(repeatsQuit
                           ? "aae-run: stopping at the next step boundary and writing checkpoints (signal again to quit at once)"
                           : "aae-run: stopping at the next step boundary and writing checkpoints")
                }
                let requeueSignals = receivedRequeueSignals
                if requeueSignals > handledRequeue {
                    handledRequeue = requeueSignals
                    requeue.request()
                    stop.request()
                    notify("aae-run: SIGUSR1 (time limit ahead): writing checkpoints, then requeueing this task")
                }
                usleep(20_000)
            }
        }
        watcher.start()
    }

    /// Whether SIGUSR1 asked for the task to be requeued.
    public var isRequeueRequested: Bool { requeue.isRequested }

    /// Stops listening and restores the default handlers. SIGUSR1 is then
    /// ignored rather than restored: its default action would kill the process
    /// while it requeues itself.
    public func cancel() {
        cancelled.request()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        if requeueOnUSR1 { signal(SIGUSR1, SIG_IGN) }
    }

    deinit { cancel() }
}
