import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT and SIGTERM into a `StopRequest`: the first signal asks the
/// runs to stop at their next step boundary and write a checkpoint (the
/// default handler, which would kill the process mid-step, is ignored); a
/// second one ends the process at once, exit status 130.
public final class InterruptSignals {
    private var sources: [DispatchSourceSignal] = []

    /// Starts listening; `notify` receives one line per signal.
    public init(stop: StopRequest, notify: @escaping @Sendable (String) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isRequested {
                    notify("aae-run: second signal, quitting now; resume later with `aae-run resume`")
                    exit(130)
                }
                stop.request()
                notify("aae-run: stopping at the next step boundary and writing checkpoints (signal again to quit at once)")
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening and restores the default handlers.
    public func cancel() {
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    deinit { cancel() }
}
