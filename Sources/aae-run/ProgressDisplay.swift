import AAEExperiment
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a run's progress on stderr: on a terminal one bar redrawn in place at every log
/// step (carriage return, then the line cleared to its end), ended by a newline when the
/// run ends or another message is printed; otherwise, for a file or a pipe, one line per
/// log step. Lines are cut to the terminal's width so that they never wrap.
final class ProgressDisplay: @unchecked Sendable {
    private let isTerminal: Bool
    private let lock = NSLock()
    private var barShown = false

    /// A display for stderr, drawing bars when stderr is a terminal.
    init() {
        isTerminal = isatty(STDERR_FILENO) != 0
    }

    /// Shows `progress`: redraws the bar, or prints its line.
    func show(_ progress: TrainingProgress) {
        lock.withLock {
            guard isTerminal else { return write(progress.line + "\n") }
            write("\r" + progress.bar(columns: Self.columns()) + "\u{1B}[K")
            barShown = true
        }
    }

    /// Prints `line` on a line of its own, below the bar if one is shown.
    func message(_ line: String) {
        lock.withLock {
            endBar()
            write(line + "\n")
        }
    }

    /// Ends the bar's line, so that what follows starts on a fresh one.
    func finish() {
        lock.withLock { endBar() }
    }

    private func endBar() {
        if barShown { write("\n") }
        barShown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The terminal's width in columns, 80 when it does not say.
    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
